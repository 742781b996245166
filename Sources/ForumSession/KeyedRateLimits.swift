/// Token buckets per key (a device token, a source address) that survive reconnecting: the
/// bucket belongs to the key, not to a connection. Only buckets that matter are kept: one
/// that has refilled is the same as a new one and is forgotten, so memory follows the keys
/// active in the last `capacity / perSecond` seconds. Past `remembered` keys the fullest
/// buckets are forgotten first (they are the closest to new).
struct KeyedRateLimits {
    let capacity: Double
    let perSecond: Double
    let remembered: Int
    private var buckets: [String: RateLimiter] = [:]
    private var lastSweep = -Double.infinity

    init(capacity: Double, perSecond: Double, remembered: Int) {
        self.capacity = capacity
        self.perSecond = perSecond
        self.remembered = remembered
    }

    /// Buckets held now (for tests and measurements).
    var count: Int { buckets.count }

    /// Takes one token from `key`'s bucket if there is one.
    mutating func allow(_ key: String, now: Double) -> Bool {
        sweep(now: now)
        var bucket = buckets[key] ?? RateLimiter(capacity: capacity, perSecond: perSecond, now: now)
        let allowed = bucket.allow(now: now)
        buckets[key] = bucket
        if buckets.count > remembered { forgetFullest(now: now) }
        return allowed
    }

    /// Seconds until `key` may go again (0 when it may now).
    func wait(_ key: String, now: Double) -> Double {
        buckets[key]?.wait(now: now) ?? 0
    }

    /// Forgets refilled buckets, at most once per refill time (amortised: each bucket is
    /// looked at once per sweep, and sweeps are that far apart).
    private mutating func sweep(now: Double) {
        guard now - lastSweep >= capacity / perSecond else { return }
        lastSweep = now
        buckets = buckets.filter { !$0.value.isFull(now: now) }
    }

    /// Over the limit: keeps the emptiest half (the keys that were busiest).
    private mutating func forgetFullest(now: Double) {
        buckets = buckets.filter { !$0.value.isFull(now: now) }
        guard buckets.count > remembered else { return }
        let kept = buckets.sorted { $0.value.available(now: now) < $1.value.available(now: now) }.prefix(remembered / 2)
        buckets = Dictionary(uniqueKeysWithValues: kept.map { ($0.key, $0.value) })
    }
}
