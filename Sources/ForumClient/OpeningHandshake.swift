import Foundation

/// The client's side of the WebSocket opening handshake (RFC 6455 §4.1), for every client of
/// Forum (`WebSocketClient`, forum-bench's non-blocking sockets): the upgrade request with a
/// random key, and the check of the server's answer, `Sec-WebSocket-Accept` included.
public struct OpeningHandshake: Sendable {
    /// The request's `Sec-WebSocket-Key`.
    public let key: String

    /// A handshake with a fresh random key.
    public init() {
        var bytes = [UInt8](repeating: 0, count: 16)
        for index in bytes.indices { bytes[index] = UInt8.random(in: 0...255) }
        key = Data(bytes).base64EncodedString()
    }

    /// A handshake with a given key (for tests).
    public init(key: String) {
        self.key = key
    }

    /// The upgrade request for `path`; `host` is the `Host` header (`name:port`).
    public func request(host: String, path: String) -> [UInt8] {
        Array(
            ("GET \(path) HTTP/1.1\r\nHost: \(host)\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: \(key)\r\nSec-WebSocket-Version: 13\r\n\r\n").utf8)
    }

    /// Checks the server's answer, its head without the blank line that ends it: status 101
    /// and the `Sec-WebSocket-Accept` this key must get.
    public func check(responseHead head: String) throws(WebSocketClient.Failure) {
        let lines = head.components(separatedBy: "\r\n")
        guard let status = lines.first, status.hasPrefix("HTTP/1.1 101") else {
            throw WebSocketClient.Failure(
                description: "the server refused the WebSocket upgrade: \(lines.first ?? "no answer")")
        }
        let accept = lines.first { $0.lowercased().hasPrefix("sec-websocket-accept:") }?
            .split(separator: ":", maxSplits: 1).last?.trimmingCharacters(in: .whitespaces)
        guard accept == WebSocketAccept.value(for: key) else {
            throw WebSocketClient.Failure(description: "the server's Sec-WebSocket-Accept is wrong")
        }
    }

    /// The end of an HTTP head.
    public static let headTerminator: [UInt8] = [13, 10, 13, 10]
}
