/// One WebSocket frame as read from the server.
struct Frame {
    var isFinal: Bool
    var opcode: UInt8
    var payload: [UInt8]
}

/// RFC 6455 framing for a client: frames out are masked with a fresh key each, frames in may
/// come masked or not, in any number of pieces.
enum FrameCodec {
    static let continuation: UInt8 = 0x0
    static let text: UInt8 = 0x1
    static let binary: UInt8 = 0x2
    static let close: UInt8 = 0x8
    static let ping: UInt8 = 0x9
    static let pong: UInt8 = 0xA

    /// The largest frame accepted from the server (its messages are a few KB).
    static let maximumPayload = 16 * 1024 * 1024

    /// Appends one final, masked frame to `out`.
    static func encode(opcode: UInt8, payload: some Collection<UInt8>, mask: UInt32, into out: inout [UInt8]) {
        out.append(0x80 | opcode)
        let count = payload.count
        if count < 126 {
            out.append(0x80 | UInt8(count))
        } else if count <= 0xFFFF {
            out.append(0x80 | 126)
            out.append(UInt8(count >> 8))
            out.append(UInt8(count & 0xFF))
        } else {
            out.append(0x80 | 127)
            for shift in stride(from: 56, through: 0, by: -8) { out.append(UInt8((count >> shift) & 0xFF)) }
        }
        let key: [UInt8] = [
            UInt8(mask >> 24), UInt8((mask >> 16) & 0xFF), UInt8((mask >> 8) & 0xFF), UInt8(mask & 0xFF),
        ]
        out.append(contentsOf: key)
        for (offset, byte) in payload.enumerated() { out.append(byte ^ key[offset & 3]) }
    }

    /// The frame starting at `offset` in `buffer` and the offset after it, or nil while it
    /// is incomplete. Throws on a frame no server should send.
    static func decode(_ buffer: [UInt8], from offset: Int) throws(BenchFailure) -> (frame: Frame, next: Int)? {
        let available = buffer.count - offset
        guard available >= 2 else { return nil }
        let first = buffer[offset]
        let second = buffer[offset + 1]
        var headerLength = 2
        var length = Int(second & 0x7F)
        if length == 126 {
            guard available >= 4 else { return nil }
            length = Int(buffer[offset + 2]) << 8 | Int(buffer[offset + 3])
            headerLength = 4
        } else if length == 127 {
            guard available >= 10 else { return nil }
            length = 0
            for index in 2..<10 { length = length << 8 | Int(buffer[offset + index]) }
            headerLength = 10
        }
        guard length >= 0, length <= maximumPayload else {
            throw BenchFailure("the server sent a frame of \(length) bytes")
        }
        let masked = second & 0x80 != 0
        let maskStart = offset + headerLength
        let payloadStart = maskStart + (masked ? 4 : 0)
        guard buffer.count - payloadStart >= length else { return nil }
        var payload = Array(buffer[payloadStart..<payloadStart + length])
        if masked {
            for index in payload.indices { payload[index] ^= buffer[maskStart + (index & 3)] }
        }
        return (Frame(isFinal: first & 0x80 != 0, opcode: first & 0x0F, payload: payload), payloadStart + length)
    }
}

/// Masking keys: xorshift seeded from the system's random source, so each frame gets a fresh,
/// unpredictable key without a system call per frame.
struct MaskSource {
    private var state: UInt64

    init() {
        var system = SystemRandomNumberGenerator()
        state = system.next() | 1
    }

    /// The next 32-bit masking key.
    mutating func next() -> UInt32 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return UInt32(truncatingIfNeeded: state >> 16)
    }
}
