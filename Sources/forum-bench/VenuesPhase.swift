/// One burst of a show held in several venues: every phone, at every venue, votes at once.
struct MergedBurstResult {
    /// Every phone's ack (each durable at its own venue), per venue and overall.
    var burst: BurstResult
    /// First vote sent → the host's tally (the sum over every venue) counts every vote exactly.
    var mergedSeconds: Double
    /// First vote sent → the archive holds every vote acknowledged so far (nil: no archive).
    var archiveSeconds: Double?

    var votes: Int { burst.latencies.count }
    /// Votes counted in the host's merged tally per second.
    var mergedPerSecond: Double { mergedSeconds > 0 ? Double(votes) / mergedSeconds : 0 }
}

extension Bench {
    /// `rounds` times: open a round, every phone votes at once (then every phone changes its
    /// vote at once); each burst waits for every ack, then for both the host's merged tally
    /// to be exact per option and (with an archive) the archive to hold every vote, its count
    /// per venue equal to the acks each venue gave, timing each from the burst's first vote.
    func mergedBursts(
        stage: Stage, rounds: Int, archive: ArchiveWatch?, venueNames: [String]
    ) throws(BenchFailure) -> (first: [MergedBurstResult], changed: [MergedBurstResult]) {
        var first: [MergedBurstResult] = []
        var changed: [MergedBurstResult] = []
        let options = stage.options
        for round in 0..<rounds {
            let id = try openRound(stage: stage)
            for shift in 0..<2 {
                // A third of the phones on one option, the rest on the next; then every phone
                // moves on by one: the counts per option differ between the two bursts, so
                // the changed burst's tally is exact only once every change has been merged.
                let option = { (phone: Int) in
                    options[((phone % 3 == 0 ? 1 : 0) + round + shift) % options.count]
                }
                let burst = try self.burst(round: id, option: option)
                let (merged, archived) = try waitForMerge(
                    round: id, votes: phones.indices.map(option), since: burst.start, archive: archive,
                    venueNames: venueNames)
                let result = MergedBurstResult(burst: burst, mergedSeconds: merged, archiveSeconds: archived)
                if shift == 0 { first.append(result) } else { changed.append(result) }
            }
            try commandAndState(.close)
        }
        return (first, changed)
    }

    /// Turns the loop until the host's merged tally counts exactly `votes` and (with an
    /// archive) the archive's votes per venue are exactly the acks each venue gave, timing
    /// each from `start`; the archive is polled every 20 ms while the phones keep being read.
    private func waitForMerge(
        round: String, votes: [String], since start: UInt64, archive: ArchiveWatch?, venueNames: [String]
    ) throws(BenchFailure) -> (merged: Double, archived: Double?) {
        var expectedTally: [String: Int] = [:]
        for vote in votes { expectedTally[vote, default: 0] += 1 }
        var expectedArchive: [String: Int] = [:]
        for (venue, count) in ackedPerVenue.enumerated() where count > 0 { expectedArchive[venueNames[venue]] = count }
        var merged: UInt64?
        var archived: UInt64?
        let deadline = Clock.now() + 60_000_000_000
        while merged == nil || (archive != nil && archived == nil) {
            let now = Clock.now()
            if merged == nil, tallyMatches(round: round, expected: expectedTally) { merged = now }
            if let archive, archived == nil, archive.poll(everyMilliseconds: 20) == expectedArchive { archived = now }
            guard now < deadline else {
                if merged == nil { try verifyTally(round: round, votes: votes) }
                throw BenchFailure(
                    "after 60 s the archive \(archive?.path ?? "") holds \(archive?.counts.sorted { $0.key < $1.key } ?? []) "
                        + "votes by venue; the venues acknowledged \(expectedArchive.sorted { $0.key < $1.key })")
            }
            pool.pump(milliseconds: 10)
            try checkFailures()
        }
        return (Clock.seconds(from: start, to: merged!), archived.map { Clock.seconds(from: start, to: $0) })
    }
}
