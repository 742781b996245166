/// The `?` screen: how a story runs, every key, the `:` commands; two columns from 76
/// columns, so it fits 80×24.
enum HelpScreen {
    static func lines(
        _ view: HostView, width: Int, height: Int, glyphs: Glyphs, moderator: Bool = false, shared: Bool = false
    ) -> [StyledLine] {
        if moderator { return moderatorLines(width: width, height: height, glyphs: glyphs, shared: shared) }
        var lines = [PanelRule.line([Span("Help", .bold)], width: width, glyphs: glyphs)]
        let rhythm =
            "A story: s start, n next scene; at a decision talk with the room, then o open the vote, c close, "
            + "r reveal, f follow the winner (or 1-8 another option); e end. The line above the keys says the "
            + "next step; its key is highlighted."
        let keys =
            KeyBindings.offered(moderator: false, shared: shared).map { ($0.keys, $0.help) } + [
                ("\(glyphs.up)\(glyphs.down)", "scroll the scene text")
            ]
        let columns = width >= 76 ? 2 : 1
        var tables = [StyledLine(" Keys", .bold)]
        tables += grid(keys, keyWidth: 4, columns: columns, width: width)
        tables.append(StyledLine(" Command line: press :, type the command, Enter", .bold))
        tables += grid(KeyBindings.commandLine, keyWidth: 16, columns: columns, width: width)
        let story = TextWrap.lines(rhythm, width: width - 2).map { StyledLine(" " + $0) }
        // Short of room, every key and command matters more than the summary of a story.
        if lines.count + story.count + tables.count <= height { lines += story }
        lines += tables
        var extra: [StyledLine] = [
            "", StyledLine(" Host notes show only here: phones and the projector never see them.", .dim),
        ]
        if !view.joinURLs.isEmpty {
            extra.append(StyledLine(" Phones join at " + view.joinURLs.joined(separator: "  "), .dim))
        }
        if lines.count + extra.count <= height { lines += extra }
        return lines
    }

    /// Entries in `columns` columns, filled down then across.
    private static func grid(_ entries: [(String, String)], keyWidth: Int, columns: Int, width: Int)
        -> [StyledLine]
    {
        let rows = (entries.count + columns - 1) / columns
        let columnWidth = (width - 1) / columns
        return (0..<rows).map { row in
            var line = StyledLine()
            for column in 0..<columns {
                let index = column * rows + row
                guard index < entries.count else { continue }
                let entry = StyledLine([
                    Span(" " + TextWidth.fit(entries[index].0, to: keyWidth), .key), Span(" " + entries[index].1),
                ])
                line.append(entry.fitted(to: columnWidth))
            }
            return line
        }
    }

    /// A moderator's help: the proposals screen's keys; the show's keys are the host's.
    private static func moderatorLines(width: Int, height: Int, glyphs: Glyphs, shared: Bool) -> [StyledLine] {
        var lines = [PanelRule.line([Span("Help: moderating", .bold)], width: width, glyphs: glyphs)]
        let intro =
            "This console moderates the room's proposals; the host runs the show and alone can put a proposal "
            + "to the vote. On the proposals screen (m): \(glyphs.up)\(glyphs.down) select, y approve, x reject, "
            + "d merge a duplicate (choose the one it duplicates, then Enter), m back."
        lines += TextWrap.lines(intro, width: width - 2).map { StyledLine(" " + $0) }
        lines.append(StyledLine(" Keys", .bold))
        lines += grid(
            KeyBindings.offered(moderator: true, shared: shared).map { ($0.keys, $0.help) }, keyWidth: 4, columns: 1,
            width: width)
        lines.append(StyledLine(" Command line: :approve P, :reject P, :merge P Q", .bold))
        return Array(lines.prefix(height))
    }
}
