/// Control characters in community text: escape sequences, backspaces, bells and the like,
/// which would steer a terminal (`cat votes.csv`) or hide text in a spreadsheet. Story and
/// audience text is data: these never reach a file or screen that shows it as it is.
public enum ControlCharacters {
    /// True for C0 controls, DEL and C1 controls (U+0000–U+001F, U+007F–U+009F).
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value)
    }

    /// `text` with its line breaks as line feeds (CRLF and a lone CR alike), tabs as spaces,
    /// and every other control character removed: multi-line text keeps its lines.
    public static func cleaned(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var scalars = String.UnicodeScalarView()
        var afterCR = false
        for scalar in text.unicodeScalars {
            defer { afterCR = scalar == "\r" }
            switch scalar {
            case "\n" where afterCR: continue
            case "\n", "\r": scalars.append("\n")
            case "\t": scalars.append(" ")
            case _ where isControl(scalar): continue
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }
}
