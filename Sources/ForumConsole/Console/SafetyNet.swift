import ForumCore

/// The host's safety net: the question to ask before a key or command moves the whole room
/// away from what the room voted for. Pure: a function of what the host sees.
///
/// It asks when the scene on now has a vote round with votes counted and the move does not
/// follow the room's winner: choosing an option that did not win (in a tie, one that is not
/// among the tied leaders), going
/// `back`, `:goto` or `:replay` to a scene the winner does not lead to. With no round, or no
/// votes yet, nothing is asked: there is no choice of the room to go against.
enum SafetyNet {
    /// The question before choosing the option at 1-based `number`, or nil to go ahead.
    static func beforeChoosing(number: Int, in view: HostView) -> String? {
        guard let votes = roomVotes(view), number >= 1, number <= view.options.count else { return nil }
        let chosen = view.options[number - 1]
        let leaders = view.winner
        // The single winner, or one of the tied leaders (the host has to pick one): no question.
        if leaders.contains(chosen.id) { return nil }
        return "\(roomChose(view, votes: votes)) Go with \(number) instead?"
    }

    /// The question before leaving for `scene` by `command` (`back`, `goto`, `replay`), or
    /// nil to go ahead. `scene` nil: where `back` goes is not known here.
    static func beforeLeaving(by command: HostCommandName, to scene: String?, in view: HostView) -> String? {
        guard let votes = roomVotes(view) else { return nil }
        if view.winner.count == 1, let scene, let winner = view.options.first(where: { $0.id == view.winner[0] }),
            winner.leadsTo == scene, command != .replay
        {
            return nil
        }
        let action: String
        switch command {
        case .back: action = "Go back to \(scene ?? "the previous scene") anyway?"
        case .replay: action = "Replay \(scene ?? "that scene") anyway?"
        default: action = "Jump to \(scene ?? "that scene") anyway?"
        }
        return "\(roomChose(view, votes: votes)) \(action)"
    }

    /// The question before `undo`: what it takes back and what it brings back.
    static func beforeUndo(in view: HostView) -> String? {
        guard let undo = view.undo else { return nil }
        var question = "Undo \(undo.command): back to \(undo.scene ?? "the end of the story")"
        if let round = undo.round { question += " with its vote \(round) (\(undo.status ?? "as it was"))" }
        return question + "?"
    }

    /// Votes counted in the scene's round, nil when there is no round or no vote.
    private static func roomVotes(_ view: HostView) -> Int? {
        guard let decision = view.decision, decision.roundID != nil, view.total > 0 else { return nil }
        return view.total
    }

    /// "The room chose 1 (12 votes)." or "The room is tied between 1 and 2 (5 votes each)."
    private static func roomChose(_ view: HostView, votes: Int) -> String {
        let numbers = view.winner.compactMap { view.number(ofOption: $0) }.map(String.init)
        let leading = view.options.first { $0.id == view.winner.first }?.count ?? 0
        let still = view.decision?.status == "open" ? " so far" : ""
        if numbers.count > 1 {
            return
                "The room is tied between \(numbers.joined(separator: " and ")) (\(leading) vote\(leading == 1 ? "" : "s") each\(still))."
        }
        let of = leading == votes ? "" : " of \(votes)"
        let noun = votes == 1 ? "vote" : "votes"  // "1 vote", "1 of 3 votes", "3 votes"
        return "The room chose \(numbers.first ?? "?") (\(leading)\(of) \(noun)\(still))."
    }
}
