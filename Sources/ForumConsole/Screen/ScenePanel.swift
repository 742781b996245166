/// The scene panel: where we are in the story, the scene's text, the host notes and the
/// branches ahead. With no story running it lists the programme's stories instead.
enum ScenePanel {
    /// The panel's lines; `scrollLimit` is set to the last useful scroll position (0 when
    /// the text fits).
    static func lines(
        _ state: ConsoleState, width: Int, height: Int, glyphs: Glyphs, showsPath: Bool, scrollLimit: inout Int
    ) -> [StyledLine] {
        guard height > 0 else { return [] }
        let view = state.view
        var lines: [StyledLine]
        if state.mode == .pickStory {
            lines = storyList(view, width: width, glyphs: glyphs, picking: true)
        } else if view.storyID == nil {
            lines = storyList(view, width: width, glyphs: glyphs, picking: false)
        } else if view.sceneID == nil {
            lines = [
                PanelRule.line([Span(TextWidth.sanitize(view.storyTitle ?? ""), .bold)], width: width, glyphs: glyphs),
                StyledLine(" The story has reached its end; no scene is showing. Press e to end the run."),
            ]
        } else {
            lines = scene(
                state, width: width, height: height, glyphs: glyphs, showsPath: showsPath, scrollLimit: &scrollLimit)
        }
        lines = Array(lines.prefix(height))
        while lines.count < height { lines.append("") }
        return lines.map { $0.fitted(to: width) }
    }

    private static func storyList(_ view: HostView, width: Int, glyphs: Glyphs, picking: Bool) -> [StyledLine] {
        let title = picking ? "Start which story? Press its number" : "No story running"
        var lines = [PanelRule.line([Span(title, .bold)], width: width, glyphs: glyphs)]
        for (index, story) in view.programmeStories.prefix(9).enumerated() {
            var line = StyledLine()
            line.append(" \(index + 1) ", picking ? .suggested : .key)
            line.append(" " + TextWidth.sanitize(story.title), .bold)
            let session = view.sessions.first { $0.stories.contains(story.id) }
            let scenes = "\(story.sceneCount) scene\(story.sceneCount == 1 ? "" : "s")"
            let detail = [session.map { "\($0.starts) \($0.title)" }, scenes, story.id]
            line.append("  " + detail.compactMap { $0 }.joined(separator: " \(glyphs.dot) "), .dim)
            if story.id == view.storyID { line.append("  \(glyphs.now) running", .bold) }
            lines.append(line)
            if !story.summary.isEmpty {
                lines.append(StyledLine("     " + TextWidth.sanitize(story.summary), .plain))
            }
        }
        if view.stories.isEmpty { lines.append(StyledLine(" Waiting for the programme from the server…", .dim)) }
        if !picking, !view.joinURLs.isEmpty {
            lines.append("")
            lines.append(StyledLine(" Phones join at " + view.joinURLs.joined(separator: "  "), .plain))
        }
        return lines
    }

