import Foundation
import Testing

@testable import ForumClient

@Suite("The client's Sec-WebSocket-Accept check, with lws's SHA-1")
struct WebSocketAcceptTests {
    @Test func theRFCsExampleKeyGivesTheRFCsAnswer() {
        // RFC 6455 §1.3.
        #expect(WebSocketAccept.value(for: "dGhlIHNhbXBsZSBub25jZQ==") == "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")
    }

    @Test func sha1OfKnownTexts() {
        let hex = { (text: String) in
            WebSocketAccept.sha1(Array(text.utf8)).map { String(format: "%02x", $0) }.joined()
        }
        // FIPS 180-1's examples.
        #expect(hex("abc") == "a9993e364706816aba3e25717850c26c9cd0d89d")
        #expect(hex("") == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
    }
}
