/// The bench's copy of the server's per-connection rate limit (a token bucket: bursts of 40,
/// 20 messages a second), kept for every phone so the bench can show it stays well under it.
struct TokenBucket {
    static let capacity = 40.0
    static let perSecond = 20.0

    private var tokens = TokenBucket.capacity
    private var updated: UInt64
    /// The fewest tokens this phone ever had left right after sending.
    private(set) var lowest = TokenBucket.capacity

    init(now: UInt64) {
        updated = now
    }

    /// Takes a token for a message sent at `now`; false if the server would refuse it.
    mutating func take(now: UInt64) -> Bool {
        tokens = min(Self.capacity, tokens + Clock.seconds(from: updated, to: now) * Self.perSecond)
        updated = now
        tokens -= 1
        lowest = min(lowest, tokens)
        return tokens >= 0
    }
}
