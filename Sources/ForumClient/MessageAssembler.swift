/// Turns the frames a client reads into whole messages (RFC 6455 §5.4: a message may come in
/// fragments), for every client of Forum; control frames pass through as they come.
public struct MessageAssembler: Sendable {
    /// What one frame completes.
    public enum Output: Sendable, Equatable {
        /// A whole text or binary message.
        case message([UInt8])
        /// A ping to answer with a pong carrying this payload.
        case ping([UInt8])
        /// The server closes the connection.
        case close
        /// Nothing yet (a fragment, a pong, an unknown opcode).
        case none
    }

    private var fragments: [UInt8] = []

    public init() {}

    /// Takes in one frame.
    public mutating func take(_ frame: Frame) -> Output {
        switch frame.opcode {
        case FrameCodec.text, FrameCodec.binary:
            if frame.isFinal { return .message(frame.payload) }
            fragments = frame.payload
            return .none
        case FrameCodec.continuation:
            fragments.append(contentsOf: frame.payload)
            guard frame.isFinal else { return .none }
            defer { fragments = [] }
            return .message(fragments)
        case FrameCodec.ping: return .ping(frame.payload)
        case FrameCodec.close: return .close
        default: return .none
        }
    }
}
