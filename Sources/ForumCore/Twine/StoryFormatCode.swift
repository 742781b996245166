/// Spots story-format code and HTML in passage text: SugarCube and Harlowe 1 macros
/// (`<<set $x to 1>>`), Harlowe macros (`(set: $x to 1)`), Chapbook inserts (`{back link}`),
/// story variables (`$name`) and HTML tags. Forum runs none of it: it stays as plain text.
enum StoryFormatCode {
    /// The first piece of code in `line`: where it starts (0-based, in scalars) and a short
    /// quote of it, or nil when the line is plain text.
    static func first(in line: String) -> (column: Int, quote: String)? {
        let scalars = Array(line.unicodeScalars)
        for index in scalars.indices {
            if let length = match(scalars, at: index) {
                let quoted = scalars[index..<min(index + min(length, 40), scalars.count)]
                return (index, String(String.UnicodeScalarView(quoted)) + (length > 40 ? "…" : ""))
            }
        }
        return nil
    }

    /// The length of the code starting at `index`, or nil when none starts there.
    private static func match(_ s: [Unicode.Scalar], at index: Int) -> Int? {
        let next = index + 1 < s.count ? s[index + 1] : " "
        switch s[index] {
        case "<" where next == "<":
            return closing(">>", in: s, after: index + 2).map { $0 - index }
        case "<" where next.properties.isAlphabetic || next == "/" || next == "!":
            return closing(">", in: s, after: index + 1).map { $0 - index }
        case "(" where ("a"..."z").contains(next):
            var end = index + 1
            while end < s.count, ("a"..."z").contains(s[end]) || ("0"..."9").contains(s[end]) || s[end] == "-" {
                end += 1
            }
            guard end < s.count, s[end] == ":" else { return nil }
            return (closing(")", in: s, after: end) ?? s.count) - index
        case "{" where next.properties.isAlphabetic:
            return closing("}", in: s, after: index + 1).map { $0 - index }
        case "$" where next.properties.isAlphabetic || next == "_":
            var end = index + 1
            while end < s.count, s[end].properties.isAlphabetic || ("0"..."9").contains(s[end]) || s[end] == "_" {
                end += 1
            }
            return end - index
        default:
            return nil
        }
    }

    /// The index just after the first `marker` at or after `from`, or nil when there is none.
    private static func closing(_ marker: String, in s: [Unicode.Scalar], after from: Int) -> Int? {
        let pattern = Array(marker.unicodeScalars)
        var index = from
        while index + pattern.count <= s.count {
            if Array(s[index..<(index + pattern.count)]) == pattern { return index + pattern.count }
            index += 1
        }
        return nil
    }
}
