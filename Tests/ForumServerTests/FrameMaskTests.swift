import ForumClient
import Testing

/// The client's frames are masked as RFC 6455 says, at every length form.
@Suite struct FrameMaskTests {
    /// RFC 6455, section 5.7: a masked "Hello" with the masking key 37 fa 21 3d.
    @Test func theRFCsMaskedHello() {
        var out: [UInt8] = []
        FrameCodec.encode(opcode: FrameCodec.text, payload: Array("Hello".utf8), mask: 0x37fa_213d, into: &out)
        #expect(out == [0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58])
    }

    /// Unmasking what was encoded gives the payload back, after bytes already in the buffer
    /// and with 7-bit, 16-bit and 64-bit lengths.
    @Test(arguments: [0, 1, 125, 126, 1000, 65_535, 65_536])
    func maskingIsUndoneByTheKey(length: Int) throws {
        let payload = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        let mask: UInt32 = 0xa1b2_c3d4
        var out: [UInt8] = [9, 9, 9]
        FrameCodec.encode(opcode: FrameCodec.binary, payload: payload, mask: mask, into: &out)
        #expect(Array(out.prefix(3)) == [9, 9, 9])
        let header = length < 126 ? 2 : length <= 0xFFFF ? 4 : 10
        let keyStart = 3 + header
        let key = Array(out[keyStart..<keyStart + 4])
        #expect(key == [0xa1, 0xb2, 0xc3, 0xd4])
        let body = out[(keyStart + 4)...]
        #expect(body.count == length)
        let unmasked = body.enumerated().map { $0.element ^ key[$0.offset & 3] }
        #expect(unmasked == payload)
    }
}
