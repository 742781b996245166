import ForumClient
import Testing

@Suite("The clients' one WebSocket frame codec")
struct FrameCodecTests {
    @Test(arguments: [0, 5, 125, 126, 65_535, 65_536, 200_000])
    func aMaskedFrameDecodesToItsPayloadAtEveryLengthBoundary(length: Int) throws {
        let payload = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        var bytes: [UInt8] = []
        FrameCodec.encode(opcode: FrameCodec.text, payload: payload, mask: 0xA1B2_C3D4, into: &bytes)
        #expect(bytes[1] & 0x80 != 0, "client frames are masked")
        // Every prefix is incomplete; the whole is one frame.
        for cut in [0, 1, 2, min(5, bytes.count - 1), bytes.count - 1] where cut < bytes.count {
            #expect(try FrameCodec.decode(Array(bytes.prefix(cut)), from: 0) == nil)
        }
        let decoded = try #require(try FrameCodec.decode(bytes + [0x81], from: 0))
        #expect(decoded.frame == Frame(isFinal: true, opcode: FrameCodec.text, payload: payload))
        #expect(decoded.next == bytes.count)
    }

    @Test func anUnmaskedServerFrameAndAFrameTooLargeToAccept() throws {
        let ping: [UInt8] = [0x89, 0x01, UInt8(ascii: "k")]
        let decoded = try #require(try FrameCodec.decode(ping, from: 0))
        #expect(decoded.frame == Frame(isFinal: true, opcode: FrameCodec.ping, payload: [UInt8(ascii: "k")]))
        let huge: [UInt8] = [0x81, 127, 0, 0, 0, 0, 0x7F, 0, 0, 0]
        #expect(throws: WebSocketClient.Failure.self) { _ = try FrameCodec.decode(huge, from: 0) }
    }
}
