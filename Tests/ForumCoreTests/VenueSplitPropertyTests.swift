import ForumCore
import PropertyBased
import Testing

/// *(addition)* The rule on groups given as they are (the venues of a shared show, which the
/// live tally does not carry): over many random rooms, no venue of fewer than 5 people can be
/// seen or worked out from its counts and the total, and the groups given by place split as
/// the split by place does.
@Suite struct VenueSplitPropertyTests {
    static let threshold = Show.smallGroupThreshold

    /// Venue sizes and each person's vote (option index).
    static let rooms = zip(Gen.int(in: 2...5), Gen.int(in: 0...9).array(of: 0...40).array(of: 2...5))

    @Test func noSmallVenueCanBeReadOrWorkedOut() async {
        await propertyCheck(count: 500, input: Self.rooms) { optionCount, venues in
            let options = (0..<optionCount).map { "o\($0)" }
            var groups: [VoterGroup: [String: Int]] = [:]
            var counts = Dictionary(uniqueKeysWithValues: options.map { ($0, 0) })
            for (index, votes) in venues.enumerated() where !votes.isEmpty {
                var venue = Dictionary(uniqueKeysWithValues: options.map { ($0, 0) })
                for vote in votes { venue[options[vote % optionCount]]! += 1 }
                groups[.venue("v\(index)")] = venue
                counts.merge(venue, uniquingKeysWith: +)
            }
            let tally = Tally(
                roundID: "D1", optionOrder: options, counts: counts, byPerspective: [:], noPerspective: [:])
            let split = ShownSplit(of: tally, groups: groups, threshold: Self.threshold)
            let shownVoters = split.shown.values.map { $0.values.reduce(0, +) }
            #expect(shownVoters.allSatisfy { $0 >= Self.threshold })
            let left = tally.total - shownVoters.reduce(0, +)
            if split.shown.isEmpty {
                #expect(split.withheld == (tally.total > 0 ? .tooFew : nil) && split.others == nil)
            } else {
                #expect(!(1..<Self.threshold).contains(left), "the rest is nobody or at least 5 people")
                #expect((split.others?.voters ?? 0) == left)
            }
            for (group, venueCounts) in groups where venueCounts.values.reduce(0, +) < Self.threshold {
                #expect(split.shown[group] == nil && split.hides(group))
            }
        }
    }

    @Test func groupsByPlaceSplitAsTheSplitByPlace() {
        let tally = Tally(
            roundID: "D1", optionOrder: ["a", "b"], counts: ["a": 9, "b": 4], byPerspective: [:],
            noPerspective: ["a": 9, "b": 4], byPlace: [.room: ["a": 6, "b": 1], .remote: ["a": 1, "b": 2]],
            noPlace: ["a": 2, "b": 1])
        let groups: [VoterGroup: [String: Int]] = [
            .place(.room): ["a": 6, "b": 1], .place(.remote): ["a": 1, "b": 2], .noPlace: ["a": 2, "b": 1],
        ]
        #expect(
            ShownSplit(of: tally, groups: groups, threshold: 5) == ShownSplit(of: tally, by: .place, threshold: 5))
        #expect(ShownSplit(of: tally, groups: groups, threshold: 5).shown.keys.sorted() == [.place(.room)])
    }
}
