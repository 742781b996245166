import Foundation

/// A fact the show produces that must be kept: the storage layer writes these, in order.
///
/// The engine emits them; the server hands them to the store's writer thread. Times are
/// always passed in (the core never reads a clock).
public enum ShowRecord: Sendable, Equatable {
    /// The host moved the show into a session of the programme.
    case sessionEntered(SessionEntry)
    /// A story began (a "run": the same story may be run several times in a day).
    case runStarted(RunStart)
    /// A scene was put on the screens.
    case sceneShown(SceneShown)
    /// A vote round opened on a scene's decision.
    case roundOpened(RoundOpening)
    /// A round changed status (closed, revealed).
    case roundStatus(RoundStatusChange)
    /// A story run ended.
    case runEnded(RunEnd)
    /// A device's vote (every change is kept: the latest per device and round counts).
    case vote(VoteRecord)
    /// A device chose or cleared its perspective.
    case devicePerspective(DevicePerspective)
    /// *(addition)* A device said (or cleared) where it takes part from.
    case devicePlace(DevicePlace)
    /// A new device joined (its opaque token; no name, no address).
    case deviceJoined(DeviceJoin)
    /// The show's position after a host command, so a restart resumes where it was.
    case snapshot(ShowSnapshot)
    /// The host finished the day (`finish`) or reopened it (`start` after `finish`).
    case showFinished(ShowFinishing)
    /// The host undid the last move of the room (see ``Show`` `undo`).
    case undone(UndoRecord)
    /// The room moved to another scene (see ``StageMove``): the record of the route taken.
    case moved(StageMove)
    /// The host noted something about the current decision (see ``FacilitatorNote``).
    case noted(FacilitatorNote)
    /// *(addition)* The room's voice: a stop, a proposal, a moderation (see ``VoiceRecord``).
    case voice(VoiceRecord)
    /// *(addition)* Votes cast at other venues of a shared show (see ``RemoteVote``), as a
    /// venue's database or the day's archive keeps them. The show itself never produces it.
    case remoteVotes([RemoteVote])
    /// *(addition)* A shared show: the revision of the shared entry this database is at
    /// now, so a restart follows on from it.
    case sharedRevision(UInt64)
}

/// See ``ShowRecord/sessionEntered(_:)``.
public struct SessionEntry: Sendable, Equatable, Codable {
    public var sessionID: String
    public var title: String
    public var at: Date
    public init(sessionID: String, title: String, at: Date) {
        self.sessionID = sessionID
        self.title = title
        self.at = at
    }
}

/// See ``ShowRecord/runStarted(_:)``.
public struct RunStart: Sendable, Equatable, Codable {
    public var runID: String
    public var sessionID: String
    public var storyID: String
    public var storyTitle: String
    public var at: Date
    public init(runID: String, sessionID: String, storyID: String, storyTitle: String, at: Date) {
        self.runID = runID
        self.sessionID = sessionID
        self.storyID = storyID
        self.storyTitle = storyTitle
        self.at = at
    }
}

/// See ``ShowRecord/sceneShown(_:)``.
public struct SceneShown: Sendable, Equatable, Codable {
    public var runID: String
    public var sceneID: String
    public var at: Date
    public init(runID: String, sceneID: String, at: Date) {
        self.runID = runID
        self.sceneID = sceneID
        self.at = at
    }
}

/// See ``ShowRecord/roundOpened(_:)``. Question and option labels are copied so exports
/// stay readable even if the story file is edited later.
public struct RoundOpening: Sendable, Equatable, Codable {
    public var roundID: String
    public var runID: String
    public var sceneID: String
    public var question: String
    public var options: [Option]
    /// True when the scene was put on again by `replay`: the store links the round to the
    /// scene's previous round of the run (`replay_of`).
    public var replay: Bool
    public var at: Date
    public init(
        roundID: String, runID: String, sceneID: String, question: String, options: [Option],
        replay: Bool = false, at: Date
    ) {
        self.roundID = roundID
        self.runID = runID
        self.sceneID = sceneID
        self.question = question
        self.options = options
        self.replay = replay
        self.at = at
    }
}

