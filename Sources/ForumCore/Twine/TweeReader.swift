/// Reads a Twee 3 file (`.twee`, `.tw`): passages that start with a `:: Name [tags] {metadata}`
/// header line. `StoryTitle` and `StoryData` are read by ``TwineImporter``, like every passage.
enum TweeReader {
    /// True when some line of `text` starts with `::`, as every Twee passage header does.
    static func looksLikeTwee(_ text: String) -> Bool {
        text.hasPrefix("::") || text.contains("\n::")
    }

    /// The passages of `file`, or nil (with an error reported) when it has none.
    static func read(_ file: SourceFile, log: inout DiagnosticLog) -> TwineStory? {
        let lines = TwineText.lines(file.text)
        var passages: [TwinePassage] = []
        var current: (header: Header, line: Int)?
        var body: [String] = []
        var preamble: Int?
        func finish() {
            guard let (header, line) = current else { return }
            var origin = TextOrigin(headerLine: line, textLine: line + 1)
            let text = TwineText.trimmed(body.joined(separator: "\n"), origin: &origin)
            passages.append(TwinePassage(name: header.name, tags: header.tags, text: text, origin: origin))
        }
        for (index, line) in lines.enumerated() {
            let number = index + 1
            if line.hasPrefix("::") {
                finish()
                current = nil
                body = []
                guard let header = Header(line, number: number, log: &log) else { continue }
                current = (header, number)
            } else if current != nil {
                body.append(unescaped(line))
            } else if preamble == nil, line.contains(where: { !$0.isWhitespace }) {
                preamble = number
            }
        }
        finish()
        if let preamble, !passages.isEmpty {
            log.warning(
                "this text comes before the first passage header, so it belongs to no passage and is left out",
                at: SourcePosition(line: preamble, column: 1),
                hint: "start a passage above it with a line such as `:: Start`")
        }
        guard !passages.isEmpty else {
            log.error(
                looksLikeTwee(file.text)
                    ? "the file has no passage with a name" : "this is not a Twee file: no line starts with `::`",
                at: .start,
                hint: "a Twee 3 file is made of passages, each starting with a line such as `:: Start`; "
                    + "for Twine 2 stories, import the published `.html` file or a Twee file exported from Twine")
            return nil
        }
        return TwineStory(passages: passages)
    }

    /// A text line with Twee's line-start escape undone: `\::` (and `\` before any run of
    /// backslashes then a colon) loses one backslash.
    static func unescaped(_ line: String) -> String {
        guard line.hasPrefix("\\") else { return line }
        let rest = line.dropFirst()
        return rest.drop(while: { $0 == "\\" }).hasPrefix(":") ? String(rest) : line
    }

    /// A passage header line: its name and tags, metadata checked and dropped.
    struct Header {
        var name: String
        var tags: [String]

        /// Reads the header on line `number`, or nil (with a warning) when it has no name.
        init?(_ line: String, number: Int, log: inout DiagnosticLog) {
            var scalars = Array(line.unicodeScalars.dropFirst(2))[...]
            while scalars.first == " " || scalars.first == "\t" { scalars.removeFirst() }
            var name = String.UnicodeScalarView()
            var keptLength = 0
            while let scalar = scalars.first, scalar != "[", scalar != "{" {
                scalars.removeFirst()
                if scalar == "\\", let escaped = scalars.first {
                    scalars.removeFirst()
                    name.append(escaped)
                    keptLength = name.count
                } else {
                    name.append(scalar)
                    if scalar != " " && scalar != "\t" { keptLength = name.count }
                }
            }
            let cut = String(String.UnicodeScalarView(name.prefix(keptLength)))
            guard !cut.isEmpty else {
                log.warning(
                    "this passage header has no name, so nothing can link to the passage; it is left out",
                    at: SourcePosition(line: number, column: 1), hint: "write the name after `::`, such as `:: Start`")
                return nil
            }
            self.name = cut
            tags = []
            if scalars.first == "[" {
                scalars.removeFirst()
                var tag = String.UnicodeScalarView()
                var closed = false
                while let scalar = scalars.first {
                    scalars.removeFirst()
                    if scalar == "\\", let escaped = scalars.first {
                        scalars.removeFirst()
                        tag.append(escaped)
                    } else if scalar == "]" {
                        closed = true
                        break
                    } else if scalar == " " || scalar == "\t" {
                        if !tag.isEmpty { tags.append(String(tag)) }
                        tag = String.UnicodeScalarView()
                    } else {
                        tag.append(scalar)
                    }
                }
                if !tag.isEmpty { tags.append(String(tag)) }
                if !closed {
                    log.warning(
                        "the tags of passage `\(cut)` are never closed with `]`",
                        at: SourcePosition(line: number, column: 1),
                        hint: "end the tags with `]`, or write `\\[` for a bracket in a passage name")
                }
            }
            while scalars.first == " " || scalars.first == "\t" { scalars.removeFirst() }
            let metadata = String(String.UnicodeScalarView(scalars))
            if !metadata.isEmpty, TwineJSON.object(metadata) == nil {
                log.warning(
                    "the metadata of passage `\(cut)` is not a JSON object; it is ignored",
                    at: SourcePosition(
                        line: number, column: line.unicodeScalars.count - metadata.unicodeScalars.count + 1),
                    hint: "Twine writes it as `{\"position\":\"100,200\",\"size\":\"100,100\"}`")
            }
        }
    }
}
