import Foundation

/// What the host sees, parsed from the server's `welcome`, `state` and `tally` messages.
public struct HostView: Sendable {
    /// One option of the decision on screen, with its live count.
    public struct OptionLine: Sendable, Equatable {
        public var id: String
        public var label: String
        public var count: Int
        public var leadsTo: String?
    }

    public var eventTitle = ""
    public var stories: [(id: String, title: String)] = []
    public var sessionTitle: String?
    public var storyTitle: String?
    public var run: String?
    public var sceneID: String?
    public var sceneTitle: String?
    public var sceneText: String?
    public var hostNotes: String?
    public var sceneIndex: Int?
    public var sceneCount: Int?
    public var next: String?
    public var question: String?
    public var roundID: String?
    public var status: String?
    public var options: [OptionLine] = []
    public var total = 0
    public var connected = 0
    public var joinURLs: [String] = []

    public init() {}

    /// Takes in one message from the server.
    public mutating func apply(_ message: [String: Any]) {
        switch message["type"] as? String {
        case "welcome":
            eventTitle = (message["event"] as? [String: Any])?["title"] as? String ?? ""
            stories = (message["stories"] as? [[String: Any]] ?? []).compactMap { story in
                guard let id = story["id"] as? String else { return nil }
                return (id, story["title"] as? String ?? id)
            }
            joinURLs = message["join_urls"] as? [String] ?? []
        case "state":
            sessionTitle = (message["session"] as? [String: Any])?["title"] as? String
            let story = message["story"] as? [String: Any]
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
            next = host?["next"] as? String
            let optionsNext = host?["options_next"] as? [String: Any] ?? [:]
            let decision = message["decision"] as? [String: Any]
            question = decision?["question"] as? String
            roundID = decision?["id"] as? String
            status = decision?["status"] as? String
            options = (decision?["options"] as? [[String: Any]] ?? []).map { option in
                let id = option["id"] as? String ?? ""
                return OptionLine(
                    id: id, label: option["label"] as? String ?? id, count: 0, leadsTo: optionsNext[id] as? String)
            }
            applyTally(message["tally"] as? [String: Any])
            applyAudience(message["audience"] as? [String: Any])
        case "tally":
            applyTally(message)
            applyAudience(message["audience"] as? [String: Any])
        default:
            break
        }
    }

    private mutating func applyTally(_ tally: [String: Any]?) {
        let counts = tally?["counts"] as? [String: Any] ?? [:]
        total = tally?["total"] as? Int ?? 0
        for index in options.indices { options[index].count = counts[options[index].id] as? Int ?? 0 }
    }

    private mutating func applyAudience(_ audience: [String: Any]?) {
        if let connected = audience?["connected"] as? Int { self.connected = connected }
    }

    /// One line: where the show is, for the prompt.
    public var statusLine: String {
        var parts: [String] = []
        parts.append(storyTitle.map { "story: \($0)\(run.map { " (\($0))" } ?? "")" } ?? "no story running")
        if storyTitle != nil {
            let position = sceneIndex.map { " \($0)/\(sceneCount ?? 0)" } ?? ""
            parts.append("scene: \(sceneID ?? "— story over —")\(position)")
        }
        if question != nil { parts.append("vote: \(status ?? "pending")\(roundID.map { " \($0)" } ?? "")") }
        parts.append("phones: \(connected)")
        if question != nil { parts.append("votes: \(total)") }
        return parts.joined(separator: " | ")
    }

    /// The scene, the host notes and the live bars, for a terminal `width` columns wide.
    public func render(width: Int) -> String {
        var lines = ["== \(statusLine)"]
        if let sceneTitle { lines.append("# \(sceneTitle)") }
        if let sceneText { lines.append(sceneText.trimmingCharacters(in: .whitespacesAndNewlines)) }
        if let hostNotes { lines.append("NOTES: \(hostNotes)") }
        if let next, question == nil { lines.append("next: \(next)") }
        if sceneText != nil, next == nil, question == nil { lines.append("(an ending: type end)") }
        if let question {
            lines.append("? \(question)")
            let labelWidth = max(10, min(40, width / 3))
            let barWidth = max(10, width - labelWidth - 24)
            for (index, option) in options.enumerated() {
                let share = total > 0 ? Double(option.count) / Double(total) : 0
                let filled = Int((share * Double(barWidth)).rounded())
                let label = String(option.label.prefix(labelWidth)).padding(
                    toLength: labelWidth, withPad: " ", startingAt: 0)
                let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: barWidth - filled)
                let percent = String(format: "%3d%%", Int((share * 100).rounded()))
                lines.append(
                    "\(index + 1) \(label) \(bar) \(String(format: "%4d", option.count)) \(percent) → \(option.leadsTo ?? "end")"
                )
            }
        }
        return lines.joined(separator: "\n")
    }
}
