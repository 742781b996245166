import Foundation

/// The bottom of the screen: a line for the prompt, the last notice or the next step, and
/// the keys of the current mode.
enum FooterPanel {
    /// The prompt, notice or next-step line.
    static func messageLine(_ state: ConsoleState, width: Int, now: Date, glyphs: Glyphs) -> StyledLine {
        let view = state.view
        let line: StyledLine
        switch state.mode {
        case .commandLine(let text):
            line = StyledLine([Span(" :", .bold), Span(text, .bold), Span(" ", .bar)])
        case .seconds(let text):
            line = StyledLine([
                Span(" Timed vote: close it after how many seconds? ", .bold), Span(text, .bold), Span(" ", .bar),
                Span("  (5-3600; Enter alone: \(ConsoleState.defaultSeconds))", .dim),
            ])
        case .confirm(let confirmation):
            line = StyledLine([Span(" " + confirmation.question + " ", .caution), Span("  y yes, any other key no")])
        case .chooseTie(let tied):
            let choices = tied.map { id in "\(view.number(ofOption: id).map(String.init) ?? "?") \(id)" }
            line = StyledLine([
                Span(" A tie: ", .caution), Span(choices.joined(separator: " or "), .caution),
                Span("  press the number to follow", .bold),
            ])
        case .pickStory:
            line = StyledLine(" Press the number of the story to start it.", .bold)
        case .quit where state.role == .serve:
            line = StyledLine(" Stop the show? Phones lose their connection; every vote is kept. ", .caution)
        case .quit:
            line = StyledLine(" Leave the console? The show goes on without it. ", .caution)
        case .proposals(let cursor) where cursor.merging != nil && state.notice == nil:
            line = StyledLine(
                " \(cursor.merging ?? "") is the same idea as which proposal? Choose it, then Enter. ", .caution)
        case .normal, .help, .info, .venues, .proposals:
            if let notice = state.notice, notice.until.map({ now < $0 }) ?? true {
                let tone: Tone =
                    switch notice.kind {
                    case .done: .good
                    case .refused: .alert
                    case .info: .bold
                    }
                var text = " " + notice.text + " "
                if let code = notice.code, TextWidth.of(text) + TextWidth.of(code) + 3 <= width {
                    text += "(\(code)) "
                }
                line = StyledLine(text, tone)
            } else if state.isModerator {
                line = StyledLine([
                    Span(" \(glyphs.arrow) ", .dim),
                    Span("Moderating: the host runs the show; m switches proposals and show."),
                ])
            } else {
                line = StyledLine([Span(" \(glyphs.arrow) ", .dim), Span(NextStep.of(view, now: now).text)])
            }
        }
        return line.fitted(to: width)
    }

    /// The keys for the current mode, wrapped over as many lines as needed (at most `maxLines`).
    static func keyLines(_ state: ConsoleState, width: Int, maxLines: Int, now: Date) -> [StyledLine] {
        let items: [(String, String, Bool)]
        switch state.mode {
        case .normal:
            let suggested = NextStep.of(state.view, now: now).keys
            items = KeyBindings.offered(moderator: state.isModerator, shared: state.venues != nil).map {
                ($0.keys, $0.label, state.isModerator ? $0.keys == "m" : suggested.contains($0.keys))
            }
        case .commandLine:
            items =
                [("Enter", "run", false), ("Esc", "cancel", false)]
                + KeyBindings.commandLine.map { ($0.0.dropFirst().description, "", false) }
        case .seconds:
            items = [("0-9", "seconds", false), ("Enter", "open the timed vote", true), ("Esc", "cancel", false)]
        case .confirm: items = [("y", "yes, do it", true), ("any other key", "no", false)]
        case .chooseTie(let tied):
            let numbers = tied.compactMap { state.view.number(ofOption: $0) }.map(String.init)
            items = [(numbers.joined(separator: "/"), "follow that option", true), ("Esc", "cancel", false)]
        case .pickStory:
            let count = min(9, state.view.programmeStories.count)
            items = [(count > 1 ? "1-\(count)" : "1", "start that story", true), ("Esc", "cancel", false)]
        case .help, .info, .venues: items = [("any key", "back to the show", true)]
        case .quit where state.role == .serve:
            items = [
                ("y", "stop the show and quit", false), ("k", "keep the show running, quit", false),
                ("any other key", "stay", true),
            ]
        case .quit: items = [("y", "quit", false), ("any other key", "stay", true)]
        case .proposals(let cursor): items = ProposalsScreen.keys(state, cursor: cursor)
        }
        var lines = pack(items, width: width)
        if state.mode == .normal {
            // Short of room, keys the screen already mentions give way first: the next-step line
            // offers `t` and the vote panel shows results and split.
            var kept = items
            for key in optional where lines.count > maxLines {
                kept.removeAll { $0.0 == key && !$0.2 }
                lines = pack(kept, width: width)
            }
        }
        if lines.count > maxLines, maxLines > 0 {
            lines = Array(lines.prefix(maxLines))
            lines[maxLines - 1] = lines[maxLines - 1].fitted(to: width - 8)
            lines[maxLines - 1].append("  ? help", .key)
        }
        return lines.map { $0.fitted(to: width) }
    }

    /// The normal-mode keys left out of a footer that is short of room, first to last (the
    /// room's voice keys first: its line under the header names `a`, and the help both).
    /// *(addition)* `V` goes first: the venues line under the header names it.
    static let optional = ["V", "m", "a", "w", "G", "t", "g", "v"]

    /// Items wrapped onto as many lines as they need.
    private static func pack(_ items: [(String, String, Bool)], width: Int) -> [StyledLine] {
        var lines: [StyledLine] = []
        var line = StyledLine()
        for (keys, label, suggested) in items {
            var item = StyledLine([Span(keys, suggested ? .suggested : .key)])
            if !label.isEmpty { item.append(" " + label) }
            if line.width + item.width + 2 > width, !line.spans.isEmpty {
                lines.append(line)
                line = StyledLine()
            }
            line.append(line.spans.isEmpty ? " " : "  ")
            line.append(item)
        }
        if !line.spans.isEmpty { lines.append(line) }
        return lines
    }
}
