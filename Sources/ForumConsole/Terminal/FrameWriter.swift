/// Turns frames into terminal output that redraws only the lines that changed, inside a
/// synchronized update (terminals that know mode 2026 show it at once; others ignore it),
/// so a burst of votes never makes the screen flicker.
struct FrameWriter {
    private var previous: [String] = []
    let color: Bool

    init(color: Bool) {
        self.color = color
    }

    /// The output that turns the last frame into `lines` (empty when nothing changed);
    /// `full` clears and draws everything (after a resize, Ctrl-L, a continue).
    mutating func output(for lines: [StyledLine], full: Bool) -> String {
        let rendered = lines.map { $0.ansi(color: color) }
        var out = ""
        if full || rendered.count != previous.count {
            out += "\u{1B}[0m\u{1B}[H\u{1B}[2J"
            previous = []
        }
        for (index, line) in rendered.enumerated() where index >= previous.count || previous[index] != line {
            out += "\u{1B}[\(index + 1);1H\u{1B}[0m" + line
        }
        previous = rendered
        guard !out.isEmpty else { return "" }
        return "\u{1B}[?2026h" + out + "\u{1B}[0m\u{1B}[?2026l"
    }
}
