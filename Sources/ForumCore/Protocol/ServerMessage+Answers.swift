/// What a client asks of any message it is answered with: its `ref` and, for an ack or an
/// error, what it says, without a switch at every call site.
extension ServerMessage {
    /// The `ref` of an ack, an error, a voice or a report message (nil for the others).
    public var ref: String? {
        switch self {
        case .ack(let ack): ack.ref
        case .error(let error): error.ref
        case .voice(let voice): voice.ref
        case .report(let report): report.ref
        case .welcome, .state, .tally, .pong: nil
        }
    }

    /// What an ack acknowledges (nil for any other message).
    public var ackSubject: AckMessage.Subject? {
        if case .ack(let ack) = self { ack.subject } else { nil }
    }

    /// An error's code as a type (nil for any other message, or a code this build lacks).
    public var errorCode: ErrorCode? {
        if case .error(let error) = self { error.errorCode } else { nil }
    }

    /// An error's sentence (nil for any other message).
    public var errorText: String? {
        if case .error(let error) = self { error.message } else { nil }
    }
}
