import ForumCore

/// One burst: every phone votes at once.
struct BurstResult {
    /// Send → durable ack, per vote, in milliseconds.
    var latencies: [Double]
    /// First vote sent → last ack.
    var seconds: Double
    /// How long sending every phone's vote took.
    var sendMilliseconds: Double
    /// The server's CPU time from just before the first vote to the last ack (0: not read).
    var serverCPUSeconds: Double = 0
    /// When the first vote was sent.
    var start: UInt64 = 0
    /// Per venue: first vote sent → the last ack at that venue.
    var perVenueSeconds: [Double] = []

    var acksPerSecond: Double { seconds > 0 ? Double(latencies.count) / seconds : 0 }
}

/// Every round of bursts: first votes and changed votes.
struct BurstsResult {
    var first: [BurstResult] = []
    var changed: [BurstResult] = []

    /// Votes stored per second of the server's CPU over the bursts' votes alone (from each
    /// burst's first vote to its last ack: the vote path at saturation, without the rounds'
    /// opens, reveals and their fan-outs); nil when the CPU was not read.
    var votesPerServerCPUSecond: Double? {
        let runs = first + changed
        let cpu = runs.map(\.serverCPUSeconds).reduce(0, +)
        return cpu > 0 ? Double(runs.map(\.latencies.count).reduce(0, +)) / cpu : nil
    }
}

extension Bench {
    /// Opens a fresh round on the stage's decision (moving there, or replaying the scene if
    /// it already had a round) and waits until every phone sees it open. Returns its id.
    func openRound(stage: Stage) throws(BenchFailure) -> String {
        if host.scene != stage.decisionScene {
            try commandAndState(.goto(scene: stage.decisionScene))
        } else if host.round.id != nil {
            try commandAndState(.replay(scene: nil))
        }
        try commandAndState(.open(seconds: nil))
        guard let round = host.round.id, host.round.status == .open else {
            throw BenchFailure("`open` did not open a round: the host's decision is \(host.round)")
        }
        try run(
            until: { phones.allSatisfy { $0.round == round && $0.status == .open } }, timeoutSeconds: 60,
            waitingFor: "every phone to see round \(round) open")
        for index in phones.indices { phones[index].votesInRound = 0 }
        return round
    }

    /// `rounds` times: open a round, every phone votes at once, then every phone changes its
    /// vote at once; the host's tally and every phone's `my_vote` must then be exactly right.
    func bursts(stage: Stage, rounds: Int) throws(BenchFailure) -> BurstsResult {
        var result = BurstsResult()
        let options = stage.options
        for round in 0..<rounds {
            let id = try openRound(stage: stage)
            result.first.append(try burst(round: id) { options[($0 + round) % options.count] })
            let final = { (phone: Int) in options[(phone + round + 1) % options.count] }
            result.changed.append(try burst(round: id, option: final))
            try verifyTally(round: id, finalOption: final, voters: phones.count)
            try run(
                until: { phones.indices.allSatisfy { phones[$0].myVote == final($0) } }, timeoutSeconds: 30,
                waitingFor: "every phone's my_vote to show its changed vote")
            try commandAndState(.close)
            try commandAndState(.reveal)
            try verifyTally(round: id, finalOption: final, voters: phones.count)
            // The acks said it; the states after the reveal must say it too.
            try run(
                until: {
                    phones.indices.allSatisfy { phones[$0].status == .revealed && phones[$0].myVote == final($0) }
                },
                timeoutSeconds: 30, waitingFor: "every phone's revealed state to show its changed vote")
        }
        return result
    }

    /// Every phone votes in `round` in one tight loop; waits for every ack.
    func burst(round: String, option: (Int) -> String) throws(BenchFailure) -> BurstResult {
        voteLatencies.removeAll(keepingCapacity: true)
        voteSendTimes.removeAll(keepingCapacity: true)
        let votes = phones.indices.map { prepareVote(phone: $0, round: round, option: option($0)) }
        let cpuBefore = serverCPUSeconds()
        let start = Clock.now()
        lastAckPerVenue = Array(repeating: start, count: venueCount)
        for vote in votes { send(vote) }
        let sent = Clock.now()
        try run(
            until: { pendingVotes.isEmpty }, timeoutSeconds: 120,
            waitingFor: "the acks of a burst of \(phones.count) votes")
        return BurstResult(
            latencies: voteLatencies, seconds: Clock.seconds(from: start, to: lastAck),
            sendMilliseconds: Clock.milliseconds(from: start, to: sent),
            serverCPUSeconds: serverCPUSeconds() - cpuBefore, start: start,
            perVenueSeconds: lastAckPerVenue.map { Clock.seconds(from: start, to: $0) })
    }

    /// Waits until the host's tally for `round` counts exactly `voters` phones, each for its
    /// final option (phones `0..<voters`); fails loudly with both tallies otherwise.
    func verifyTally(round: String, finalOption: (Int) -> String, voters: Int) throws(BenchFailure) {
        try verifyTally(round: round, votes: (0..<voters).map(finalOption))
    }

    /// The host's tally must count exactly `votes` (each phone's counted option, nil for none).
    func verifyTally(round: String, votes: [String?]) throws(BenchFailure) {
        var expected: [String: Int] = [:]
        for case let vote? in votes { expected[vote, default: 0] += 1 }
        let voters = expected.values.reduce(0, +)
        do {
            try run(
                until: { tallyMatches(round: round, expected: expected) }, timeoutSeconds: 15,
                waitingFor: "the host's tally")
        } catch {
            let tally = host.tallyCounts
            throw BenchFailure(
                "wrong tally for round \(round): the host sees total \(tally.total), counts \(tally.counts.sorted { $0.key < $1.key }) "
                    + "(round \(tally.round ?? "none")); expected \(voters) votes: \(expected.sorted { $0.key < $1.key })"
                    + " [\(error)]")
        }
    }

    /// Whether the host's latest tally is for `round` and counts exactly `expected` per option.
    func tallyMatches(round: String, expected: [String: Int]) -> Bool {
        let voters = expected.values.reduce(0, +)
        let tally = host.tallyCounts
        return tally.round == round && tally.total == voters
            && expected.allSatisfy { tally.counts[$0.key] == $0.value }
            && tally.counts.values.reduce(0, +) == voters
    }
}
