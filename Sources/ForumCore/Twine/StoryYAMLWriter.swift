/// Writes a ``Story`` as a Forum story file that `forum check` reads back to the same story.
///
/// Community text is data, never YAML syntax: every value is written in double quotes with
/// YAML's escapes, except a text of several lines, written as a literal block (`|-`) when
/// that keeps it exactly.
public enum StoryYAMLWriter {
    /// The story file for `story`.
    public static func yaml(_ story: Story) -> String {
        yamlWithLines(story).text
    }

    /// The story file for `story`, and the line each scene starts on (by scene id).
    static func yamlWithLines(_ story: Story) -> (text: String, sceneLines: [(line: Int, id: String)]) {
        var lines: [String] = ["# Story `\(story.id)`, written by Forum. See docs/scenario-format.md."]
        lines.append("title: " + quoted(story.title))
        if let summary = story.summary { lines += block("summary", summary, indent: "") }
        if !story.authors.isEmpty { lines += ["authors:"] + story.authors.map { "  - " + quoted($0) } }
        lines.append("language: " + quoted(story.language))
        if !story.contentNotes.isEmpty { lines += ["content_notes:"] + story.contentNotes.map { "  - " + quoted($0) } }
        if let ifid = story.ifid { lines.append("ifid: " + quoted(ifid)) }
        lines.append("start: " + quoted(story.start))
        lines.append("")
        lines.append("scenes:")
        var sceneLines: [(line: Int, id: String)] = []
        for scene in story.scenes {
            sceneLines.append((lines.count + 1, scene.id))
            lines.append("  - id: " + quoted(scene.id))
            let indent = "    "
            if let title = scene.title { lines.append(indent + "title: " + quoted(title)) }
            lines += block("text", scene.text, indent: indent)
            if let image = scene.image { lines.append(indent + "image: " + quoted(image)) }
            if let alt = scene.imageAlt { lines.append(indent + "image_alt: " + quoted(alt)) }
            if let notes = scene.hostNotes { lines += block("host_notes", notes, indent: indent) }
            if let next = scene.next { lines.append(indent + "next: " + quoted(next)) }
            if let decision = scene.decision {
                lines.append(indent + "decision:")
                lines += block("question", decision.question, indent: indent + "  ")
                if let next = decision.next { lines.append(indent + "  next: " + quoted(next)) }
                lines.append(indent + "  options:")
                for option in decision.options {
                    lines.append(indent + "    - id: " + quoted(option.id))
                    lines.append(indent + "      label: " + quoted(option.label))
                    if let next = option.next { lines.append(indent + "      next: " + quoted(next)) }
                }
            }
            lines.append("")
        }
        return (lines.joined(separator: "\n"), sceneLines)
    }

    /// `key: value`, as a literal block when the value has several lines and reads back the same.
    static func block(_ key: String, _ value: String, indent: String) -> [String] {
        guard value.contains("\n"), fitsLiteralBlock(value) else { return [indent + key + ": " + quoted(value)] }
        let inner = indent + "  "
        return [indent + key + ": |-"] + TwineText.lines(value).map { $0.isEmpty ? "" : inner + $0 }
    }

    /// True when a literal block keeps `value` exactly: printable characters and tabs only,
    /// no line that is only spaces, no line starting with a space or tab, and nothing YAML
    /// reads as a line break other than the line feeds.
    static func fitsLiteralBlock(_ value: String) -> Bool {
        for line in TwineText.lines(value) {
            if line.first == " " || line.contains("\t") { return false }
            if line.unicodeScalars.contains(where: needsEscape) { return false }
        }
        return !value.unicodeScalars.contains("\r") && !value.hasSuffix("\n")
    }

    /// `text` in double quotes, with `\`, `"` and every character YAML cannot hold as it is
    /// escaped.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case _ where needsEscape(scalar):
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result +=
                    scalar.value <= 0xFFFF
                    ? "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                    : "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// True for a character YAML does not allow as it is, or reads as a line break or mark.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (value < 0x20 && scalar != "\t") || (0x7F...0x9F).contains(value) || value == 0x2028
            || value == 0x2029 || value == 0xFEFF || (0xD800...0xDFFF).contains(value) || value == 0xFFFE
            || value == 0xFFFF
    }
}
