import ForumCore
import Foundation

/// What the host sees, parsed from the server's `welcome`, `state` and `tally` messages
/// (docs/protocol.md). Pure data: the console's renderer and the one-shot commands read it.
public struct HostView: Sendable, Equatable {
    /// A story of the library, from the host `welcome`.
    public struct StoryEntry: Sendable, Equatable {
        public var id: String
        public var title: String
        public var summary: String
        public var sceneCount: Int
    }

    /// A session of the programme (event.yaml), from the host `welcome`.
    public struct SessionEntry: Sendable, Equatable {
        public var id: String
        public var title: String
        public var starts: String
        public var stories: [String]
    }

    /// A perspective the audience may give.
    public struct Perspective: Sendable, Equatable {
        public var id: String
        public var label: String
    }

    /// One option of the decision on screen, with its live count and where it leads.
    public struct Option: Sendable, Equatable {
        public var id: String
        public var label: String
        public var count: Int
        /// The scene this option leads to; nil where the story ends.
        public var leadsTo: String?
    }

    /// The scene's decision and its vote round.
    public struct Decision: Sendable, Equatable {
        /// The round's id; nil before the host opens the vote.
        public var roundID: String?
        public var question: String
        /// `pending`, `open`, `closed` or `revealed`.
        public var status: String
        public var closesAt: Date?
        /// Who sees the results before the reveal: `hidden`, `screen`, `everyone` (nil from
        /// a server that does not say).
        public var results: String?
        /// Whether the bars are split by perspective (nil from a server that does not say).
        public var split: Bool?
        public var options: [Option]
    }

    /// What `undo` would bring back (host state `host.undo`).
    public struct UndoInfo: Sendable, Equatable {
        public var command: String
        public var scene: String?
        public var round: String?
        public var status: String?
    }

    /// The live tally beyond the per-option counts.
    public struct Breakdown: Sendable, Equatable {
        /// Perspective id → option id → count.
        public var byPerspective: [String: [String: Int]] = [:]
        public var noPerspective: [String: Int] = [:]
        public var smallGroups: [String] = []
    }

    public var eventTitle = ""
    public var perspectives: [Perspective] = []
    public var stories: [StoryEntry] = []
    public var sessions: [SessionEntry] = []
    public var joinURLs: [String] = []

    public var sessionID: String?
    public var sessionTitle: String?
    public var storyID: String?
    public var storyTitle: String?
    public var run: String?
    public var sceneID: String?
    public var sceneTitle: String?
    public var sceneText: String?
    public var hostNotes: String?
    public var sceneIndex: Int?
    public var sceneCount: Int?
    public var trail: [String] = []
    public var next: String?
    public var isEnding = false
    public var winner: [String] = []
    public var decision: Decision?
    public var total = 0
    public var breakdown = Breakdown()
    public var connected = 0
    public var voted = 0
    /// Phones connected by perspective id, and with none given (nil: the server does not say).
    public var connectedByPerspective: [String: Int]?
    public var connectedWithoutPerspective: Int?
    /// What `undo` would bring back; nil when there is nothing to undo.
    public var undo: UndoInfo?
    /// Records waiting for the database and failed writes since the server started.
    public var storePending = 0
    public var storeFailed = 0
    /// Whether a `state` has arrived since the last `welcome`.
    public var hasState = false
    /// Whether the host finished the day, and whether the projector shows the join screen.
    public var finished = false
    public var joinScreen = false
    /// *(addition)* Where people take part from: the remote link, the split by place.
    public var place = PlaceView()

    public init() {}

    /// The decision's options (empty without a decision).
    public var options: [Option] { decision?.options ?? [] }

    /// Takes in one message from the server; other message types are ignored.
    public mutating func apply(_ message: ServerMessage) {
        place.take(message)
        switch message {
        case .welcome(let welcome): applyWelcome(welcome)
        case .state(let state): applyState(state)
        case .tally(let message):
            if message.tally.roundID != decision?.roundID { return }
            applyTally(message.tally)
            applyAudience(message.audience)
            applyStore(message.store)
        default: break
        }
    }

    private mutating func applyWelcome(_ welcome: WelcomeMessage) {
        eventTitle = welcome.eventTitle
        perspectives = welcome.perspectives.map { Perspective(id: $0.id, label: $0.label) }
        stories = (welcome.catalogue?.stories ?? []).map {
            StoryEntry(id: $0.id, title: $0.title, summary: $0.summary ?? "", sceneCount: $0.sceneCount)
        }
        sessions = (welcome.catalogue?.sessions ?? []).map {
            SessionEntry(id: $0.id, title: $0.title, starts: $0.starts ?? "", stories: $0.stories)
        }
        joinURLs = welcome.joinURLs
        hasState = false
    }

