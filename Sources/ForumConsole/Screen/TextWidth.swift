import ForumCore

/// Terminal column widths of text: wide East Asian characters and most emoji take two
/// columns, combining marks none. An approximation of wcwidth that needs no locale.
public enum TextWidth {
    /// The columns `text` takes on a terminal.
    public static func of(_ text: String) -> Int {
        text.reduce(0) { $0 + of($1) }
    }

    /// The columns one character (grapheme cluster) takes.
    public static func of(_ character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        if character.unicodeScalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        return of(first)
    }

    static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
        if (0x300..<0x370).contains(value) || (0x200B...0x200F).contains(value) || (0xFE00...0xFE0F).contains(value) {
            return 0
        }
        let wide: [ClosedRange<UInt32>] = [
            0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD,
        ]
        return wide.contains { $0.contains(value) } ? 2 : 1
    }

    /// `text` cut to at most `width` columns, ending in `…` when something was cut.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        guard of(text) > width else { return text }
        return prefix(text, width: width - 1) + "…"
    }

    /// The longest start of `text` that fits in `width` columns.
    public static func prefix(_ text: String, width: Int) -> String {
        var used = 0
        var result = ""
        for character in text {
            let columns = of(character)
            if used + columns > width { break }
            used += columns
            result.append(character)
        }
        return result
    }

    /// `text` cut or padded with spaces to exactly `width` columns.
    public static func fit(_ text: String, to width: Int) -> String {
        let cut = truncate(text, to: width)
        return cut + String(repeating: " ", count: max(0, width - of(cut)))
    }

    /// `text` padded on the left to `width` columns (numbers in columns).
    public static func right(_ text: String, width: Int) -> String {
        String(repeating: " ", count: max(0, width - of(text))) + text
    }

    /// Text from a story or the server made safe to print: control characters (escape
    /// sequences above all) become spaces, so nothing from a file can steer the terminal.
    public static func sanitize(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { ControlCharacters.isControl($0) ? " " : $0 }))
    }
}
