/// The `type` of every message the server sends (docs/protocol.md).
public enum ServerMessageType: String, Sendable, CaseIterable {
    case welcome
    case state
    case tally
    case ack
    case error
    case pong
    /// *(addition)* A phone's own Stop and proposals.
    case voice
    /// *(addition)* The live report's page, for the host that asked.
    case report
}

/// One kind of server message as a type: the server encodes it (``json``) and clients
/// decode it (``init(json:)``), so field names are spelled once, here.
public protocol ServerMessageBody: Sendable, Equatable {
    /// The message's `type`.
    static var type: ServerMessageType { get }
    /// The wire form, keys in protocol order.
    var json: JSONValue { get }
    /// The wire form as compact UTF-8 JSON (by default, ``json`` written out; a message on
    /// the hot path may write its bytes directly, the same bytes).
    var bytes: [UInt8] { get }
    /// Reads the wire form leniently: missing members take their defaults (an older server
    /// or a short test fixture); nil only when `json` is not an object of this `type`.
    init?(json: JSONValue)
}

extension ServerMessageBody {
    /// The wire form as compact UTF-8 JSON.
    public var bytes: [UInt8] { json.bytes }

    /// `"key":` after the `{` or a `,`, for messages that write their bytes directly.
    static func appendKey(_ key: StaticString, first: Bool = false, into out: inout [UInt8]) {
        if !first { out.append(UInt8(ascii: ",")) }
        out.append(UInt8(ascii: "\""))
        out.append(contentsOf: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
        out.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
    }

    /// A JSON string, or `null`.
    static func appendString(_ value: String?, into out: inout [UInt8]) {
        if let value { JSONValue.writeString(value, into: &out) } else { out.append(contentsOf: "null".utf8) }
    }

    /// A member of the wire form, for tests that check the wire itself.
    public subscript(key: String) -> JSONValue? { json[key] }

    /// Whether `json` is an object whose `type` is this message's.
    static func isOwnType(_ json: JSONValue) -> Bool { json["type"]?.stringValue == type.rawValue }
}

/// Any message the server sends, decoded: what the console, forum-bench and the tests read.
public enum ServerMessage: Sendable, Equatable {
    case welcome(WelcomeMessage)
    case state(StateMessage)
    case tally(TallyMessage)
    case ack(AckMessage)
    case error(ErrorMessage)
    case pong
    case voice(VoiceMessage)
    case report(ReportMessage)

    /// Decodes one message's UTF-8 JSON text; nil for text that is not JSON or has a `type`
    /// this build does not know.
    public init?(bytes: some Collection<UInt8>) {
        guard let json = JSONValue(parsing: bytes) else { return nil }
        self.init(json: json)
    }

    /// Decodes one message from JSON text.
    public init?(text: String) { self.init(bytes: text.utf8) }

    /// Decodes one parsed message.
    public init?(json: JSONValue) {
        let message: ServerMessage? =
            switch json["type"]?.stringValue.flatMap(ServerMessageType.init(rawValue:)) {
            case .welcome?: WelcomeMessage(json: json).map { .welcome($0) }
            case .state?: StateMessage(json: json).map { .state($0) }
            case .tally?: TallyMessage(json: json).map { .tally($0) }
            case .ack?: AckMessage(json: json).map { .ack($0) }
            case .error?: ErrorMessage(json: json).map { .error($0) }
            case .pong?: .pong
            case .voice?: VoiceMessage(json: json).map { .voice($0) }
            case .report?: ReportMessage(json: json).map { .report($0) }
            case nil: nil
            }
        guard let message else { return nil }
        self = message
    }

    /// The message's `type`.
    public var type: ServerMessageType {
        switch self {
        case .welcome: .welcome
        case .state: .state
        case .tally: .tally
        case .ack: .ack
        case .error: .error
        case .pong: .pong
        case .voice: .voice
        case .report: .report
        }
    }

    /// The wire form.
    public var json: JSONValue {
        switch self {
        case .welcome(let body): body.json
        case .state(let body): body.json
        case .tally(let body): body.json
        case .ack(let body): body.json
        case .error(let body): body.json
        case .pong: PongMessage().json
        case .voice(let body): body.json
        case .report(let body): body.json
        }
    }
}

/// `ack`: a vote, a perspective, a place *(addition)* or a host command is stored (docs/protocol.md).
public struct AckMessage: ServerMessageBody {
    public static let type = ServerMessageType.ack

