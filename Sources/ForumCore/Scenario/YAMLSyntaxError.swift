import Yams

/// Turns the YAML library's syntax errors into messages a story writer can act on.
enum YAMLSyntaxError {
    /// The advice given when no more precise explanation fits.
    static let generalHint =
        "check this line and the one above it: indent with spaces only, write `key: value`, "
        + "and close every quote you open"

    /// The diagnostic for a YAML error found in `file`.
    static func diagnostic(for error: YamlError, in file: SourceFile, source: SourceLines)
        -> Diagnostic
    {
        let explanation: Explanation
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            explanation = explain(
                problem: problem, context: context.map { ($0.text, SourcePosition($0.mark)) },
                at: SourcePosition(mark), in: source)
        case .reader(let problem, let offset, _, _):
            explanation = Explanation(
                position: position(ofCharacter: offset ?? 0, in: file.text),
                message: problem == "control characters are not allowed"
                    ? "the file contains an invisible control character here"
                    : "the file cannot be read as text here (\(problem))",
                hint: "delete the character; such characters often come from copying text out of "
                    + "a word processor or a PDF")
        case .duplicatedKeysInMapping(let duplicates, let context):
            explanation = duplicateKey(
                duplicates.first ?? "", first: SourcePosition(context.mark), in: source)
        default:
            explanation = Explanation(
                position: .start, message: "the file could not be read as YAML: \(error)",
                hint: generalHint)
        }
        return Diagnostic(
            file: file.path, line: explanation.position.line, column: explanation.position.column,
            severity: .error, message: explanation.message, hint: explanation.hint)
    }

    /// A message, a hint and where they point.
    private struct Explanation {
        var position: SourcePosition
        var message: String
        var hint: String?
    }

    /// Explains one scanner, parser or composer problem found at `position`.
    private static func explain(
        problem: String, context: (text: String, position: SourcePosition)?,
        at position: SourcePosition, in source: SourceLines
    ) -> Explanation {
        let character = source.character(at: position)
        if problem.contains("tab character") || character == "\t" {
            return Explanation(
                position: position,
                message: "a tab is used here, but YAML only allows spaces for indenting",
                hint: "replace the tab at the start of this line with spaces")
        }
        switch problem {
        case "mapping values are not allowed in this context":
            return Explanation(
                position: position, message: "a colon followed by a space cannot be used here",
                hint: "if this line starts a new key, line it up with the keys above it; if the colon "
                    + "is part of the text, put the whole text in double quotes, "
                    + "for example `title: \"Sam: the night\"`")
        case "could not find expected ':'":
            return Explanation(
                position: context?.position ?? position, message: "this line has no `:` after its key",
                hint: "each line should look like `key: value`; if this line continues the text "
                    + "above, indent it further than that text's key")
        case "found unexpected end of stream"
        where context?.text.contains("quoted scalar") == true:
            let opening = context.map(\.position) ?? position
            let quote = source.character(at: opening).map(String.init) ?? "\""
            return Explanation(
                position: opening, message: "this quote `\(quote)` is opened but never closed",
                hint: "add the closing `\(quote)` at the end of the text")
        case "found unknown escape character":
            return Explanation(
                position: position,
                message: "a backslash `\\` inside double quotes must start a known code",
                hint: "write `\\\\` for a backslash, or put the text in single quotes instead")
        case "found undefined alias", "found character that cannot start any token",
            "did not find expected alphabetic or numeric character":
            let shown = character.map { "`\($0)`" } ?? "this character"
            return Explanation(
                position: position, message: "a value cannot start with \(shown)",
                hint: "put the whole value in double quotes, for example `title: \"@home\"`")
        case "did not find expected key":
            if source.startsLine(position) {
                return Explanation(
                    position: position, message: "this line is indented differently from the lines above it",
                    hint: "keys that belong together must start in the same column; "
                        + "check the spaces at the start of this line")
            }
            return Explanation(
                position: position, message: "unexpected text after the end of a value",
                hint: "quotes must go around the whole value; to write an apostrophe inside single "
                    + "quotes, write it twice (`'Sam''s night'`), or use double quotes")
        case "did not find expected '-' indicator":
            return Explanation(
                position: position, message: "this line does not line up with the list above it",
                hint: "every item of a list starts with `- ` in the same column, and the keys of an "
                    + "item line up with the first key after its `- `")
        case "block sequence entries are not allowed in this context":
            return Explanation(
                position: position, message: "a list cannot start on the same line as its key",
                hint: "put each `- ` item on its own line below the key, indented, "
                    + "or write the list in square brackets: `authors: [Sam, Maya]`")
        case "did not find expected ',' or ']'", "did not find expected ',' or '}'":
            let opening = context.map(\.position) ?? position
            let bracket = problem.hasSuffix("']'") ? "[" : "{"
            let closing = bracket == "[" ? "]" : "}"
            return Explanation(
                position: opening, message: "this `\(bracket)` is never closed",
                hint: "add `\(closing)` at the end, on the same line; put any item that contains "
                    + "a comma or a colon in double quotes")
        case "did not find expected node content":
            return Explanation(
                position: position, message: "a value is missing here",
                hint: "write a value after the `:` or the `- `, or remove the line")
        case "but found another document":
            return Explanation(
                position: position, message: "`---` starts a second document, but a file can hold only one",
                hint: "remove the `---` line, or move what follows it into a file of its own")
        default:
            return Explanation(
                position: position, message: "YAML cannot read the file here (\(problem))",
                hint: generalHint)
        }
    }

    /// Explains a key written twice in one mapping, pointing at the second one when it can
    /// be found (the YAML library only reports the first).
    private static func duplicateKey(_ key: String, first: SourcePosition, in source: SourceLines)
        -> Explanation
    {
        var repeated = first
        let indent = first.column - 1
        search: for index in source.lines.indices.dropFirst(first.line) {
            let scalars = source.lines[index]
            let leading = scalars.prefix { $0 == " " }.count
            let isBlankOrComment = leading == scalars.count || scalars[leading] == "#"
            if isBlankOrComment { continue }
            if leading < indent { break search }
            guard leading == indent else { continue }
            let rest = String(String.UnicodeScalarView(scalars[leading...]))
            for written in [key, "\"\(key)\"", "'\(key)'"] where rest.hasPrefix(written) {
                let after = rest.dropFirst(written.count).drop { $0 == " " }
                if after.first == ":" {
                    repeated = SourcePosition(line: index + 1, column: first.column)
                    break search
                }
            }
        }
        let firstLine = repeated == first ? "" : " (the first is on line \(first.line))"
        return Explanation(
            position: repeated, message: "`\(key)` is written twice in the same place",
            hint: "keep only one `\(key)`\(firstLine)")
    }

    /// The line and column of the character at `offset` characters into `text`.
    private static func position(ofCharacter offset: Int, in text: String) -> SourcePosition {
        var line = 1
        var column = 1
        for character in text.prefix(offset) {
            if character == "\n" || character == "\r\n" {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
        }
        return SourcePosition(line: line, column: column)
    }
}
