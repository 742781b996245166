/// One `[[…]]` link in a line of passage text.
struct TwineLink: Sendable, Equatable {
    /// What the reader clicks: the visible text.
    var label: String
    /// The name of the passage it leads to, exactly as written.
    var target: String
    /// A SugarCube setter (`[[text|target][$x to 1]]`), which Forum leaves out.
    var setter: String?
    /// Where `[[` starts in the line, in scalars (0-based), and how many scalars the link takes.
    var column: Int
    var length: Int

    /// True for a link to a web address (`[[https://…]]`) rather than a passage.
    var isExternal: Bool {
        guard let colon = target.range(of: "://") else { return false }
        let scheme = target[..<colon.lowerBound]
        return !scheme.isEmpty && scheme.allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "." }
    }
}

/// Finds Twine's links in a line of passage text: `[[target]]`, `[[text|target]]`,
/// `[[text->target]]` and `[[target<-text]]`, with Twine's own rules (the rightmost `->`,
/// then the leftmost `<-`, then the last `|`; a link ends at the first `]]`; a setter after
/// `][` is not part of the target).
enum TwineLinks {
    /// Every link in `line`, in order.
    static func links(in line: String) -> [TwineLink] {
        let scalars = Array(line.unicodeScalars)
        var links: [TwineLink] = []
        var index = 0
        while index + 3 < scalars.count {
            guard scalars[index] == "[", scalars[index + 1] == "[" else {
                index += 1
                continue
            }
            var start = index
            while start + 2 < scalars.count, scalars[start + 2] == "[" { start += 1 }
            var end = start + 2
            while end + 1 < scalars.count, !(scalars[end] == "]" && scalars[end + 1] == "]") { end += 1 }
            guard end + 1 < scalars.count else { break }
            let inner = String(String.UnicodeScalarView(scalars[(start + 2)..<end]))
            if var link = parse(inner) {
                link.column = start
                link.length = end + 2 - start
                links.append(link)
            }
            index = end + 2
        }
        return links
    }

    /// The link written inside `[[` and `]]`, or nil when it names no passage.
    static func parse(_ inner: String) -> TwineLink? {
        var body = inner
        var setter: String?
        if let split = inner.range(of: "][") {
            body = String(inner[..<split.lowerBound])
            setter = String(inner[split.upperBound...])
        }
        var label = body
        var target = body
        if let arrow = body.range(of: "->", options: .backwards) {
            label = String(body[..<arrow.lowerBound])
            target = String(body[arrow.upperBound...])
        } else if let arrow = body.range(of: "<-") {
            target = String(body[..<arrow.lowerBound])
            label = String(body[arrow.upperBound...])
        } else if let bar = body.lastIndex(of: "|") {
            label = String(body[..<bar])
            target = String(body[body.index(after: bar)...])
        }
        guard !target.allSatisfy(\.isWhitespace) else { return nil }
        let shown = TwineText.trimmedBothEnds(label)
        return TwineLink(
            label: shown.isEmpty ? TwineText.trimmedBothEnds(target) : shown, target: target, setter: setter,
            column: 0, length: 0)
    }
}
