/// What one passage says once its links are read: the scene text, the links the audience
/// can follow, and the question when the links are a decision.
struct MappedPassage: Sendable {
    /// The text shown: lines that held only links removed, inline links as their visible text.
    var text: String
    /// The passage's links in order (the same label and target once), at most 8.
    var links: [Located<TwineLink>]
    /// The decision's question, for a passage with 2 or more links; nil otherwise.
    var question: String?
    /// True when the question is Forum's default, because the passage asks none.
    var questionIsDefault = false
}

/// Reads one passage into a ``MappedPassage``, with a warning for every part Forum changes
/// or leaves out. Used by the importer and, to know what Twine will read back, the Twee writer.
enum PassageMapper {
    /// The question asked when a passage with several links asks none itself.
    static let defaultQuestion = "What should happen next?"
    /// The tag that makes a passage's last paragraph its decision's question.
    static let decisionTag = "decision"

    /// Maps `passage`, reporting what Forum changes to `log`.
    static func map(_ passage: TwinePassage, log: inout DiagnosticLog) -> MappedPassage {
        let origin = passage.origin
        let name = passage.name
        var kept: [String] = []
        var links: [Located<TwineLink>] = []
        var code: (SourcePosition, String)?
        for (index, line) in TwineText.lines(passage.text).enumerated() {
            if code == nil, let found = StoryFormatCode.first(in: line) {
                code = (origin.position(line: index, column: found.column), found.quote)
            }
            let found = TwineLinks.links(in: line)
            var shown = Array(line.unicodeScalars)
            var onlyLinks = !found.isEmpty
            var cursor = 0
            for link in found {
                onlyLinks = onlyLinks && shown[cursor..<link.column].allSatisfy(\.properties.isWhitespace)
                cursor = link.column + link.length
                let at = origin.position(line: index, column: link.column)
                if link.isExternal {
                    log.warning(
                        "passage `\(name)` links to the web address `\(link.target)`; Forum keeps it as text",
                        at: at, hint: "phones show no links: write the address in words if the audience needs it")
                    continue
                }
                if let setter = link.setter {
                    log.warning(
                        "passage `\(name)` has a link that also sets `\(setter)`; Forum keeps the link "
                            + "and leaves the setter out",
                        at: at, hint: "Forum has no story variables: the audience's votes choose the path")
                }
                if !links.contains(where: { $0.value.label == link.label && $0.value.target == link.target }) {
                    links.append(Located(link, at: at))
                }
            }
            onlyLinks = onlyLinks && shown[cursor...].allSatisfy(\.properties.isWhitespace)
            if onlyLinks && !found.contains(where: \.isExternal) { continue }
            for link in found.reversed() where !link.isExternal {
                shown.replaceSubrange(link.column..<(link.column + link.length), with: link.label.unicodeScalars)
            }
            kept.append(String(String.UnicodeScalarView(shown)))
        }
        if let (at, quote) = code {
            log.warning(
                "passage `\(name)` contains story-format code or HTML (`\(quote)`); Forum shows it as plain text",
                at: at, hint: "the audience sees these characters as they are written: remove them or say it in words")
        }
        if links.count > 8 {
            log.warning(
                "passage `\(name)` has \(links.count) links, but a decision can offer at most 8; "
                    + "the first 8 become its options",
                at: links[8].position, hint: "split the choice in two, or combine some of the links")
            links = Array(links.prefix(8))
        }
        var mapped = MappedPassage(text: TwineText.trailingSpaceTrimmed(kept.joined(separator: "\n")), links: links)
        if links.count >= 2 {
            splitQuestion(&mapped, lines: kept, tagged: passage.tags.contains(decisionTag))
            if mapped.questionIsDefault {
                log.warning(
                    "passage `\(name)` offers \(links.count) choices but asks no question; Forum asks "
                        + "“\(defaultQuestion)”",
                    at: origin.header,
                    hint: "end the paragraph before the links with a question mark, tag the passage `decision`, "
                        + "or edit `question:` in the story file")
            }
        }
        return mapped
    }

    /// Takes the question from the text: its last paragraph when the passage is tagged
    /// `decision`, else its last line when that ends with a question mark; otherwise gives the
    /// default question. The rest is the scene's text (all of it, when nothing would be left).
    static func splitQuestion(_ mapped: inout MappedPassage, lines: [String], tagged: Bool) {
        let blank: (String) -> Bool = { $0.allSatisfy(\.isWhitespace) }
        guard let last = lines.lastIndex(where: { !blank($0) }) else {
            mapped.question = defaultQuestion
            mapped.questionIsDefault = true
            return
        }
        let asks =
            TwineText.trailingSpaceTrimmed(lines[last]).reversed().drop(while: { "\"”’')»".contains($0) })
            .first == "?"
        let first = tagged ? (lines[..<last].lastIndex(where: blank) ?? -1) + 1 : last
        let paragraph = TwineText.trimmedBothEnds(lines[first...last].joined(separator: "\n"))
        guard tagged || asks else {
            mapped.question = defaultQuestion
            mapped.questionIsDefault = true
            return
        }
        mapped.question = paragraph
        let before = TwineText.trailingSpaceTrimmed(lines[..<first].joined(separator: "\n"))
        if !before.isEmpty {
            mapped.text = before
        }
    }
}