    private static func scene(
        _ state: ConsoleState, width: Int, height: Int, glyphs: Glyphs, showsPath: Bool, scrollLimit: inout Int
    ) -> [StyledLine] {
        let view = state.view
        var title: [Span] = []
        if let index = view.sceneIndex {
            title.append(Span("Scene \(index) of \(view.sceneCount ?? 0)", .bold))
        } else {
            title.append(Span("Scene", .bold))
        }
        if let sceneTitle = view.sceneTitle {
            title.append(Span(" \(glyphs.dot) " + TextWidth.sanitize(sceneTitle), .bold))
        }
        let rule = PanelRule.line(title, right: [Span(view.sceneID ?? "", .dim)], width: width, glyphs: glyphs)
        // A moderator is not sent where the options lead: no "Ahead" line for them.
        var footer = state.isModerator ? [] : [ahead(view, width: width, glyphs: glyphs)]
        if showsPath {
            var path = StyledLine([Span(" Path  ", .dim)])
            for id in view.trail.suffix(8) { path.append(id + " › ") }
            path.append(view.sceneID ?? "", .bold)
            footer.append(path)
        }
        let room = height - 1 - footer.count
        guard room > 0 else { return [rule] + footer }
        var text = TextWrap.lines(view.sceneText ?? "", width: width - 2).map { StyledLine(" " + $0) }
        var notes = notesLines(view.hostNotes, width: width, compact: false)
        var body: [StyledLine]
        if text.count + notes.count + (notes.isEmpty ? 0 : 1) <= room {
            body = text + (notes.isEmpty ? [] : [""] + notes)
        } else {
            // Tight: no blank lines between paragraphs; the notes keep at least half the room.
            text = TextWrap.compactLines(view.sceneText ?? "", width: width - 2).map { StyledLine(" " + $0) }
            notes = notesLines(view.hostNotes, width: width, compact: true)
            let notesRoom = notes.isEmpty ? 0 : min(notes.count, max((room + 1) / 2, room - text.count))
            var shownNotes = Array(notes.prefix(notesRoom))
            if notesRoom < notes.count, let last = shownNotes.popLast() {
                shownNotes.append(StyledLine(last.spans + [Span(" …", .dim)]))
            }
            body =
                window(text, room: room - notesRoom, scroll: state.scroll, glyphs: glyphs, limit: &scrollLimit)
                + shownNotes
        }
        if body.count < room { body.append("") }
        return [rule] + body + footer
    }

    /// The host notes: a NOTES label, then the text indented under it.
    private static func notesLines(_ notes: String?, width: Int, compact: Bool) -> [StyledLine] {
        guard let notes, !notes.isEmpty else { return [] }
        let wrapped = compact ? TextWrap.compactLines(notes, width: width - 8) : TextWrap.lines(notes, width: width - 8)
        return wrapped.enumerated().map { index, text in
            index == 0
                ? StyledLine([Span(" NOTES", .bar), Span("  " + text)])
                : StyledLine("        " + text)
        }
    }

    /// The part of the scene text that fits, from the scroll position, with a marker line
    /// where there is more above or below (markers never hide a line of the text: every line
    /// shows at some position). `limit` is set to the last useful scroll position.
    private static func window(
        _ text: [StyledLine], room: Int, scroll: Int, glyphs: Glyphs, limit: inout Int
    ) -> [StyledLine] {
        guard room > 0 else { return [] }
        guard text.count > room else { return text }
        let above = StyledLine(" \(glyphs.up) more above (\(glyphs.up) scrolls)", .dim)
        let below = StyledLine(" \(glyphs.down) more below (\(glyphs.down) scrolls)", .dim)
        guard room >= 3 else {
            // One line of text and, with room, one marker.
            limit = text.count - 1
            let start = min(max(0, scroll), limit)
            guard room == 2 else { return [text[start]] }
            return start == limit ? [above, text[start]] : [text[start], below]
        }
        let last = text.count - (room - 1)
        limit = last
        let start = min(max(0, scroll), last)
        if start == 0 { return Array(text[0..<(room - 1)]) + [below] }
        if start == last { return [above] + Array(text[start...]) }
        return [above] + Array(text[start..<(start + room - 2)]) + [below]
    }

    /// Where the story can go from here.
    private static func ahead(_ view: HostView, width: Int, glyphs: Glyphs) -> StyledLine {
        var line = StyledLine([Span(" Ahead ", .dim)])
        if let decision = view.decision {
            for (index, option) in decision.options.enumerated() {
                line.append(index == 0 ? " " : "   ")
                line.append("\(index + 1)", .key)
                line.append(" \(glyphs.arrow) \(option.leadsTo ?? "the end")")
            }
        } else if let next = view.next {
            line.append(" n", .key)
            line.append(" \(glyphs.arrow) \(next)")
        } else {
            line.append(" an ending: press ")
            line.append("e", .key)
            line.append(" to end the story")
        }
        return line
    }
}
