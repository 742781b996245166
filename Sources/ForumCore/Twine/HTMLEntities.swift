/// Decodes the character references (`&amp;`, `&#39;`, `&#x2019;`) of HTML text, as Twine
/// writes passage names, tags and text. Unknown named references stay as they are written.
enum HTMLEntities {
    /// The named references Twine and hand-edited stories use; lodash's `escape` writes only
    /// the first five.
    static let named: [String: Unicode.Scalar] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}",
        "hellip": "\u{2026}", "mdash": "\u{2014}", "ndash": "\u{2013}", "lsquo": "\u{2018}",
        "rsquo": "\u{2019}", "ldquo": "\u{201C}", "rdquo": "\u{201D}", "copy": "\u{A9}", "reg": "\u{AE}",
        "trade": "\u{2122}", "pound": "\u{A3}", "euro": "\u{20AC}", "deg": "\u{B0}", "times": "\u{D7}",
        "eacute": "\u{E9}", "egrave": "\u{E8}", "aacute": "\u{E1}", "agrave": "\u{E0}", "ccedil": "\u{E7}",
        "uuml": "\u{FC}", "ouml": "\u{F6}", "auml": "\u{E4}", "szlig": "\u{DF}", "wcirc": "\u{175}",
        "ycirc": "\u{177}", "bull": "\u{2022}", "middot": "\u{B7}", "laquo": "\u{AB}", "raquo": "\u{BB}",
    ]

    /// `text` with every reference decoded, and for each line (0-based) that had any, where
    /// the decoded line is shorter than the written one.
    static func decode(_ text: Substring) -> (text: String, shifts: [Int: [TextOrigin.Shift]]) {
        guard text.contains("&") else { return (String(text), [:]) }
        var output = String.UnicodeScalarView()
        var shifts: [Int: [TextOrigin.Shift]] = [:]
        let scalars = Array(text.unicodeScalars)
        var line = 0
        var column = 0
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "&", let (decoded, length) = reference(in: scalars, at: index) {
                output.append(decoded)
                shifts[line, default: []].append(TextOrigin.Shift(column: column, extra: length - 1))
                column += 1
                index += length
                continue
            }
            output.append(scalar)
            if scalar == "\n" {
                line += 1
                column = 0
            } else {
                column += 1
            }
            index += 1
        }
        return (String(output), shifts)
    }

    /// `text` with every reference decoded, for names and tags.
    static func decoded(_ text: Substring) -> String {
        decode(text).text
    }

    /// The character a reference starting at `start` (an `&`) stands for, and how many
    /// scalars the reference takes, or nil when there is no reference there.
    static func reference(in scalars: [Unicode.Scalar], at start: Int) -> (Unicode.Scalar, Int)? {
        var end = start + 1
        while end < scalars.count, end - start <= 12, scalars[end] != ";" {
            guard scalars[end].properties.isAlphabetic || ("0"..."9").contains(scalars[end]) || scalars[end] == "#"
            else { return nil }
            end += 1
        }
        guard end < scalars.count, scalars[end] == ";", end > start + 1 else { return nil }
        let body = String(String.UnicodeScalarView(scalars[(start + 1)..<end]))
        let length = end - start + 1
        if body.hasPrefix("#") {
            let digits = body.dropFirst()
            let value: UInt32? =
                digits.first == "x" || digits.first == "X"
                ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            guard let value else { return nil }
            return (Unicode.Scalar(value).flatMap { $0.value == 0 ? nil : $0 } ?? "\u{FFFD}", length)
        }
        guard let scalar = named[body] else { return nil }
        return (scalar, length)
    }
}
