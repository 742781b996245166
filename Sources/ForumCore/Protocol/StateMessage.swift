import Foundation

/// `state`, the whole current state as one role sees it (docs/protocol.md): what is on
/// stage, the decision and its round, the tally the role may see, and for the host its own
/// part. Built by ``StateView``; parts a role does not get are nil and absent on the wire.
public struct StateMessage: ServerMessageBody {
    public static let type = ServerMessageType.state

    /// A programme session as states name it.
    public struct SessionRef: Sendable, Equatable {
        public var id: String
        public var title: String
        public var starts: String?

        public init(id: String, title: String, starts: String?) {
            self.id = id
            self.title = title
            self.starts = starts
        }
    }

    /// The story running.
    public struct StoryRef: Sendable, Equatable {
        public var id: String
        public var title: String
        public var language: String
        public var contentNotes: [String]
        /// The run's id.
        public var run: String?

        public init(id: String, title: String, language: String, contentNotes: [String], run: String?) {
            self.id = id
            self.title = title
            self.language = language
            self.contentNotes = contentNotes
            self.run = run
        }
    }

    /// The scene on stage.
    public struct SceneRef: Sendable, Equatable {
        public var id: String
        public var title: String?
        public var text: String
        public var image: String?
        public var imageAlt: String?

        public init(id: String, title: String?, text: String, image: String?, imageAlt: String?) {
            self.id = id
            self.title = title
            self.text = text
            self.image = image
            self.imageAlt = imageAlt
        }
    }

    /// Where a decision's vote is.
    public enum DecisionStatus: String, Sendable, Equatable {
        /// No round yet: the host has not opened the vote.
        case pending
        case open
        case closed
        case revealed

        /// A round's status.
        public init(_ status: RoundStatus) {
            switch status {
            case .open: self = .open
            case .closed: self = .closed
            case .revealed: self = .revealed
            }
        }
    }

    /// An option of the decision.
    public struct OptionRef: Sendable, Equatable {
        public var id: String
        public var label: String
        /// *(addition)* An option that came from an audience proposal (`"from": "audience"`).
        public var fromAudience: Bool

        public init(id: String, label: String, fromAudience: Bool = false) {
            self.id = id
            self.label = label
            self.fromAudience = fromAudience
        }
    }

    /// The scene's decision and its round.
    public struct DecisionRef: Sendable, Equatable {
        /// The round's id (nil before the vote opens).
        public var roundID: String?
        public var question: String
        public var options: [OptionRef]
        public var status: DecisionStatus
        public var results: ResultsVisibility
        public var split: Bool
        /// *(addition)* Which way the room sees the results split.
        public var splitBy: SplitDimension
        public var closesAt: Date?
        /// Milliseconds left of a timed round, from the server's clock.
        public var closesInMs: Int?
        /// Phones only: `.some(nil)` when this phone has not voted; nil for other roles.
        public var myVote: String??
        /// Other roles than the host, while fewer than the threshold have voted.
        public var resultsWithheld: Bool

        public init(
            roundID: String?, question: String, options: [OptionRef], status: DecisionStatus,
            results: ResultsVisibility, split: Bool, splitBy: SplitDimension = .perspective, closesAt: Date? = nil,
            closesInMs: Int? = nil, myVote: String?? = nil, resultsWithheld: Bool = false
        ) {
            self.roundID = roundID
            self.question = question
            self.options = options
            self.status = status
            self.results = results
            self.split = split
            self.splitBy = splitBy
            self.closesAt = closesAt
            self.closesInMs = closesInMs
            self.myVote = myVote
            self.resultsWithheld = resultsWithheld
        }
    }

    /// What `undo` would bring back.
    public struct UndoRef: Sendable, Equatable {
        public var command: String
        public var scene: String?
        public var round: String?
        public var status: RoundStatus?

        public init(command: String, scene: String?, round: String?, status: RoundStatus?) {
            self.command = command
            self.scene = scene
            self.round = round
            self.status = status
        }
    }

    /// Where the run is, for the host.
    public struct HostDetails: Sendable, Equatable {
        public var trail: [String]
        public var next: String?
        public var isEnding: Bool
        /// Option id → the scene it leads to (nil: the story ends), in option order.
        public var optionsNext: [(option: String, scene: String?)]
        /// 1-based position of the scene in the story.
        public var sceneIndex: Int?
        public var sceneCount: Int
        /// The leading options (empty before any vote).
        public var winner: [String]
        public var undo: UndoRef?

        public init(
            trail: [String], next: String?, isEnding: Bool, optionsNext: [(option: String, scene: String?)],
            sceneIndex: Int?, sceneCount: Int, winner: [String], undo: UndoRef?
        ) {
            self.trail = trail
            self.next = next
            self.isEnding = isEnding
            self.optionsNext = optionsNext
            self.sceneIndex = sceneIndex
            self.sceneCount = sceneCount
            self.winner = winner
            self.undo = undo
        }

        public static func == (lhs: HostDetails, rhs: HostDetails) -> Bool {
            lhs.trail == rhs.trail && lhs.next == rhs.next && lhs.isEnding == rhs.isEnding
                && lhs.optionsNext.map(\.option) == rhs.optionsNext.map(\.option)
                && lhs.optionsNext.map(\.scene) == rhs.optionsNext.map(\.scene) && lhs.sceneIndex == rhs.sceneIndex
                && lhs.sceneCount == rhs.sceneCount && lhs.winner == rhs.winner && lhs.undo == rhs.undo
        }
    }

    /// The host's own part: the scene's notes (never sent to phones) and the run's details
    /// (nil with no story running).
    public struct HostPart: Sendable, Equatable {
        public var notes: String?
        public var details: HostDetails?

        public init(notes: String?, details: HostDetails?) {
            self.notes = notes
            self.details = details
        }
    }

    public var session: SessionRef?
    public var story: StoryRef?
    public var scene: SceneRef?
    public var decision: DecisionRef?
    /// The tally this role may see (nil: none, or kept back).
    public var tally: TallyCounts?
    /// The host only.
    public var host: HostPart?
    /// Whether the host finished the day.
    public var finished: Bool
    public var nextSession: SessionRef?
    /// Screens and hosts: whether the projector shows the join screen.
    public var joinScreen: Bool?
    /// Screens and hosts.
    public var audience: AudienceCount?
    /// The host only.
    public var store: StoreHealth?
    /// *(addition)* The room's voice, while a story runs (nil: none).
    public var room: Room?
    /// *(addition)* Hosts and moderators of a show shared between venues: each venue, in
    /// name order (nil on a single-machine show).
    public var venues: [VenueStatus]?

    public init(
        session: SessionRef?, story: StoryRef?, scene: SceneRef?, decision: DecisionRef?, tally: TallyCounts?,
        host: HostPart?, finished: Bool, nextSession: SessionRef?, joinScreen: Bool?, audience: AudienceCount?,
        store: StoreHealth?, room: Room? = nil, venues: [VenueStatus]? = nil
    ) {
        self.session = session
        self.story = story
        self.scene = scene
        self.decision = decision
        self.tally = tally
        self.host = host
        self.finished = finished
        self.nextSession = nextSession
        self.joinScreen = joinScreen
        self.audience = audience
        self.store = store
        self.room = room
        self.venues = venues
    }
}
