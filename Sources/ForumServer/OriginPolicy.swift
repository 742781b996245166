import Foundation

/// Which browser pages may open the live WebSocket: only Forum's own pages. A browser names
/// the page that opens a WebSocket in its `Origin` header; a page on another site (a link a
/// phone followed) must not be able to join, vote or flood in the name of the room.
///
/// Allowed: no `Origin` (not a browser: `forum host`, forum-bench, test tools, which have
/// to hold the host key for anything but the audience role anyway); an origin whose host and
/// port are the `Host` the request was sent to (the page came from this server, also behind a
/// reverse proxy that passes `Host` on); or the origin of one of the join addresses (a proxy
/// that rewrites `Host`). Anything else, `null` included, is refused.
enum OriginPolicy {
    /// True when a WebSocket upgrade with these headers may proceed.
    static func allows(origin: String?, host: String?, joinURLs: [String]) -> Bool {
        guard let origin, !origin.isEmpty else { return true }
        guard let page = Endpoint(url: origin) else { return false }
        if let host, let server = Endpoint(authority: host, scheme: page.scheme), server == page { return true }
        return joinURLs.compactMap { Endpoint(url: $0) }.contains(page)
    }

    /// A scheme, lowercased host and port (the scheme's default when none is written).
    struct Endpoint: Equatable {
        var scheme: String
        var host: String
        var port: Int

        init?(url: String) {
            guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
                let host = components.host, !host.isEmpty
            else { return nil }
            self.init(scheme: scheme, host: host, port: components.port)
        }

        /// From a `Host` header (`name`, `name:port`, `[::1]:port`), for a page of `scheme`.
        init?(authority: String, scheme: String) {
            self.init(url: "\(scheme)://\(authority)")
        }

        private init?(scheme: String, host: String, port: Int?) {
            let defaults = ["http": 80, "https": 443, "ws": 80, "wss": 443]
            guard let port = port ?? defaults[scheme] else { return nil }
            self.scheme = scheme
            self.host = host.lowercased()
            self.port = port
        }
    }
}