/// The states of a vote round.
public enum RoundStatus: String, Sendable, Equatable, Codable {
    case open
    case closed
    case revealed
}

/// See ``ShowRecord/roundStatus(_:)``.
public struct RoundStatusChange: Sendable, Equatable, Codable {
    public var roundID: String
    public var status: RoundStatus
    public var at: Date
    public init(roundID: String, status: RoundStatus, at: Date) {
        self.roundID = roundID
        self.status = status
        self.at = at
    }
}

/// See ``ShowRecord/runEnded(_:)``.
public struct RunEnd: Sendable, Equatable, Codable {
    public var runID: String
    public var at: Date
    public init(runID: String, at: Date) {
        self.runID = runID
        self.at = at
    }
}

/// Why a vote row was written.
public enum VoteReason: String, Sendable, Equatable, Codable {
    /// The device voted or changed its vote.
    case vote
    /// The device changed perspective after voting: the same option, re-recorded with the
    /// new perspective so the breakdown follows it. Not a change of vote.
    case perspective
    /// *(addition)* The device changed place after voting: the same option, re-recorded with
    /// the new place. Not a change of vote.
    case place
}

/// See ``ShowRecord/vote(_:)``.
public struct VoteRecord: Sendable, Equatable, Codable {
    public var roundID: String
    public var device: String
    public var optionID: String
    public var perspective: String?
    /// *(addition)* Where the device said it takes part from, nil if it did not say.
    public var place: Place?
    public var reason: VoteReason
    public var at: Date
    public init(
        roundID: String, device: String, optionID: String, perspective: String?, place: Place? = nil,
        reason: VoteReason = .vote, at: Date
    ) {
        self.roundID = roundID
        self.device = device
        self.optionID = optionID
        self.perspective = perspective
        self.place = place
        self.reason = reason
        self.at = at
    }
}

/// See ``ShowRecord/devicePerspective(_:)``.
public struct DevicePerspective: Sendable, Equatable, Codable {
    public var device: String
    public var perspective: String?
    public var at: Date
    public init(device: String, perspective: String?, at: Date) {
        self.device = device
        self.perspective = perspective
        self.at = at
    }
}

/// See ``ShowRecord/devicePlace(_:)``.
public struct DevicePlace: Sendable, Equatable, Codable {
    public var device: String
    public var place: Place?
    public var at: Date
    public init(device: String, place: Place?, at: Date) {
        self.device = device
        self.place = place
        self.at = at
    }
}

/// See ``ShowRecord/deviceJoined(_:)``.
public struct DeviceJoin: Sendable, Equatable, Codable {
    public var device: String
    public var at: Date
    public init(device: String, at: Date) {
        self.device = device
        self.at = at
    }
}

/// Where the show stands: enough to resume after a restart. Votes are not in it: they are
/// reloaded from the vote history.
public struct ShowSnapshot: Sendable, Equatable, Codable {
    public var sessionID: String?
    public var run: RunPosition?
    /// Counters for the next run and round ids, so ids never repeat in one database.
    public var runsStarted: Int
    public var roundsOpened: Int
    /// True after `finish`, until a story starts again: every screen shows the closing screen.
    public var finished: Bool
    /// True while the projector shows the full-screen join screen (until the host turns it
    /// off or the scene changes).
    public var joinScreen: Bool
    /// The positions before the latest moves of this run, oldest first, for `undo`.
    public var undo: [UndoStep]
    /// The host's choices about stops and proposals in this scene visit.
    public var voice = VoiceSettings()

    public init(
        sessionID: String? = nil, run: RunPosition? = nil, runsStarted: Int = 0, roundsOpened: Int = 0,
        finished: Bool = false, joinScreen: Bool = false, undo: [UndoStep] = []
    ) {
        self.sessionID = sessionID
        self.run = run
        self.runsStarted = runsStarted
        self.roundsOpened = roundsOpened
        self.finished = finished
        self.joinScreen = joinScreen
        self.undo = undo
    }

    private enum CodingKeys: String, CodingKey {
        case sessionID, run, runsStarted, roundsOpened, finished, joinScreen, undo, voice
    }

