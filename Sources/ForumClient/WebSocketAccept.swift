import CLibWebSockets
import Foundation

/// The `Sec-WebSocket-Accept` value a server must answer for a key (RFC 6455 §4.2.2):
/// base64(SHA-1(key + GUID)). The SHA-1 is libwebsockets' own (`lws_SHA1`, the one its server
/// side uses for the same header), not written here.
enum WebSocketAccept {
    static func value(for key: String) -> String {
        Data(sha1(Array((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").utf8))).base64EncodedString()
    }

    /// The 20-byte SHA-1 digest of `message`.
    static func sha1(_ message: [UInt8]) -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: 20)
        message.withUnsafeBufferPointer { input in
            _ = digest.withUnsafeMutableBufferPointer { output in
                lws_SHA1(input.baseAddress, input.count, output.baseAddress)
            }
        }
        return digest
    }
}
