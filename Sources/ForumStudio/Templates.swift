import ForumCore

/// The stories a writer can start from: a blank page, or a small worked example to change.
public enum StoryTemplate: String, Sendable, CaseIterable, Codable {
    case blank
    /// Two scenes and a decision with two options, the shape most stories take.
    case decision

    /// A new story of this template with `id` and `title`.
    public func story(id: String, title: String) -> Story {
        switch self {
        case .blank:
            return Story(id: id, title: title, start: "start", scenes: [Scene(id: "start", title: "Start", text: "")])
        case .decision:
            let question = Decision(
                question: "What should happen next?",
                options: [
                    Option(id: "a", label: "Wait and see", next: "waiting"),
                    Option(id: "b", label: "Ask for help", next: "help"),
                ])
            return Story(
                id: id, title: title, start: "start",
                scenes: [
                    Scene(
                        id: "start", title: "Start",
                        text: "Write what happens first. Who is there, where are they, what is going on?",
                        decision: question),
                    Scene(id: "waiting", title: "Waiting", text: "Write what happens if they wait."),
                    Scene(id: "help", title: "Help", text: "Write what happens when they ask for help."),
                ])
        }
    }
}
