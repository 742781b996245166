/// One WebSocket frame as read from the server.
public struct Frame: Sendable, Equatable {
    public var isFinal: Bool
    public var opcode: UInt8
    public var payload: [UInt8]

    /// A frame from its parts.
    public init(isFinal: Bool, opcode: UInt8, payload: [UInt8]) {
        self.isFinal = isFinal
        self.opcode = opcode
        self.payload = payload
    }
}

/// RFC 6455 framing for a client, the one codec of Forum's clients (``WebSocketClient`` for
/// the console, `forum host` and the tests; forum-bench's sockets): frames out are masked
/// with a fresh key each, frames in may come masked or not, in any number of pieces.
public enum FrameCodec {
    public static let continuation: UInt8 = 0x0
    public static let text: UInt8 = 0x1
    public static let binary: UInt8 = 0x2
    public static let close: UInt8 = 0x8
    public static let ping: UInt8 = 0x9
    public static let pong: UInt8 = 0xA

    /// The largest frame accepted from the server (its messages are a few KB).
    public static let maximumPayload = 16 * 1024 * 1024

    /// Appends one final, masked frame to `out`.
    public static func encode(opcode: UInt8, payload: some Collection<UInt8>, mask: UInt32, into out: inout [UInt8]) {
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
        for shift in stride(from: 24, through: 0, by: -8) {
            out.append(UInt8(truncatingIfNeeded: mask >> UInt32(shift)))
        }
        // Masked in place, in the output's own storage: a vote's frame is built for every
        // phone in a burst, so this runs in the bench's tightest loop.
        let start = out.count
        out.append(contentsOf: payload)
        out.withUnsafeMutableBufferPointer { buffer in
            for index in start..<buffer.count {
                buffer[index] ^= UInt8(truncatingIfNeeded: mask >> UInt32(24 - 8 * ((index - start) & 3)))
            }
        }
    }

    /// The frame starting at `offset` in `buffer` and the offset after it, or nil while it
    /// is incomplete. Throws on a frame no server should send.
    public static func decode(_ buffer: [UInt8], from offset: Int) throws(WebSocketClient.Failure) -> (
        frame: Frame, next: Int
    )? {
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
            throw WebSocketClient.Failure(description: "the server sent a frame of \(length) bytes")
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
public struct MaskSource: Sendable {
    private var state: UInt64

    /// A source seeded from the system's random numbers.
    public init() {
        var system = SystemRandomNumberGenerator()
        state = system.next() | 1
    }

    /// The next 32-bit masking key.
    public mutating func next() -> UInt32 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return UInt32(truncatingIfNeeded: state >> 16)
    }
}
