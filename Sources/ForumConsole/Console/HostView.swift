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
    public mutating func apply(_ message: [String: Any]) {
        place.take(message)
        switch message["type"] as? String {
        case "welcome": applyWelcome(message)
        case "state": applyState(message)
        case "tally":
            if let round = message["decision"] as? String, round != decision?.roundID { return }
            applyTally(message)
            applyAudience(message["audience"] as? [String: Any])
            applyStore(message["store"] as? [String: Any])
        default: break
        }
    }

    private mutating func applyWelcome(_ message: [String: Any]) {
        eventTitle = (message["event"] as? [String: Any])?["title"] as? String ?? ""
        perspectives = (message["perspectives"] as? [[String: Any]] ?? []).compactMap { item in
            guard let id = item["id"] as? String else { return nil }
            return Perspective(id: id, label: item["label"] as? String ?? id)
        }
        stories = (message["stories"] as? [[String: Any]] ?? []).compactMap { story in
            guard let id = story["id"] as? String else { return nil }
            return StoryEntry(
                id: id, title: story["title"] as? String ?? id, summary: story["summary"] as? String ?? "",
                sceneCount: story["scenes"] as? Int ?? 0)
        }
        sessions = (message["sessions"] as? [[String: Any]] ?? []).compactMap { session in
            guard let id = session["id"] as? String else { return nil }
            return SessionEntry(
                id: id, title: session["title"] as? String ?? id, starts: session["starts"] as? String ?? "",
                stories: session["stories"] as? [String] ?? [])
        }
        joinURLs = message["join_urls"] as? [String] ?? []
        hasState = false
    }

    private mutating func applyState(_ message: [String: Any]) {
        hasState = true
        let session = message["session"] as? [String: Any]
        sessionID = session?["id"] as? String
        sessionTitle = session?["title"] as? String
        let story = message["story"] as? [String: Any]
        storyID = story?["id"] as? String
        storyTitle = story?["title"] as? String
        run = story?["run"] as? String
        let scene = message["scene"] as? [String: Any]
        sceneID = scene?["id"] as? String
        sceneTitle = scene?["title"] as? String
        sceneText = scene?["text"] as? String
        hostNotes = message["host_notes"] as? String
        let host = message["host"] as? [String: Any]
        sceneIndex = host?["scene_index"] as? Int
        sceneCount = host?["scene_count"] as? Int
        trail = host?["trail"] as? [String] ?? []
        next = host?["next"] as? String
        isEnding = host?["is_ending"] as? Bool ?? false
        winner = host?["winner"] as? [String] ?? []
        undo = (host?["undo"] as? [String: Any]).flatMap { undo in
            (undo["command"] as? String).map {
                UndoInfo(
                    command: $0, scene: undo["scene"] as? String, round: undo["round"] as? String,
                    status: undo["status"] as? String)
            }
        }
        let optionsNext = host?["options_next"] as? [String: Any] ?? [:]
        decision = (message["decision"] as? [String: Any]).map { decision in
            Decision(
                roundID: decision["id"] as? String,
                question: decision["question"] as? String ?? "",
                status: decision["status"] as? String ?? "pending",
                closesAt: (decision["closes_at"] as? String).flatMap(Self.date),
                results: decision["results"] as? String,
                split: decision["split"] as? Bool,
                options: (decision["options"] as? [[String: Any]] ?? []).map { option in
                    let id = option["id"] as? String ?? ""
                    return Option(
                        id: id, label: option["label"] as? String ?? id, count: 0,
                        leadsTo: optionsNext[id] as? String)
                })
        }
        applyTally(message["tally"] as? [String: Any])
        applyAudience(message["audience"] as? [String: Any])
        applyStore(message["store"] as? [String: Any])
        finished = message["finished"] as? Bool ?? false
        joinScreen = message["join_screen"] as? Bool ?? false
    }

    private mutating func applyTally(_ tally: [String: Any]?) {
        let counts = tally?["counts"] as? [String: Any] ?? [:]
        total = tally?["total"] as? Int ?? 0
        if var current = decision {
            for index in current.options.indices {
                current.options[index].count = counts[current.options[index].id] as? Int ?? 0
            }
            decision = current
        }
        func numbers(_ value: Any?) -> [String: Int] {
            (value as? [String: Any] ?? [:]).compactMapValues { $0 as? Int }
        }
        breakdown = Breakdown(
            byPerspective: (tally?["by_perspective"] as? [String: Any] ?? [:]).mapValues(numbers),
            noPerspective: numbers(tally?["no_perspective"]),
            smallGroups: tally?["small_groups"] as? [String] ?? [])
        if let current = decision {
            // The leaders, kept in step with the live tallies between states.
            let best = current.options.map(\.count).max() ?? 0
            winner = total > 0 ? current.options.filter { $0.count == best }.map(\.id) : []
        }
    }

    private mutating func applyAudience(_ audience: [String: Any]?) {
        if let connected = audience?["connected"] as? Int { self.connected = connected }
        if let voted = audience?["voted"] as? Int { self.voted = voted }
        if let audience {
            connectedByPerspective = (audience["by_perspective"] as? [String: Any])?.compactMapValues { $0 as? Int }
            connectedWithoutPerspective = audience["no_perspective"] as? Int
        }
    }

    private mutating func applyStore(_ store: [String: Any]?) {
        guard let store else { return }
        storePending = store["pending"] as? Int ?? 0
        storeFailed = store["failed"] as? Int ?? 0
    }

    /// Parses an ISO 8601 time, with or without fractional seconds.
    static func date(_ text: String) -> Date? {
        if let date = try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text) { return date }
        return try? Date.ISO8601FormatStyle().parse(text)
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
