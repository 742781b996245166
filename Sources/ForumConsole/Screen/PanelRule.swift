/// The line that opens a panel: its title on the left and a detail on the right, joined
/// by a rule (`── Vote · OPEN ──────── results hidden ──`).
enum PanelRule {
    static func line(_ title: [Span], right: [Span] = [], width: Int, glyphs: Glyphs) -> StyledLine {
        var line = StyledLine([Span(glyphs.rule + glyphs.rule + " ", .dim)] + title)
        let rightWidth = right.isEmpty ? 0 : right.reduce(0) { $0 + TextWidth.of($1.text) } + 2
        let room = width - line.width - rightWidth - 2
        if room >= 1 {
            line.append(" " + String(repeating: glyphs.rule, count: room), .dim)
            if !right.isEmpty {
                line.append(" ", .dim)
                line.spans += right
                line.append(" " + glyphs.rule, .dim)
            } else {
                line.append(glyphs.rule, .dim)
            }
        }
        return line.fitted(to: width)
    }
}
