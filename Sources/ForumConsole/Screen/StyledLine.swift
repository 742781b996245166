/// How a piece of text is drawn. Only the terminal's own colours plus bold, dim and reverse,
/// so the console reads well on light and dark terminals; the two alert tones use a colour
/// pair with its own background, or reverse video under NO_COLOR.
public enum Tone: Sendable, Equatable {
    case plain
    case bold
    case dim
    /// The header bar and panel titles: reverse video.
    case bar
    /// A key in the footer.
    case key
    /// The key for the likely next step.
    case suggested
    /// Trouble: lost connection, failed writes, refused commands.
    case alert
    /// Something to watch: the database falling behind, a confirmation.
    case caution
    /// Things going well (connected).
    case good

    /// The SGR parameters for this tone.
    func sgr(color: Bool) -> String {
        switch self {
        case .plain: ""
        case .bold, .key: "1"
        case .dim: "2"
        case .bar: "7"
        case .suggested: "1;7"
        case .alert: color ? "1;97;41" : "1;7"
        case .caution: color ? "1;30;43" : "1;7"
        case .good: color ? "32" : ""
        }
    }
}

/// A run of text in one tone.
public struct Span: Sendable, Equatable {
    public var text: String
    public var tone: Tone

    public init(_ text: String, _ tone: Tone = .plain) {
        self.text = text
        self.tone = tone
    }
}

/// One screen line made of toned spans. Renderers build these; the frame writer turns them
/// into escape sequences, the tests read their plain text.
public struct StyledLine: Sendable, Equatable, ExpressibleByStringLiteral {
    public var spans: [Span] = []

    public init(_ spans: [Span] = []) {
        self.spans = spans
    }

    public init(_ text: String, _ tone: Tone = .plain) {
        spans = [Span(text, tone)]
    }

    public init(stringLiteral value: String) {
        spans = [Span(value)]
    }

    /// The text without any styling.
    public var plain: String { spans.map(\.text).joined() }

    /// The columns the line takes.
    public var width: Int { spans.reduce(0) { $0 + TextWidth.of($1.text) } }

    /// Adds text at the end.
    public mutating func append(_ text: String, _ tone: Tone = .plain) {
        spans.append(Span(text, tone))
    }

    /// Adds another line's spans at the end.
    public mutating func append(_ line: StyledLine) {
        spans += line.spans
    }

    /// The line cut (with `…`) or padded with spaces to exactly `width` columns; padding
    /// takes `fill`'s tone, so a bar stays a bar to the edge.
    public func fitted(to width: Int, fill: Tone = .plain) -> StyledLine {
        var result = StyledLine()
        var used = 0
        let total = self.width
        for span in spans {
            let columns = TextWidth.of(span.text)
            if total <= width || used + columns < width {
                result.spans.append(span)
                used += columns
                continue
            }
            let room = width - used
            let cut =
                columns > room
                ? TextWidth.truncate(span.text, to: room) : TextWidth.prefix(span.text, width: room - 1) + "…"
            if room > 0 { result.spans.append(Span(cut, span.tone)) }
            used = width
            break
        }
        if used < width { result.spans.append(Span(String(repeating: " ", count: width - used), fill)) }
        return result
    }

    /// The line as terminal output: SGR sequences around each styled span, or plain text
    /// when `attributes` is false.
    public func ansi(color: Bool, attributes: Bool = true) -> String {
        var out = ""
        for span in spans {
            let sgr = attributes ? span.tone.sgr(color: color) : ""
            if sgr.isEmpty {
                out += span.text
            } else {
                out += "\u{1B}[\(sgr)m" + span.text + "\u{1B}[0m"
            }
        }
        return out
    }
}
