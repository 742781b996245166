import Foundation

/// What the host has chosen about the room's voice ("Stop!" and the audience's proposals),
/// kept in the show's snapshot so a restart resumes it. Reset when the room moves on to
/// another scene visit (see ``Show`` `settleVoice`).
public struct VoiceSettings: Sendable, Equatable, Codable {
    /// Counts scene visits since the start: stops belong to one visit (the scene on now,
    /// until the room moves or the scene is replayed).
    public var visit: Int
    /// True while phones may send proposals for the scene on now.
    public var proposalsOpen: Bool
    /// True while the projector shows how many people want to step in.
    public var stopsShown: Bool
    /// True while the projector shows the approved proposals of this scene.
    public var proposalsShown: Bool
    /// The stop count the host last acknowledged in this visit (nil: not yet).
    public var acknowledged: Int?

    /// Settings at the start of a show: visit 0, everything closed and hidden.
    public init(
        visit: Int = 0, proposalsOpen: Bool = false, stopsShown: Bool = false, proposalsShown: Bool = false,
        acknowledged: Int? = nil
    ) {
        self.visit = visit
        self.proposalsOpen = proposalsOpen
        self.stopsShown = stopsShown
        self.proposalsShown = proposalsShown
        self.acknowledged = acknowledged
    }
}

/// What became of a proposal.
public enum ProposalStatus: String, Sendable, Equatable, Codable, CaseIterable {
    /// Waiting for a moderator.
    case pending
    /// Approved: it may be shown to the room and put to the vote.
    case approved
    /// Not taken (never shown).
    case rejected
    /// The same idea as another proposal (``Proposal/mergedInto``): it counts with that one.
    case merged
}

/// One audience proposal: what should happen instead, in the proposer's words (text only,
/// never markup). Known by an id like `P3`; the device token is kept only so the proposer
/// can see what became of it, and is never shown or exported with the text.
public struct Proposal: Sendable, Equatable, Codable {
    public var id: String
    public var visit: Int
    public var runID: String?
    public var sceneID: String?
    /// The round of the scene when it was sent, if it had one.
    public var roundID: String?
    public var device: String
    public var text: String
    public var status: ProposalStatus
    /// For a merged proposal: the one it was merged into.
    public var mergedInto: String?
    /// Once put to the vote: the option id it became (``AudienceOption``).
    public var optionID: String?
    public var at: Date

    /// A proposal as sent (pending).
    public init(
        id: String, visit: Int, runID: String?, sceneID: String?, roundID: String?, device: String, text: String,
        status: ProposalStatus = .pending, mergedInto: String? = nil, optionID: String? = nil, at: Date
    ) {
        self.id = id
        self.visit = visit
        self.runID = runID
        self.sceneID = sceneID
        self.roundID = roundID
        self.device = device
        self.text = text
        self.status = status
        self.mergedInto = mergedInto
        self.optionID = optionID
        self.at = at
    }
}

/// Who carried out a moderation action: the host, or a moderator with a key of their own.
public enum ModeratorRole: String, Sendable, Equatable, Codable {
    case host
    case moderator
}

/// One line of the moderation log: what was done to a proposal, by whom, when.
public struct ModerationEntry: Sendable, Equatable, Codable {
    /// `approve`, `reject`, `merge` or `adopt`.
    public var action: String
    public var proposalID: String
    /// For `merge`: the proposal it went into; for `adopt`: the option id it became.
    public var target: String?
    public var by: ModeratorRole
    public var at: Date

    /// A log entry.
    public init(action: String, proposalID: String, target: String?, by: ModeratorRole, at: Date) {
        self.action = action
        self.proposalID = proposalID
        self.target = target
        self.by = by
        self.at = at
    }
}

/// A phone's "Stop!" (or taking it back) in one scene visit.
public struct StopToggle: Sendable, Equatable, Codable {
    public var visit: Int
    public var runID: String
    public var sceneID: String
    public var device: String
    public var on: Bool
    public var at: Date

    /// A stop, or its undoing.
    public init(visit: Int, runID: String, sceneID: String, device: String, on: Bool, at: Date) {
        self.visit = visit
        self.runID = runID
        self.sceneID = sceneID
        self.device = device
        self.on = on
        self.at = at
    }
}

/// The records of the room's voice, for the store (see ``ShowRecord/voice(_:)``).
public enum VoiceRecord: Sendable, Equatable {
    /// A phone tapped Stop or took it back.
    case stop(StopToggle)
    /// A phone sent a proposal (pending).
    case proposed(Proposal)
    /// A moderator or the host decided on a proposal; the proposal as it is now.
    case moderated(ModerationEntry, Proposal)
    /// The host acknowledged `count` stops in a scene visit.
    case acknowledged(visit: Int, runID: String?, sceneID: String?, count: Int, at: Date)
}

/// The audience's own option in a round: an approved proposal put to the vote beside the
/// staff's options. Its id (`audience_N`, from proposal `PN`) can never be a story id (story
/// ids have no `_`); it has no branch in the story: if the room chooses it, the host decides
/// where the show goes.
public enum AudienceOption {
    /// The prefix of every audience option id.
    public static let prefix = "audience_"

    /// The option id of a proposal (`P3` → `audience_3`).
    public static func id(for proposalID: String) -> String {
        prefix + proposalID.dropFirst()
    }

    /// True when `optionID` is an audience option.
    public static func isAudience(_ optionID: String) -> Bool {
        optionID.hasPrefix(prefix)
    }
}
