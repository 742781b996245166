#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// New phones per source address, so that one machine cannot make thousands of device
/// tokens a second: ``burst`` at once, then ``perSecond``. A room or an office behind one
/// address, or a mobile network's shared address, still gets in (60 at once, then one a
/// second). An IPv6 source counts by its /64 network (one machine can hold a whole /64).
///
/// Loopback addresses (``HostKeyGuard/isLoopback(_:)``) are not limited: behind a reverse proxy on this machine
/// every phone is loopback, and the proxy limits its clients itself (each new phone needs a
/// new live connection, and the recipe in docs/recipes/nginx-forum.conf limits those per
/// client). Addresses live in memory only, for this purpose, and are never stored or logged.
struct JoinGuard {
    static let burst = 60.0
    static let perSecond = 1.0
    /// Sources remembered at most (a source idle for a minute is forgotten anyway).
    static let remembered = 4096

    private var limits = KeyedRateLimits(capacity: burst, perSecond: perSecond, remembered: remembered)

    /// Sources remembered now (for tests and measurements).
    var count: Int { limits.count }

    /// Takes a new phone's place for `source`: nil when it may join now, otherwise the
    /// seconds until it may.
    mutating func admit(_ source: String?, now: Double) -> Double? {
        guard let source, !HostKeyGuard.isLoopback(source) else { return nil }
        let key = Self.key(source)
        return limits.allow(key, now: now) ? nil : max(1, limits.wait(key, now: now))
    }

    /// The key a source counts under: an IPv4 address as it is, an IPv6 one by its first
    /// 64 bits (IPv4 written as IPv6 as the IPv4 address).
    static func key(_ source: String) -> String {
        if source.hasPrefix("::ffff:"), source.contains(".") { return String(source.dropFirst(7)) }
        guard source.contains(":") else { return source }
        var address = in6_addr()
        guard inet_pton(AF_INET6, source, &address) == 1 else { return source }
        let bytes = withUnsafeBytes(of: address) { Array($0.prefix(8)) }
        return "v6:" + bytes.map { String($0, radix: 16) }.joined(separator: ".")
    }
}
