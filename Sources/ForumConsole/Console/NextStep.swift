import Foundation

/// The likely next step, in words and as keys to highlight in the footer, so a host who
/// has never seen Forum can run a story from the console alone.
public struct NextStep: Sendable, Equatable {
    public var text: String
    public var keys: Set<String>

    /// The next step for the show as `view` describes it.
    public static func of(_ view: HostView, now: Date) -> NextStep {
        guard view.hasState else { return NextStep(text: "Waiting for the show…", keys: []) }
        if view.finished {
            return NextStep(
                text: "The day is finished: phones show the closing screen. s starts a story again, q stops.",
                keys: ["s", "q"])
        }
        guard view.storyID != nil else {
            return NextStep(text: "No story is running. Press s to choose one and start it.", keys: ["s"])
        }
        guard view.sceneID != nil else {
            return NextStep(text: "The story has reached its end. Press e to end the run.", keys: ["e"])
        }
        guard let decision = view.decision else {
            if let next = view.next { return NextStep(text: "Press n for the next scene (\(next)).", keys: ["n"]) }
            return NextStep(text: "This scene is an ending. Press e to end the story (b goes back).", keys: ["e"])
        }
        let range = "1-\(decision.options.count)"
        switch decision.status {
        case "pending":
            return NextStep(text: "Ask the room, then press o to open the vote (t: a timed vote).", keys: ["o", "t"])
        case "open":
            let timer = decision.closesAt.map { " It closes itself in \(Self.clock($0.timeIntervalSince(now)))." } ?? ""
            return NextStep(
                text: "Voting.\(timer) Press c to close the vote, or r to close and reveal.", keys: ["c", "r"])
        case "closed":
            return NextStep(
                text: "The vote is closed. Press r to reveal the results, or f to follow.", keys: ["r", "f"])
        default:
            if view.total == 0 {
                return NextStep(text: "No votes. Press \(range) to choose an option, or p to vote again.", keys: ["p"])
            }
            if view.winner.count > 1 {
                let numbers = view.winner.compactMap { view.number(ofOption: $0) }.map(String.init)
                return NextStep(
                    text: "A tie between \(numbers.joined(separator: " and ")). Press f to pick which one to follow.",
                    keys: ["f"])
            }
            let number = view.winner.first.flatMap { view.number(ofOption: $0) }.map { " (\($0))" } ?? ""
            return NextStep(
                text: "Press f to follow the winner\(number), or \(range) to choose another option.", keys: ["f"])
        }
    }

    /// Seconds as `m:ss` (never negative).
    public static func clock(_ seconds: TimeInterval) -> String {
        let whole = max(0, Int(seconds.rounded(.up)))
        return "\(whole / 60):" + (whole % 60 < 10 ? "0" : "") + "\(whole % 60)"
    }
}
