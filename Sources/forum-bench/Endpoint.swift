#if canImport(Glibc)
    import Glibc
#endif

/// Where a bench connection goes: an IPv4 address and port, and the WebSocket path.
struct Endpoint {
    var address: sockaddr_in
    var hostHeader: String
    var path: String
    /// The URL as given, for the report.
    var url: String

    /// `ws://HOST:PORT/PATH` with a numeric IPv4 host (the bench stays on loopback).
    init(url: String) throws(BenchFailure) {
        guard url.hasPrefix("ws://") else { throw BenchFailure("\(url): a venue URL is ws://HOST:PORT/PATH") }
        let rest = url.dropFirst("ws://".count)
        let authority = rest.prefix { $0 != "/" }
        let path = rest.dropFirst(authority.count)
        let parts = authority.split(separator: ":")
        guard parts.count == 2, let port = Int(parts[1]), (1...65535).contains(port),
            inet_addr(String(parts[0])) != INADDR_NONE
        else { throw BenchFailure("\(url): a venue URL is ws://IPv4:PORT/PATH, for example ws://127.0.0.1:8080/ws") }
        self.init(host: String(parts[0]), port: port, path: path.isEmpty ? "/ws" : String(path))
        self.url = url
    }

    /// `ws://host:port/path`.
    init(host: String, port: Int, path: String = "/ws") {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr(host)
        self.address = address
        hostHeader = "\(host):\(port)"
        self.path = path
        url = "ws://\(host):\(port)\(path)"
    }
}