    /// Decodes a stored snapshot; snapshots from before `finished`, `joinScreen` and `undo`
    /// existed get `false`, `false` and nothing to undo.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        sessionID = try container.decodeIfPresent(String.self, forKey: .sessionID)
        run = try container.decodeIfPresent(RunPosition.self, forKey: .run)
        runsStarted = try container.decode(Int.self, forKey: .runsStarted)
        roundsOpened = try container.decode(Int.self, forKey: .roundsOpened)
        finished = try container.decodeIfPresent(Bool.self, forKey: .finished) ?? false
        joinScreen = try container.decodeIfPresent(Bool.self, forKey: .joinScreen) ?? false
        undo = try container.decodeIfPresent([UndoStep].self, forKey: .undo) ?? []
        voice = try container.decodeIfPresent(VoiceSettings.self, forKey: .voice) ?? VoiceSettings()
    }
}

/// See ``ShowRecord/showFinished(_:)``: `finished` true when the host finished the day,
/// false when a story start reopened it.
public struct ShowFinishing: Sendable, Equatable, Codable {
    public var finished: Bool
    public var at: Date
    public init(finished: Bool, at: Date) {
        self.finished = finished
        self.at = at
    }
}

/// The current story run: which scene, how we got here, and the scene's vote round.
public struct RunPosition: Sendable, Equatable, Codable {
    public var runID: String
    public var storyID: String
    /// nil once a run has reached an option that leads nowhere (the story is over but not ended).
    public var sceneID: String?
    /// Scenes visited before this one, newest last, for `back`.
    public var trail: [String]
    public var round: RoundPosition?
    /// Who sees this scene's vote results before the reveal (reset when the scene changes).
    public var results: ResultsVisibility
    /// Whether the room sees this scene's results split by perspective (reset with the scene).
    public var split: Bool
    /// *(addition)* The dimension of the split, fixed by the first `split` on of this scene
    /// visit so the room never sees one round split two ways (nil: none yet, perspective).
    public var splitBy: SplitDimension?
    /// True when this scene visit came from `replay` (its round replays the scene's last one).
    public var replaying = false
    /// The audience's options added to this visit's round (``AudienceOption``), after the
    /// staff's.
    public var audienceOptions: [Option] = []

    public init(
        runID: String, storyID: String, sceneID: String?, trail: [String] = [], round: RoundPosition? = nil,
        results: ResultsVisibility = .hidden, split: Bool = false
    ) {
        self.runID = runID
        self.storyID = storyID
        self.sceneID = sceneID
        self.trail = trail
        self.round = round
        self.results = results
        self.split = split
    }

    private enum CodingKeys: String, CodingKey {
        case runID, storyID, sceneID, trail, round, results, split, replaying, audienceOptions, splitBy
    }

    /// Decodes a stored position; snapshots from before `results` and `split` existed get
    /// the defaults.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        runID = try container.decode(String.self, forKey: .runID)
        storyID = try container.decode(String.self, forKey: .storyID)
        sceneID = try container.decodeIfPresent(String.self, forKey: .sceneID)
        trail = try container.decode([String].self, forKey: .trail)
        round = try container.decodeIfPresent(RoundPosition.self, forKey: .round)
        results = try container.decodeIfPresent(ResultsVisibility.self, forKey: .results) ?? .hidden
        split = try container.decodeIfPresent(Bool.self, forKey: .split) ?? false
        replaying = try container.decodeIfPresent(Bool.self, forKey: .replaying) ?? false
        audienceOptions = try container.decodeIfPresent([Option].self, forKey: .audienceOptions) ?? []
        splitBy = try container.decodeIfPresent(SplitDimension.self, forKey: .splitBy)
    }
}

/// The vote round of the current scene visit.
public struct RoundPosition: Sendable, Equatable, Codable {
    public var roundID: String
    public var sceneID: String
    public var status: RoundStatus
    /// For a timed vote: when the round closes itself.
    public var closesAt: Date?
    public init(roundID: String, sceneID: String, status: RoundStatus, closesAt: Date? = nil) {
        self.roundID = roundID
        self.sceneID = sceneID
        self.status = status
        self.closesAt = closesAt
    }
}
