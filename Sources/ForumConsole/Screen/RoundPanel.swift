import Foundation

/// The round panel: the question, a live bar per option with count and percentage (or, split
/// by perspective, a row per group), votes against phones, the round's state and timer.
enum RoundPanel {
    /// The panel's lines, at most `maxHeight`; none without a scene. Split by perspective,
    /// the table replaces the bars, or comes under them with `showsBarsWhenSplit` (wide).
    static func lines(
        _ state: ConsoleState, width: Int, maxHeight: Int, now: Date, glyphs: Glyphs, showsBarsWhenSplit: Bool = false
    ) -> [StyledLine] {
        let view = state.view
        guard maxHeight > 0, view.sceneID != nil else { return [] }
        guard let decision = view.decision else {
            return Array(
                [
                    PanelRule.line([Span("Vote", .bold)], width: width, glyphs: glyphs),
                    StyledLine(" No vote on this scene.", .dim),
                ].prefix(maxHeight))
        }
        var title = [Span("Vote", .bold), Span(" \(glyphs.dot) ", .dim), Span(statusWord(decision.status), .bold)]
        if decision.status == "open", let closesAt = decision.closesAt {
            title.append(Span(" \(glyphs.dot) closes in \(NextStep.clock(closesAt.timeIntervalSince(now)))", .bold))
        }
        var right: [Span] = []
        if let results = decision.results { right.append(Span("results \(results)", .plain)) }
        right.append(
            Span(
                (right.isEmpty ? "" : " \(glyphs.dot) ")
                    + "split \(state.isSplit ? (state.view.place.splitByPlace ? "by place" : "on") : "off")"))
        var lines = [PanelRule.line(title, right: right, width: width, glyphs: glyphs)]
        lines.append(StyledLine([Span(" ? ", .dim), Span(TextWidth.sanitize(decision.question), .bold)]))
        let room = maxHeight - lines.count - 1
        if state.isSplit, showsBarsWhenSplit, room > decision.options.count + 3 {
            lines += bars(view, width: width, glyphs: glyphs)
            lines.append("")
            lines += SplitTable.lines(view, width: width, maxHeight: room - decision.options.count - 1, glyphs: glyphs)
        } else if state.isSplit {
            lines += SplitTable.lines(view, width: width, maxHeight: room, glyphs: glyphs)
        } else {
            lines += bars(view, width: width, glyphs: glyphs).prefix(max(0, room))
        }
        lines.append(totals(view, glyphs: glyphs))
        return Array(lines.prefix(maxHeight)).map { $0.fitted(to: width) }
    }

    static func statusWord(_ status: String) -> String {
        switch status {
        case "pending": "not open yet"
        case "open": "OPEN"
        case "closed": "closed"
        case "revealed": "revealed"
        default: status
        }
    }

    /// One bar per option: number, label, bar, count, percentage, and a mark on the leader.
    private static func bars(_ view: HostView, width: Int, glyphs: Glyphs) -> [StyledLine] {
        let options = view.options
        let longest = options.map { TextWidth.of(TextWidth.sanitize($0.label)) }.max() ?? 0
        let fixed = 3 + 1 + 5 + 5 + 2
        let available = width - fixed
        let labelWidth = min(longest, max(12, available - max(12, available / 3)))
        let barWidth = max(0, available - labelWidth - 1)
        return options.enumerated().map { index, option in
            let share = view.total > 0 ? Double(option.count) / Double(view.total) : 0
            let leads = view.winner.contains(option.id)
            var line = StyledLine()
            line.append(" \(index + 1) ", .key)
            line.append(TextWidth.fit(TextWidth.sanitize(option.label), to: labelWidth) + " ", leads ? .bold : .plain)
            line.append(glyphs.bar(share, width: barWidth), leads ? .bold : .plain)
            line.append(TextWidth.right("\(option.count)", width: 5), .bold)
            line.append(TextWidth.right("\(Int((share * 100).rounded()))%", width: 5))
            if leads { line.append(" \(glyphs.now == ">" ? "<" : "◀")", .bold) }
            return line
        }
    }

    private static func totals(_ view: HostView, glyphs: Glyphs) -> StyledLine {
        var line = StyledLine([Span(" Votes ", .dim), Span("\(view.total)", .bold)])
        let phones = "\(view.connected) phone\(view.connected == 1 ? "" : "s")"
        if view.total <= view.connected {
            line.append(" of \(phones) connected")
            if view.connected > 0 {
                line.append(" (\(Int((Double(view.total) / Double(view.connected) * 100).rounded()))%)")
            }
        } else {
            // Phones that voted and then left still count: the vote is kept.
            line.append("  \(glyphs.dot) \(phones) connected now")
        }
        if let round = view.decision?.roundID { line.append("  \(glyphs.dot) round \(round)", .dim) }
        return line
    }
}
