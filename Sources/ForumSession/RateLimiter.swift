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

extension RateLimiter {
    /// Tokens there are at `now`.
    public func available(now: Double) -> Double {
        min(capacity, tokens + (now - updated) * perSecond)
    }

    /// True when the bucket has refilled by `now`: it is then the same as a new one.
    public func isFull(now: Double) -> Bool {
        available(now: now) >= capacity
    }

    /// Seconds until one token is there (0 when there is one now).
    public func wait(now: Double) -> Double {
        max(0, (1 - available(now: now)) / perSecond)
    }
}
