/// A message from a phone, a screen or a host, decoded and checked for shape.
public enum ClientMessage: Sendable, Equatable {
    /// `stateAfterAck` false: the client needs no `state` after each vote's `ack` (the ack
    /// names the decision and the counted option).
    /// `place` *(addition)*: where the phone takes part from, if it says (as a `place` message).
    case hello(role: Role, device: String?, key: String?, stateAfterAck: Bool = true, place: Place? = nil)
    case vote(decision: String, option: String)
    case perspective(String?)
    /// *(addition)* Sets or clears (nil) where the phone takes part from.
    case place(Place?)
    case command(HostCommand)
    case ping
    /// *(addition)* A phone's "Stop!" (`on` true) or taking it back.
    case intervene(on: Bool)
    /// *(addition)* A phone's proposal of what should happen instead.
    case propose(text: String)

    /// The roles a connection can take with its `hello`.
    public enum Role: String, Sendable, Equatable {
        case audience
        case screen
        case host
        /// *(addition)* Moderates the audience's proposals (the moderator key or the host key).
        case moderator
    }
}

/// A message that could not be decoded: the protocol's error code and a sentence.
public struct ProtocolError: Error, Sendable, Equatable {
    public var code: String
    public var message: String
    /// The message's `ref`, when it could be read.
    public var ref: String?

    public init(_ code: String, _ message: String, ref: String? = nil) {
        self.code = code
        self.message = message
        self.ref = ref
    }
}

/// Decodes client messages: exactly `bytes`, JSON object, known `type`, fields of the right
/// types. Never traps on any input.
public enum ClientMessageDecoder {
    /// The largest message accepted, in bytes.
    public static let maximumSize = 8 * 1024
    /// The longest id or token accepted in a field.
    static let maximumFieldLength = 200

    /// The decoded message and its `ref`, or the error to send back.
    public static func decode(_ bytes: some Collection<UInt8>) -> Result<(ClientMessage, ref: String?), ProtocolError> {
        guard bytes.count <= maximumSize else {
            return .failure(ProtocolError("too_large", "Messages can be at most \(maximumSize) bytes."))
        }
        if let quick = QuickMessageScanner.decode(bytes) { return .success(quick) }
        return decodeFully(bytes)
    }

    /// The full decoder, for every message the quick scanner leaves (and for its tests): the
    /// bytes through ``JSONParser`` into a ``JSONValue`` object, then its fields checked.
    static func decodeFully(_ bytes: some Collection<UInt8>) -> Result<(ClientMessage, ref: String?), ProtocolError> {
        guard case .object(let members)? = JSONParser.parse(bytes) else {
            return .failure(ProtocolError("bad_json", "The message is not a JSON object."))
        }
        let fields = Fields(members: members)
        let ref = fields["ref"]?.stringValue
        do {
            return .success((try message(from: fields), ref))
        } catch var error {
            error.ref = ref
            return .failure(error)
        }
    }

    private static func message(from fields: Fields) throws(ProtocolError) -> ClientMessage {
        let type = try fields.string("type")
        switch type {
        case "hello":
            let roleName = try fields.string("role")
            guard let role = ClientMessage.Role(rawValue: roleName) else {
                throw ProtocolError("bad_role", "The role must be audience, screen, host or moderator.")
            }
            return .hello(
                role: role, device: try fields.optionalString("device"), key: try fields.optionalString("key"),
                stateAfterAck: fields["state_after_ack"] == nil ? true : try fields.bool("state_after_ack"),
                place: try fields.place())
        case "vote":
            return .vote(decision: try fields.string("decision"), option: try fields.string("option"))
        case "perspective":
            guard fields["perspective"] != nil else {
                throw ProtocolError("bad_message", "A perspective message needs 'perspective' (an id or null).")
            }
            return .perspective(try fields.optionalString("perspective"))
        case "place":
            guard fields["place"] != nil else {
                throw ProtocolError("bad_message", "A place message needs 'place' (room, remote or null).")
            }
            return .place(try fields.place())
        case "command":
            return .command(try command(from: fields))
        case "ping":
            return .ping
        case "intervene":
            return .intervene(on: try fields.bool("on"))
        case "propose":
            return .propose(text: try fields.text("text"))
        default:
            throw ProtocolError("unknown_type", "Unknown message type '\(type.prefix(40))'.")
        }
    }

    private static func command(from fields: Fields) throws(ProtocolError) -> HostCommand {
        let name = try fields.string("command")
        let args: Fields
        switch fields["args"] {
        case nil, .null?: args = Fields(members: [])
        case .object(let members)?: args = Fields(members: members)
        default: throw ProtocolError("bad_message", "'args' must be an object.")
        }
        switch HostCommandName(rawValue: name) {
        case .start?: return .start(story: try args.string("story"))
        case .next?: return .next
        case .back?: return .back
        case .goto?: return .goto(scene: try args.string("scene"))
        case .open?: return .open(seconds: try args.optionalInt("seconds"))
        case .close?: return .close
        case .reveal?: return .reveal
        case .follow?: return .follow
        case .choose?: return .choose(option: try args.string("option"))
        case .replay?: return .replay(scene: try args.optionalString("scene"))
        case .end?: return .end
        case .session?: return .session(id: try args.string("session"))
        case .results?:
            let mode = try args.string("mode")
            guard let visibility = ResultsVisibility(rawValue: mode) else {
                throw ProtocolError(
                    "bad_message",
                    "'mode' must be one of: \(ResultsVisibility.allCases.map(\.rawValue).joined(separator: ", ")).")
            }
            return .results(visibility)
        case .split?: return .split(try args.bool("on"), by: try args.splitDimension())
        case .finish?: return .finish
        case .join?: return .join(try args.bool("on"))
        case .undo?: return .undo
        case .note?: return .note(text: try args.string("text"))
        case .acknowledge?: return .acknowledge
        case .stops?: return .stops(try args.bool("on"))
        case .proposals?: return .proposals(try args.bool("on"))
        case .showProposals?: return .showProposals(try args.bool("on"))
        case .approve?: return .approve(proposal: try args.string("proposal"))
        case .reject?: return .reject(proposal: try args.string("proposal"))
        case .merge?: return .merge(proposal: try args.string("proposal"), into: try args.string("into"))
        case .adopt?: return .adopt(proposal: try args.string("proposal"))
        case .report?:
            let name = try args.optionalString("edition") ?? ReportEdition.community.rawValue
            guard let edition = ReportEdition(rawValue: name) else {
                throw ProtocolError("bad_message", "'edition' must be community or organisers.")
            }
            return .report(edition: edition)
        case nil:
            throw ProtocolError(
                "unknown_command",
                "Unknown command '\(name.prefix(40))'. Commands: \(HostCommand.names.joined(separator: ", ")).")
        }
    }
}
