import ForumCore
import Foundation

/// A small two-decision story and a programme, built in code for engine tests.
enum ShowFixtures {
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    static let story = Story(
        id: "night", title: "A night", contentNotes: ["crisis"], start: "kitchen",
        scenes: [
            Scene(id: "kitchen", text: "Sam is awake.", hostNotes: "Ask the room.", next: "call"),
            Scene(
                id: "call", text: "Maya picks up the phone.",
                decision: Decision(
                    question: "Who should Maya call?",
                    options: [
                        Option(id: "police", label: "Police", next: "police"),
                        Option(id: "crisis", label: "Crisis line", next: "crisis"),
                        Option(id: "wait", label: "Wait"),
                    ], next: "morning")),
            Scene(id: "police", text: "Officers arrive.", next: "end"),
            Scene(id: "crisis", text: "A calm voice.", next: "end"),
            Scene(
                id: "morning", text: "Morning.",
                decision: Decision(
                    question: "Go on?",
                    options: [Option(id: "yes", label: "Yes", next: "end"), Option(id: "no", label: "No")])
            ),
            Scene(id: "end", text: "The end."),
        ])

    static let other = Story(id: "other", title: "Other", start: "only", scenes: [Scene(id: "only", text: "Only.")])

    static let library = Library(
        programme: EventProgramme(
            title: "Test event", perspectives: EventProgramme.defaultPerspectives,
            sessions: [
                ProgrammeSession(id: "morning", title: "Morning", stories: ["night"]),
                ProgrammeSession(id: "afternoon", title: "Afternoon", stories: ["other"]),
            ]),
        stories: [story, other])

    /// A show at the `call` scene of a fresh run with an open round D1.
    static func showWithOpenRound() throws -> Show {
        var show = Show(library: library)
        _ = try show.perform(.start(story: "night"), at: t0)
        _ = try show.perform(.next, at: t0)
        _ = try show.perform(.open(seconds: nil), at: t0)
        return show
    }

    /// Joins a device, casts and counts its vote (as the server does after the commit).
    static func vote(_ show: inout Show, device: String, option: String, perspective: String? = nil) throws {
        _ = show.join(device: nil, freshToken: device, at: t0)
        if let perspective { _ = try show.setPerspective(device: device, to: perspective, at: t0) }
        let record = try show.checkVote(device: device, round: show.round!.roundID, option: option, at: t0)
        show.count(record)
    }
}
