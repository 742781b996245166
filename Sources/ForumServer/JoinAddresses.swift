import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The addresses phones in the room can use: every non-loopback IPv4 address of this
/// machine, falling back to localhost when there is none.
public enum JoinAddresses {
    /// `http://ADDRESS:PORT/` for each address (`https://` when `secure`).
    public static func urls(port: Int, secure: Bool = false) -> [String] {
        let addresses = ipv4Addresses()
        let scheme = secure ? "https" : "http"
        return (addresses.isEmpty ? ["127.0.0.1"] : addresses).map { "\(scheme)://\($0):\(port)/" }
    }

    /// The machine's non-loopback IPv4 addresses, in interface order, without duplicates.
    public static func ipv4Addresses() -> [String] {
        var first: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&first) == 0, let first else { return [] }
        defer { freeifaddrs(first) }
        var result: [String] = []
        var cursor: UnsafeMutablePointer<ifaddrs>? = first
        while let entry = cursor {
            defer { cursor = entry.pointee.ifa_next }
            guard let address = entry.pointee.ifa_addr, address.pointee.sa_family == sa_family_t(AF_INET) else {
                continue
            }
            let flags = Int32(entry.pointee.ifa_flags)
            guard flags & Int32(IFF_LOOPBACK) == 0, flags & Int32(IFF_UP) != 0 else { continue }
            var host = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            let status = getnameinfo(
                address, socklen_t(MemoryLayout<sockaddr_in>.size), &host, socklen_t(host.count), nil, 0, NI_NUMERICHOST
            )
            guard status == 0 else { continue }
            let text = String(decoding: host.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if !result.contains(text) { result.append(text) }
        }
        return result
    }
}
