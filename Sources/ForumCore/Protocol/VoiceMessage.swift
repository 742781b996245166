/// `voice` *(addition)*: what a phone learns about itself in the room's voice, its Stop in
/// this scene visit and what became of its proposals (newest last), answering its `stop`
/// and `propose` once stored, and after its `hello` (docs/protocol.md, "The room's voice").
public struct VoiceMessage: ServerMessageBody {
    public static let type = ServerMessageType.voice

    /// One of the phone's proposals.
    public struct OwnProposal: Sendable, Equatable {
        public var id: String
        public var text: String
        public var status: ProposalStatus
        /// The option it became, once put to the vote.
        public var option: String?

        public init(id: String, text: String, status: ProposalStatus, option: String?) {
            self.id = id
            self.text = text
            self.status = status
            self.option = option
        }
    }

    /// The `ref` of the phone's message, if any.
    public var ref: String?
    public var visit: Int
    /// Whether this phone has a Stop in this visit.
    public var stop: Bool
    public var proposals: [OwnProposal]

    public init(ref: String?, visit: Int, stop: Bool, proposals: [OwnProposal]) {
        self.ref = ref
        self.visit = visit
        self.stop = stop
        self.proposals = proposals
    }

    public var json: JSONValue {
        .object([
            ("type", .string(Self.type.rawValue)), ("ref", .string(ref)), ("visit", .int(visit)),
            ("stop", .bool(stop)),
            (
                "proposals",
                .array(
                    proposals.map {
                        .object([
                            ("id", .string($0.id)), ("text", .string($0.text)), ("status", .string($0.status.rawValue)),
                            ("option", .string($0.option)),
                        ])
                    })
            ),
        ])
    }

    public init?(json: JSONValue) {
        guard Self.isOwnType(json) else { return nil }
        ref = json["ref"]?.stringValue
        visit = json["visit"]?.intValue ?? 0
        stop = json["stop"]?.boolValue ?? false
        proposals = (json["proposals"]?.arrayValue ?? []).compactMap { item in
            item["id"]?.stringValue.map {
                OwnProposal(
                    id: $0, text: item["text"]?.stringValue ?? "",
                    status: item["status"]?.stringValue.flatMap(ProposalStatus.init(rawValue:)) ?? .pending,
                    option: item["option"]?.stringValue)
            }
        }
    }
}
