/// Wrong host keys, counted per source address, so that the key cannot be guessed at
/// thousands of tries a second: after ``allowedFailures`` wrong keys within ``window``
/// seconds a source is refused for ``firstLockout`` seconds, doubling with each lockout up to
/// ``longestLockout``. A right key clears the source. Addresses live in memory only, for
/// this purpose, and are never stored or logged.
struct HostKeyGuard {
    static let allowedFailures = 5
    static let window = 60.0
    static let firstLockout = 30.0
    static let longestLockout = 900.0
    /// Sources remembered at most; beyond that the stalest are forgotten.
    static let remembered = 4096

    private struct Record {
        var failures: [Double] = []
        var lockedUntil = 0.0
        var lockouts = 0
        var lastSeen = 0.0
    }

    private var records: [String: Record] = [:]

    /// True for this machine's own addresses (`127.x.x.x`, `::1`, and IPv4 loopback written
    /// as IPv6).
    static func isLoopback(_ address: String) -> Bool {
        address.hasPrefix("127.") || address == "::1" || address.hasPrefix("::ffff:127.")
    }

    /// Seconds the source must still wait, or nil when it may try a key now.
    func lockout(of source: String, now: Double) -> Double? {
        guard let record = records[source], record.lockedUntil > now else { return nil }
        return record.lockedUntil - now
    }

    /// Counts a wrong key. Returns the lockout's length when this failure starts one.
    mutating func failed(_ source: String, now: Double) -> Double? {
        var record = records[source] ?? Record()
        record.lastSeen = now
        record.failures = record.failures.filter { now - $0 < Self.window } + [now]
        var started: Double?
        if record.failures.count >= Self.allowedFailures {
            let length = min(Self.longestLockout, Self.firstLockout * Double(1 << min(record.lockouts, 10)))
            record.lockedUntil = now + length
            record.lockouts += 1
            record.failures = []
            started = length
        }
        records[source] = record
        if records.count > Self.remembered { forgetStalest(now: now) }
        return started
    }

    /// A right key: the source starts afresh.
    mutating func succeeded(_ source: String) {
        records[source] = nil
    }

    /// Sources being refused now, for the host.
    func lockedOut(now: Double) -> Int {
        records.values.filter { $0.lockedUntil > now }.count
    }

    private mutating func forgetStalest(now: Double) {
        let keep = records.filter { $0.value.lockedUntil > now }
        let rest = records.filter { $0.value.lockedUntil <= now }.sorted { $0.value.lastSeen > $1.value.lastSeen }
        records = keep.merging(rest.prefix(max(0, Self.remembered / 2 - keep.count)).map { ($0.key, $0.value) }) {
            first, _ in first
        }
    }
}