    private mutating func applyState(_ state: StateMessage) {
        hasState = true
        sessionID = state.session?.id
        sessionTitle = state.session?.title
        storyID = state.story?.id
        storyTitle = state.story?.title
        run = state.story?.run
        sceneID = state.scene?.id
        sceneTitle = state.scene?.title
        sceneText = state.scene?.text
        hostNotes = state.host?.notes
        let host = state.host?.details
        sceneIndex = host?.sceneIndex
        sceneCount = host?.sceneCount
        trail = host?.trail ?? []
        next = host?.next
        isEnding = host?.isEnding ?? false
        winner = host?.winner ?? []
        undo = host?.undo.map {
            UndoInfo(command: $0.command, scene: $0.scene, round: $0.round, status: $0.status?.rawValue)
        }
        let optionsNext = host?.optionsNext ?? []
        decision = state.decision.map { decision in
            Decision(
                roundID: decision.roundID, question: decision.question, status: decision.status.rawValue,
                closesAt: decision.closesAt, results: decision.results.rawValue, split: decision.split,
                options: decision.options.map { option in
                    Option(
                        id: option.id, label: option.label, count: 0,
                        leadsTo: optionsNext.first { $0.option == option.id }?.scene)
                })
        }
        applyTally(state.tally)
        applyAudience(state.audience)
        applyStore(state.store)
        finished = state.finished
        joinScreen = state.joinScreen ?? false
    }

    private mutating func applyTally(_ tally: TallyCounts?) {
        total = tally?.total ?? 0
        if var current = decision {
            for index in current.options.indices {
                current.options[index].count = tally?.counts[current.options[index].id] ?? 0
            }
            decision = current
        }
        breakdown = Breakdown(
            byPerspective: Dictionary((tally?.byPerspective ?? []).map { ($0.perspective, $0.counts.dictionary) }) {
                a, _ in a
            },
            noPerspective: tally?.noPerspective?.dictionary ?? [:],
            smallGroups: tally?.smallGroups ?? [])
        if let current = decision {
            // The leaders, kept in step with the live tallies between states.
            let best = current.options.map(\.count).max() ?? 0
            winner = total > 0 ? current.options.filter { $0.count == best }.map(\.id) : []
        }
    }

    private mutating func applyAudience(_ audience: AudienceCount?) {
        guard let audience else { return }
        connected = audience.connected
        voted = audience.voted
        connectedByPerspective = audience.byPerspective
        connectedWithoutPerspective = audience.noPerspective
    }

    private mutating func applyStore(_ store: StoreHealth?) {
        guard let store else { return }
        storePending = store.pending
        storeFailed = store.failed
    }

    /// The 1-based position of an option of the decision on screen.
    public func number(ofOption id: String) -> Int? {
        options.firstIndex { $0.id == id }.map { $0 + 1 }
    }

    /// The title of a story by id (the id itself when unknown).
    public func storyTitle(of id: String) -> String {
        stories.first { $0.id == id }?.title ?? id
    }

    /// The stories in programme order: each session's, then any story no session names.
    public var programmeStories: [StoryEntry] {
        var seen = Set<String>()
        var ordered: [StoryEntry] = []
        for id in sessions.flatMap(\.stories) where !seen.contains(id) {
            seen.insert(id)
            if let story = stories.first(where: { $0.id == id }) { ordered.append(story) }
        }
        return ordered + stories.filter { !seen.contains($0.id) }
    }

    /// One line: where the show is, for scripts and logs.
    public var statusLine: String {
        var parts: [String] = []
        parts.append(storyTitle.map { "story: \($0)\(run.map { " (\($0))" } ?? "")" } ?? "no story running")
        if storyTitle != nil {
            let position = sceneIndex.map { " \($0)/\(sceneCount ?? 0)" } ?? ""
            parts.append("scene: \(sceneID ?? "— story over —")\(position)")
        }
        if let decision { parts.append("vote: \(decision.status)\(decision.roundID.map { " \($0)" } ?? "")") }
        parts.append("phones: \(connected)")
        if decision != nil { parts.append("votes: \(total)") }
        return parts.joined(separator: " | ")
    }
}
