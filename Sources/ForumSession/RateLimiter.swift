/// A token bucket per connection: short bursts pass, a steady flood is refused.
public struct RateLimiter: Sendable {
    public let capacity: Double
    public let perSecond: Double
    private var tokens: Double
    private var updated: Double

    public init(capacity: Double = 40, perSecond: Double = 20, now: Double) {
        self.capacity = capacity
        self.perSecond = perSecond
        self.tokens = capacity
        self.updated = now
    }

    /// Takes one token if there is one; `now` in seconds from any fixed origin.
    public mutating func allow(now: Double) -> Bool {
        tokens = min(capacity, tokens + (now - updated) * perSecond)
        updated = now
        guard tokens >= 1 else { return false }
        tokens -= 1
        return true
    }
}
