/// The lines of a file, for looking at the characters around a mistake.
struct SourceLines: Sendable {
    /// Each line as Unicode scalars (the unit of YAML columns), without its line break.
    var lines: [[Unicode.Scalar]]

    /// Splits `text` at line breaks (`\n` or `\r\n`).
    init(text: String) {
        lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.last == "\r" ? Array($0.dropLast()) : Array($0)
        }
    }

    /// The character at a position, if the position is inside the text.
    func character(at position: SourcePosition) -> Character? {
        guard position.line >= 1, position.line <= lines.count else { return nil }
        let scalars = lines[position.line - 1]
        guard position.column >= 1, position.column <= scalars.count else { return nil }
        return Character(scalars[position.column - 1])
    }

    /// True when only spaces come before the position on its line.
    func startsLine(_ position: SourcePosition) -> Bool {
        guard position.line >= 1, position.line <= lines.count else { return true }
        return lines[position.line - 1].prefix(position.column - 1).allSatisfy {
            $0 == " " || $0 == "\t"
        }
    }
}
