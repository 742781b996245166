/// The room's voice in a report: stops per scene, proposals with their moderation outcome.
/// The community edition shows only approved proposals' words (counts for the rest) and the
/// counts of people only when they are 0 or at least 5.
public struct VoiceReport: Sendable, Encodable, Equatable, NullEncoding {
    /// False for a database written before the room's voice was recorded.
    public var recorded: Bool
    public var stops: [StopReport]
    public var proposals: [ProposalReport]
    /// Proposals by moderation outcome: `pending`, `approved`, `rejected`, `merged`.
    public var outcomes: [String: Int]
}

/// One scene visit in which people tapped Stop.
public struct StopReport: Sendable, Encodable, Equatable, NullEncoding {
    public var run: String
    public var scene: String
    public var visit: Int
    /// People whose last word was Stop, people who tapped it at all, the count the host
    /// acknowledged (nil: not shown, or never acknowledged).
    public var stopped: Int?
    public var everStopped: Int?
    public var acknowledged: Int?
}

/// One proposal and what became of it.
public struct ProposalReport: Sendable, Encodable, Equatable, NullEncoding {
    public var id: String
    public var run: String?
    public var scene: String?
    public var status: String
    /// The proposal's words (nil in the community edition unless approved).
    public var text: String?
    public var mergedInto: String?
    /// Proposals merged into this one.
    public var sameIdea: Int
    /// Once put to the vote: its option id, its round(s) and its final votes (nil: not shown).
    public var option: String?
    public var rounds: [String]
    public var votes: Int?
}
