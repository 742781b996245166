import Foundation

/// The room's voice as an export and a report read it (schema `v5-room-voice`; empty for
/// older databases). No device tokens: only counts and the proposals' own words.
public struct ShowVoice: Sendable, Equatable {
    public var stops: [SceneStops]
    public var proposals: [StoredProposal]
    public var moderation: [StoredModeration]
    /// False for a database written before the room's voice was recorded.
    public var recorded: Bool

    /// The room's voice of a show.
    public init(
        stops: [SceneStops] = [], proposals: [StoredProposal] = [], moderation: [StoredModeration] = [],
        recorded: Bool = false
    ) {
        self.stops = stops
        self.proposals = proposals
        self.moderation = moderation
        self.recorded = recorded
    }
}

/// The stops of one scene visit: how many people wanted to step in.
public struct SceneStops: Sendable, Equatable {
    public var sessionID: String?
    public var storyID: String?
    public var runID: String
    public var sceneID: String
    public var visit: Int
    /// Devices whose last word in the visit was "Stop" (what the host saw at the end).
    public var stopped: Int
    /// Devices that tapped Stop at least once in the visit.
    public var everStopped: Int
    /// The count the host last acknowledged in the visit (nil: never).
    public var acknowledged: Int?
    /// The first Stop of the visit.
    public var firstAt: String
}

/// A proposal as stored, without its device.
public struct StoredProposal: Sendable, Equatable {
    public var id: String
    public var sessionID: String?
    public var storyID: String?
    public var runID: String?
    public var sceneID: String?
    public var roundID: String?
    public var text: String
    /// `pending`, `approved`, `rejected` or `merged`.
    public var status: String
    public var mergedInto: String?
    /// The option it became, once put to the vote.
    public var optionID: String?
    public var proposedAt: String
}

/// One line of the moderation log.
public struct StoredModeration: Sendable, Equatable {
    public var proposalID: String
    public var action: String
    public var target: String?
    /// `host` or `moderator`.
    public var by: String
    public var at: String
}
