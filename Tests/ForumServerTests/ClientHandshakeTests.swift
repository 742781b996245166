import ForumClient
import Testing

@Suite("The one WebSocket client stack: opening handshake and messages from frames")
struct ClientHandshakeTests {
    let handshake = OpeningHandshake(key: "dGhlIHNhbXBsZSBub25jZQ==")

    @Test func theRequestAsksForTheUpgradeWithItsKey() {
        let request = String(decoding: handshake.request(host: "127.0.0.1:8080", path: "/ws"), as: UTF8.self)
        #expect(request.hasPrefix("GET /ws HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n"))
        #expect(request.contains("\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"))
        #expect(request.hasSuffix("Sec-WebSocket-Version: 13\r\n\r\n"))
        #expect(OpeningHandshake().key != OpeningHandshake().key, "each handshake has its own random key")
    }

    @Test func theAnswerMustBe101WithTheRightAccept() throws {
        // RFC 6455 §1.3's example key and answer.
        try handshake.check(
            responseHead: "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")
        #expect(throws: WebSocketClient.Failure.self) {
            try handshake.check(responseHead: "HTTP/1.1 101 Switching Protocols\r\nSec-WebSocket-Accept: wrong=")
        }
        #expect(throws: WebSocketClient.Failure.self) {
            try handshake.check(
                responseHead: "HTTP/1.1 403 Forbidden\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")
        }
        #expect(throws: WebSocketClient.Failure.self) { try handshake.check(responseHead: "HTTP/1.1 101 OK") }
    }

    @Test func fragmentsMakeOneMessageAndControlFramesPassBetween() {
        var assembler = MessageAssembler()
        let bytes = Array("hello".utf8)
        #expect(assembler.take(Frame(isFinal: true, opcode: FrameCodec.text, payload: bytes)) == .message(bytes))
        #expect(assembler.take(Frame(isFinal: false, opcode: FrameCodec.text, payload: Array("he".utf8))) == .none)
        #expect(assembler.take(Frame(isFinal: true, opcode: FrameCodec.ping, payload: [7])) == .ping([7]))
        #expect(
            assembler.take(Frame(isFinal: false, opcode: FrameCodec.continuation, payload: Array("l".utf8))) == .none)
        #expect(
            assembler.take(Frame(isFinal: true, opcode: FrameCodec.continuation, payload: Array("lo".utf8)))
                == .message(bytes))
        #expect(assembler.take(Frame(isFinal: true, opcode: FrameCodec.pong, payload: [])) == .none)
        #expect(assembler.take(Frame(isFinal: true, opcode: FrameCodec.close, payload: [3, 232])) == .close)
    }
}
