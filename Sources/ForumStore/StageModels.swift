/// When a vote round opened, closed and was revealed, and which round it replays.
public struct RoundTimeline: Sendable, Equatable {
    public var roundID: String
    public var runID: String
    public var sceneID: String
    public var question: String
    /// `open`, `closed` or `revealed`.
    public var status: String
    /// Store times (ISO-8601 UTC with milliseconds); nil when not (yet) closed or revealed.
    public var openedAt: String
    public var closedAt: String?
    public var revealedAt: String?
    /// The earlier round of the same scene and run that this one replays (`replay`), if any.
    public var replayOf: String?

    /// A round's timeline.
    public init(
        roundID: String, runID: String, sceneID: String, question: String, status: String, openedAt: String,
        closedAt: String?, revealedAt: String?, replayOf: String?
    ) {
        self.roundID = roundID
        self.runID = runID
        self.sceneID = sceneID
        self.question = question
        self.status = status
        self.openedAt = openedAt
        self.closedAt = closedAt
        self.revealedAt = revealedAt
        self.replayOf = replayOf
    }
}

/// A move of the room that stood (was not undone), as stored.
public struct RouteMove: Sendable, Equatable {
    public var command: String
    public var fromScene: String?
    public var toScene: String?
    public var roundID: String?
    /// After a decision: the option followed, and the room's winner then (nil: none or a tie).
    public var optionID: String?
    public var roomChoice: String?
    public var movedAt: String

    /// A stored move.
    public init(
        command: String, fromScene: String?, toScene: String?, roundID: String?, optionID: String?,
        roomChoice: String?, movedAt: String
    ) {
        self.command = command
        self.fromScene = fromScene
        self.toScene = toScene
        self.roundID = roundID
        self.optionID = optionID
        self.roomChoice = roomChoice
        self.movedAt = movedAt
    }

    /// For a decision (`follow`, `choose`): whether the show followed the room's winner.
    public var followedRoom: Bool? {
        optionID.map { $0 == roomChoice }
    }
}

/// One story run and the route it took: its first scene, then every move that stood.
public struct RunRoute: Sendable, Equatable {
    public var runID: String
    public var sessionID: String
    public var sessionTitle: String
    public var storyID: String
    public var storyTitle: String
    public var startedAt: String
    public var endedAt: String?
    /// The scene the run started on.
    public var startScene: String?
    /// The moves that stood, in order (undone moves left out).
    public var moves: [RouteMove]

    /// A run's route.
    public init(
        runID: String, sessionID: String, sessionTitle: String, storyID: String, storyTitle: String,
        startedAt: String, endedAt: String?, startScene: String?, moves: [RouteMove]
    ) {
        self.runID = runID
        self.sessionID = sessionID
        self.sessionTitle = sessionTitle
        self.storyID = storyID
        self.storyTitle = storyTitle
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.startScene = startScene
        self.moves = moves
    }

    /// The scenes in the order the room saw them (a move to the story's end adds none).
    public var scenes: [String] {
        (startScene.map { [$0] } ?? []) + moves.compactMap(\.toScene)
    }
}

/// A stored facilitator note.
public struct StoredNote: Sendable, Equatable {
    public var runID: String?
    public var sceneID: String?
    public var roundID: String?
    public var text: String
    public var notedAt: String

    /// A note.
    public init(runID: String?, sceneID: String?, roundID: String?, text: String, notedAt: String) {
        self.runID = runID
        self.sceneID = sceneID
        self.roundID = roundID
        self.text = text
        self.notedAt = notedAt
    }
}

/// What happened on stage: runs with their routes, rounds with their times, and the notes.
/// A database from before schema v4 has no moves, replays or notes recorded: its routes are
/// the start scenes only and `recorded` is false.
public struct ShowStage: Sendable, Equatable {
    public var runs: [RunRoute]
    public var rounds: [RoundTimeline]
    public var notes: [StoredNote]
    /// False for a database written before the stage was recorded (schema v4).
    public var recorded: Bool
    /// *(addition)* Stops, proposals and their moderation (see ``ShowVoice``).
    public var voice = ShowVoice()

    /// A stage record.
    public init(runs: [RunRoute] = [], rounds: [RoundTimeline] = [], notes: [StoredNote] = [], recorded: Bool = true) {
        self.runs = runs
        self.rounds = rounds
        self.notes = notes
        self.recorded = recorded
    }
}
