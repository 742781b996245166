import ForumCore
import Testing

@Suite("Ballots: the tally kept as votes come in equals a recount")
struct BallotsTallyTests {
    static let options = ["police", "crisis", "wait"].map { Option(id: $0, label: $0) }
    static let perspectives: [String?] = [nil, "carer", "police", "nurse"]

    /// Counts the ballots from scratch, as the tally was once computed on every read.
    static func recount(_ ballots: Ballots) -> Tally {
        let zeros = Dictionary(uniqueKeysWithValues: options.map { ($0.id, 0) })
        var counts = zeros
        var byPerspective: [String: [String: Int]] = [:]
        var none = zeros
        for ballot in ballots.byDevice.values {
            counts[ballot.optionID, default: 0] += 1
            if let perspective = ballot.perspective {
                byPerspective[perspective, default: zeros][ballot.optionID, default: 0] += 1
            } else {
                none[ballot.optionID, default: 0] += 1
            }
        }
        return Tally(
            roundID: ballots.roundID, optionOrder: options.map(\.id), counts: counts, byPerspective: byPerspective,
            noPerspective: none)
    }

    @Test(arguments: [1, 7, 42, 1234, 99_999])
    func changedVotesAndPerspectivesKeepTheTallyExact(seed: UInt64) {
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var ballots = Ballots(roundID: "D1")
        for step in 0..<2000 {
            let ballot = Ballots.Ballot(
                optionID: Self.options[next(3)].id, perspective: Self.perspectives[next(Self.perspectives.count)])
            ballots.record(device: "device-\(next(60))", ballot)
            if step % 97 == 0 { #expect(ballots.tally(options: Self.options) == Self.recount(ballots)) }
        }
        let tally = ballots.tally(options: Self.options)
        #expect(tally == Self.recount(ballots))
        #expect(tally.total == ballots.byDevice.count)
        // A perspective nobody holds any more is not in the split.
        for (perspective, counts) in tally.byPerspective { #expect(counts.values.reduce(0, +) > 0, "\(perspective)") }
    }
}