    /// What was acknowledged.
    public enum Subject: Sendable, Equatable {
        /// The vote counted for `option` in round `decision`.
        case vote(decision: String, option: String)
        /// The perspective now kept (nil: none).
        case perspective(String?)
        /// *(addition)* The place now kept (nil: none).
        case place(Place?)
        /// The host command done.
        case command(HostCommandName)
    }

    /// The `ref` the client gave, if any.
    public var ref: String?
    public var subject: Subject

    public init(ref: String?, _ subject: Subject) {
        self.ref = ref
        self.subject = subject
    }

    public var json: JSONValue {
        var members: [(String, JSONValue)] = [("type", .string(Self.type.rawValue)), ("ref", .string(ref))]
        switch subject {
        case .vote(let decision, let option): members += [("decision", .string(decision)), ("option", .string(option))]
        case .perspective(let perspective): members.append(("perspective", .string(perspective)))
        case .place(let place): members.append(("place", .string(place?.rawValue)))
        case .command(let command): members.append(("command", .string(command.rawValue)))
        }
        return .object(members)
    }

    /// Written directly (an ack goes out for every vote): the same bytes as ``json``.
    public var bytes: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(96)
        out.append(UInt8(ascii: "{"))
        Self.appendKey("type", first: true, into: &out)
        out.append(contentsOf: #""ack""#.utf8)
        Self.appendKey("ref", into: &out)
        Self.appendString(ref, into: &out)
        switch subject {
        case .vote(let decision, let option):
            Self.appendKey("decision", into: &out)
            Self.appendString(decision, into: &out)
            Self.appendKey("option", into: &out)
            Self.appendString(option, into: &out)
        case .perspective(let perspective):
            Self.appendKey("perspective", into: &out)
            Self.appendString(perspective, into: &out)
        case .place(let place):
            Self.appendKey("place", into: &out)
            Self.appendString(place?.rawValue, into: &out)
        case .command(let command):
            Self.appendKey("command", into: &out)
            Self.appendString(command.rawValue, into: &out)
        }
        out.append(UInt8(ascii: "}"))
        return out
    }

    public init?(json: JSONValue) {
        guard Self.isOwnType(json) else { return nil }
        ref = json["ref"]?.stringValue
        if let name = json["command"]?.stringValue {
            guard let command = HostCommandName(rawValue: name) else { return nil }
            subject = .command(command)
        } else if let decision = json["decision"]?.stringValue {
            subject = .vote(decision: decision, option: json["option"]?.stringValue ?? "")
        } else if let place = json["place"] {
            subject = .place(place.stringValue.flatMap(Place.init(rawValue:)))
        } else {
            subject = .perspective(json["perspective"]?.stringValue)
        }
    }
}

/// `error`: a message refused, with a stable `code` (``ErrorCode``) and a sentence.
public struct ErrorMessage: ServerMessageBody {
    public static let type = ServerMessageType.error

    /// The wire code; see ``errorCode``.
    public var code: String
    public var message: String
    /// The `ref` of the refused message, when it had one.
    public var ref: String?
    /// For `tie`: the tied options.
    public var options: [String]?

    public init(code: String, message: String, ref: String?, options: [String]? = nil) {
        self.code = code
        self.message = message
        self.ref = ref
        self.options = options
    }

    /// The code as a type (nil only for a code this build does not know).
    public var errorCode: ErrorCode? { ErrorCode(rawValue: code) }

    public var json: JSONValue {
        var members: [(String, JSONValue)] = [
            ("type", .string(Self.type.rawValue)), ("code", .string(code)), ("message", .string(message)),
        ]
        if let ref { members.append(("ref", .string(ref))) }
        if let options { members.append(("options", .array(options.map { .string($0) }))) }
        return .object(members)
    }

    public init?(json: JSONValue) {
        guard Self.isOwnType(json) else { return nil }
        code = json["code"]?.stringValue ?? "error"
        message = json["message"]?.stringValue ?? ""
        ref = json["ref"]?.stringValue
        options = json["options"]?.arrayValue.map { $0.compactMap(\.stringValue) }
    }
}

/// `pong`, the answer to a client's `ping`.
public struct PongMessage: ServerMessageBody {
    public static let type = ServerMessageType.pong

    public init() {}

    public var json: JSONValue { .object([("type", .string(Self.type.rawValue))]) }

    public init?(json: JSONValue) {
        guard Self.isOwnType(json) else { return nil }
    }
}
