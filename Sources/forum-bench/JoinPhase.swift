/// How the phones joined.
struct JoinResult {
    var phones: Int
    var window: Int
    var seconds: Double
    /// Per phone: connect started → welcome and state received.
    var latency: Percentiles

    var perSecond: Double { seconds > 0 ? Double(phones) / seconds : 0 }
}

extension Bench {
    /// Connects `count` phones, at most `window` of them joining at once (a real room's
    /// phones do not all tap in the same microsecond, and a full listen backlog would only
    /// measure the kernel's SYN retry timer).
    func joinPhones(count: Int, window: Int) throws(BenchFailure) -> JoinResult {
        let start = Clock.now()
        let deadline = start + UInt64(max(60, count / 10)) * 1_000_000_000
        while joinedCount < count {
            while phones.count < count, phones.count - joinedCount < window { try openPhone() }
            pool.pump(milliseconds: 10)
            try checkFailures()
            guard Clock.now() < deadline else {
                throw BenchFailure(
                    "only \(joinedCount) of \(count) phones had joined after \(Int(Clock.seconds(from: start, to: Clock.now()))) s"
                )
            }
        }
        let last = phones.map(\.joined).max() ?? start
        return JoinResult(
            phones: count, window: window, seconds: Clock.seconds(from: start, to: last),
            latency: Percentiles(joinLatencies))
    }
}
