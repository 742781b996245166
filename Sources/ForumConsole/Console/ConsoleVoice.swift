import ForumCore

/// The room's voice as the console sees it, from the `room` member of the host's state:
/// how many want to step in, whether proposals are open, and the proposals waiting.
public struct ConsoleVoice: Sendable, Equatable {
    /// A proposal waiting for moderation (its text sanitized for the terminal).
    public struct Waiting: Sendable, Equatable {
        public var id: String
        public var text: String
    }

    public var stops = 0
    public var acknowledged: Int?
    public var stopsShown = false
    public var proposalsOpen = false
    public var ideasShown = false
    public var waiting: [Waiting] = []
    public var approved = 0
    /// The queue as the server sent it (see ConsoleVoice+Queue.swift).
    public var queue: [Item] = []

    /// Nothing yet (no story, or a server without the room's voice).
    public init() {}

    /// Reads a state's `room` (nil gives nothing).
    public init(_ room: StateMessage.Room?) {
        guard let room else { return }
        proposalsOpen = room.proposalsOpen
        guard let staff = room.staff else { return }
        stops = staff.stops
        acknowledged = staff.acknowledged
        stopsShown = staff.stopsShown
        ideasShown = staff.proposalsShown
        waiting = staff.queue.filter { $0.status == .pending }.map {
            Waiting(id: TextWidth.sanitize($0.id), text: TextWidth.sanitize($0.text))
        }
        approved = staff.queue.count { $0.status == .approved && $0.option == nil }
        queue = staff.queue.map(Item.init)
    }

    /// True when there is something to tell the host.
    public var hasNews: Bool { stops > 0 || proposalsOpen || !waiting.isEmpty || approved > 0 }
}

/// The line under the header about the room's voice, only while there is news: the stop
/// count (and what was acknowledged), proposals open, waiting and approved.
enum VoicePanel {
    static func lines(_ state: ConsoleState, width: Int) -> [StyledLine] {
        let voice = state.voice
        guard voice.hasNews, state.view.storyID != nil else { return [] }
        var parts: [String] = []
        if voice.stops > 0 || voice.acknowledged != nil {
            var text = "Stop: \(voice.stops) want\(voice.stops == 1 ? "s" : "") to step in"
            text += voice.acknowledged.map { " (\($0) acknowledged)" } ?? (state.isModerator ? "" : " (a: acknowledge)")
            if voice.stopsShown { text += " on the projector" }
            parts.append(text)
        }
        parts.append(voice.proposalsOpen ? "proposals open" : "proposals closed")
        if voice.approved > 0 { parts.append("\(voice.approved) approved") }
        // The oldest waiting proposal's text last: a narrow terminal cuts it, not the counts.
        if let first = voice.waiting.first {
            parts.append("\(voice.waiting.count) waiting: \(first.id) “\(first.text)”")
        }
        return [StyledLine(" " + parts.joined(separator: " · "), .caution).fitted(to: width, fill: .caution)]
    }
}
