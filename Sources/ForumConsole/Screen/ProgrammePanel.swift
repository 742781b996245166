/// The programme of event.yaml: its sessions and their stories, with what is on now and
/// what comes next marked.
enum ProgrammePanel {
    /// The story on now and the one after it in programme order.
    static func nowAndNext(_ view: HostView) -> (now: String?, next: String?) {
        let order = view.programmeStories.map(\.id)
        guard let now = view.storyID else { return (nil, order.first) }
        let index = order.firstIndex(of: now)
        return (now, index.flatMap { $0 + 1 < order.count ? order[$0 + 1] : nil })
    }

    /// A rule and a line per session, at most `maxHeight` lines; when the sessions do not
    /// fit, the ones from now on come first. `showsJoin` adds the phones' join address.
    static func lines(_ view: HostView, width: Int, maxHeight: Int, glyphs: Glyphs, showsJoin: Bool = false)
        -> [StyledLine]
    {
        guard maxHeight >= 2, !view.sessions.isEmpty || !view.stories.isEmpty else { return [] }
        let (now, next) = nowAndNext(view)
        var sessions = view.sessions
        let unscheduled = view.stories.map(\.id).filter { id in !sessions.contains { $0.stories.contains(id) } }
        if !unscheduled.isEmpty {
            sessions.append(
                HostView.SessionEntry(id: "", title: "Not in the programme", starts: "", stories: unscheduled))
        }
        let room = maxHeight - 1 - (showsJoin ? 2 : 0)
        if sessions.count > room {
            let current =
                sessions.firstIndex { session in session.stories.contains(now ?? "") || session.id == view.sessionID }
                ?? 0
            sessions = Array(sessions[current...].prefix(max(1, room)))
        }
        var lines = [PanelRule.line([Span("Programme", .bold)], width: width, glyphs: glyphs)]
        let startsWidth = sessions.map { TextWidth.of($0.starts) }.max() ?? 0
        let titleWidth = min(24, sessions.map { TextWidth.of($0.title) }.max() ?? 0)
        for session in sessions {
            let isNow = session.stories.contains(now ?? "") || (now == nil && session.id == view.sessionID)
            var line = StyledLine()
            line.append(isNow ? " \(glyphs.now) " : "   ", .bold)
            line.append(TextWidth.fit(session.starts, to: startsWidth) + " ", .dim)
            line.append(TextWidth.fit(TextWidth.sanitize(session.title), to: titleWidth) + "  ", isNow ? .bold : .plain)
            for (index, id) in session.stories.enumerated() {
                if index > 0 { line.append(" \(glyphs.dot) ", .dim) }
                let title = TextWidth.sanitize(view.storyTitle(of: id))
                if id == now {
                    line.append(title + " (now)", .suggested)
                } else if id == next {
                    line.append(title + " (next)", .bold)
                } else {
                    line.append(title)
                }
            }
            lines.append(line)
        }
        if showsJoin, !view.joinURLs.isEmpty, lines.count + 2 <= maxHeight {
            lines.append("")
            lines.append(StyledLine([Span(" Phones join at ", .dim), Span(view.joinURLs.joined(separator: "  "))]))
        }
        return lines.map { $0.fitted(to: width) }
    }
}
