/// A steady stream of votes.
struct SustainedResult {
    /// The rate asked for, and the rate used (capped so each phone stays well under the limit).
    var requestedRate: Double
    var rate: Double
    var seconds: Double
    var votes: Int
    /// Send → durable ack, per vote.
    var latency: Percentiles
    /// Votes sent per second as achieved, and acks per second (first send → last ack).
    var sentPerSecond: Double
    var ackedPerSecond: Double
    /// Votes per second each phone sent, and the fewest tokens any phone's bucket had left.
    var perPhoneRate: Double
    var lowestTokens: Double
    /// Send → ack of the votes sent in each second of the phase, to tell a steady latency
    /// from a stall.
    var perSecond: [Percentiles]
    /// Votes the server refused as `overloaded` (only with `--accept-overloaded`).
    var refused = 0

    /// The second whose slowest vote was slowest.
    var worstSecond: (second: Int, latency: Percentiles)? {
        perSecond.enumerated().max { $0.element.max < $1.element.max }.map { ($0.offset, $0.element) }
    }
}

extension Bench {
    /// The acknowledged votes' latencies grouped by the second (from `start`) they were sent in.
    func latencyPerSecond(from start: UInt64, seconds: Double) -> [Percentiles] {
        var buckets = [[Double]](repeating: [], count: max(1, Int(seconds.rounded(.up))))
        for (latency, sent) in zip(voteLatencies, voteSendTimes) {
            let second = min(buckets.count - 1, Int(Clock.seconds(from: start, to: sent)))
            buckets[second].append(latency)
        }
        return buckets.map { Percentiles($0) }
    }

    /// The most votes a second one phone sends here: half the server's limit of 20.
    static let perPhoneRateCap = 10.0

    /// Votes at `rate` a second for `seconds`, round-robin over the phones (each changing its
    /// vote between the options), then checks the host's tally.
    func sustained(stage: Stage, rate requested: Double, seconds: Double) throws(BenchFailure) -> SustainedResult {
        let round = try openRound(stage: stage)
        let rate = min(requested, Double(phones.count) * Self.perPhoneRateCap)
        let total = max(1, Int(rate * seconds))
        let options = stage.options
        var finalOptions = [String?](repeating: nil, count: phones.count)
        voteLatencies.removeAll(keepingCapacity: true)
        voteSendTimes.removeAll(keepingCapacity: true)
        overloadedVotes = 0
        let interval = 1e9 / rate
        let start = Clock.now()
        var sent = 0
        while sent < total {
            let due = start + UInt64(Double(sent) * interval)
            let now = Clock.now()
            if now + 1_000_000 >= due {
                let phone = sent % phones.count
                let option = options[(phone + phones[phone].votesInRound) % options.count]
                vote(phone: phone, round: round, option: option)
                finalOptions[phone] = option
                sent += 1
                continue
            }
            pool.pump(milliseconds: Int32((due - now) / 1_000_000))
            try checkFailures()
        }
        let lastSend = Clock.now()
        try run(until: { pendingVotes.isEmpty }, timeoutSeconds: 60, waitingFor: "the acks of the sustained votes")
        if acceptOverloaded {
            // The last acknowledged vote of each phone is what must count.
            try verifyTally(round: round, votes: phones.map { $0.round == round ? $0.myVote : nil })
        } else {
            let voters = min(total, phones.count)
            try verifyTally(round: round, finalOption: { finalOptions[$0]! }, voters: voters)
        }
        return SustainedResult(
            requestedRate: requested, rate: rate, seconds: seconds, votes: total,
            latency: Percentiles(voteLatencies),
            sentPerSecond: Double(total) / max(1e-9, Clock.seconds(from: start, to: lastSend)),
            ackedPerSecond: Double(total - overloadedVotes) / max(1e-9, Clock.seconds(from: start, to: lastAck)),
            perPhoneRate: rate / Double(phones.count),
            lowestTokens: phones.map(\.bucket.lowest).min() ?? TokenBucket.capacity,
            perSecond: latencyPerSecond(from: start, seconds: seconds), refused: overloadedVotes)
    }
}
