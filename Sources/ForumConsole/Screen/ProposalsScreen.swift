import ForumCore

/// The `m` screen: the proposals of this scene (and any still waiting from before), in the
/// queue's order (oldest first), each with its id, status and text wrapped to the width;
/// the selected one marked. When they do not fit, the list scrolls to keep the selection in
/// view and says how many are above and below.
enum ProposalsScreen {
    static func lines(
        _ state: ConsoleState, cursor: ConsoleState.ProposalCursor, width: Int, height: Int, glyphs: Glyphs
    )
        -> [StyledLine]
    {
        let items = state.listedProposals
        let waiting = items.count { $0.status == .pending }
        let open = state.voice.proposalsOpen ? "proposals open" : "proposals closed"
        var title = [Span("Proposals", .bold)]
        if let scene = state.view.sceneID { title.append(Span(" \(glyphs.dot) scene \(TextWidth.sanitize(scene))")) }
        let right = [Span("\(waiting) waiting \(glyphs.dot) \(open)", waiting > 0 ? .caution : .dim)]
        let header = PanelRule.line(title, right: right, width: width, glyphs: glyphs)
        guard !items.isEmpty else {
            let hint = state.voice.proposalsOpen ? " Phones can send proposals now." : " w opens proposals on phones."
            return [header, StyledLine(" No proposals yet in this scene.", .dim), StyledLine(hint, .dim)]
        }
        var body: [StyledLine] = []
        var selectedRange = 0..<0
        for item in items {
            let start = body.count
            body += block(item, state: state, cursor: cursor, width: width, glyphs: glyphs)
            if item.id == cursor.selected { selectedRange = start..<body.count }
        }
        let room = max(1, height - 1)
        guard body.count > room else { return [header] + body }
        // Scroll so the selection is in view, with a line for "more above" and "more below".
        let visible = max(1, room - 2)
        let offset = min(max(0, selectedRange.upperBound - visible), max(0, body.count - visible))
        let top = min(offset, selectedRange.lowerBound)
        let shown = Array(body[top..<min(body.count, top + visible)])
        let above = StyledLine(top > 0 ? " \(glyphs.up) \(top) more line\(top == 1 ? "" : "s") above" : "", .dim)
        let belowCount = body.count - top - shown.count
        let below = StyledLine(
            belowCount > 0 ? " \(glyphs.down) \(belowCount) more line\(belowCount == 1 ? "" : "s") below" : "", .dim)
        return [header, above] + shown + [below]
    }

    /// One proposal: a line with the marker, id and status, then its text indented.
    private static func block(
        _ item: ConsoleVoice.Item, state: ConsoleState, cursor: ConsoleState.ProposalCursor, width: Int,
        glyphs: Glyphs
    ) -> [StyledLine] {
        let selected = item.id == cursor.selected
        let marker = item.id == cursor.merging ? "=" : selected ? glyphs.now : " "
        var first = StyledLine([
            Span(" \(marker) ", selected ? .suggested : .plain), Span(TextWidth.fit(item.id, to: 5), .bold),
            Span(" " + status(item, state: state), tone(item.status)),
        ])
        if item.sameIdea > 0 { first.append("  +\(item.sameIdea) same idea", .dim) }
        if let scene = item.scene, let current = state.view.sceneID, scene != current {
            first.append("  from \(scene)", .dim)
        }
        let indent = String(repeating: " ", count: 10)
        let text = TextWrap.lines(item.text, width: max(10, width - indent.count - 1)).map {
            StyledLine(indent + $0, item.status == .pending || item.status == .approved ? .plain : .dim)
        }
        return [first] + text
    }

    /// The status in words: waiting, approved, rejected, merged into P3, in the vote as option 3.
    static func status(_ item: ConsoleVoice.Item, state: ConsoleState) -> String {
        if let option = item.option {
            return "in the vote as option \(state.view.number(ofOption: option).map(String.init) ?? option)"
        }
        switch item.status {
        case .pending: return "waiting"
        case .approved: return "approved"
        case .rejected: return "rejected"
        case .merged: return "merged into \(item.mergedInto ?? "?")"
        }
    }

    private static func tone(_ status: ProposalStatus) -> Tone {
        switch status {
        case .pending: .caution
        case .approved: .good
        case .rejected, .merged: .dim
        }
    }
}

extension ProposalsScreen {
    /// The keys at the screen's foot; while merging, only choosing the original. `a` (adopt)
    /// only for the host.
    static func keys(_ state: ConsoleState, cursor: ConsoleState.ProposalCursor) -> [(String, String, Bool)] {
        if cursor.merging != nil {
            return [("up/down", "choose the original", false), ("Enter", "merge", true), ("Esc", "cancel", false)]
        }
        var items: [(String, String, Bool)] = [
            ("up/down", "select", false), ("y", "approve", true), ("x", "reject", false),
            ("d", "merge a duplicate", false),
        ]
        if !state.isModerator { items.append(("a", "adopt: put to the vote", false)) }
        items.append(("m", "back to the show", false))
        return items
    }
}
