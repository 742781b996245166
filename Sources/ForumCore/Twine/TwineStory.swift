/// A Twine story as read from a Twee 3 file or from Twine 2's published HTML, before it
/// becomes a Forum ``Story``: the story's name, IFID and start, and its passages in file order.
public struct TwineStory: Sendable, Equatable {
    /// The story's name (`StoryTitle`, or `<tw-storydata name>`), if the file gives one.
    public var name: String?
    /// The Interactive Fiction IDentifier, if the file gives one.
    public var ifid: String?
    /// The name of the start passage, if the file names one.
    public var start: String?
    /// The story format the story was written for, such as `Harlowe`, if known.
    public var format: String?
    /// Where the story's own data is written (the `StoryData` passage or `<tw-storydata>`).
    public var line: Int
    /// Every passage, special ones (`StoryTitle`, `StoryData`, `ForumData`) included.
    public var passages: [TwinePassage]

    /// A story with these parts.
    public init(
        name: String? = nil, ifid: String? = nil, start: String? = nil, format: String? = nil, line: Int = 1,
        passages: [TwinePassage]
    ) {
        self.name = name
        self.ifid = ifid
        self.start = start
        self.format = format
        self.line = line
        self.passages = passages
    }
}

/// One passage of a Twine story: its name (significant byte for byte), tags and text, and
/// where it was written in the file.
public struct TwinePassage: Sendable, Equatable {
    /// The passage name, exactly as Twine stores it.
    public var name: String
    /// The passage's tags, in the order written.
    public var tags: [String]
    /// The passage text, decoded (no Twee escapes, no HTML entities), with no trailing blank lines.
    public var text: String
    /// Where the passage and its text are in the file, for diagnostics.
    public var origin: TextOrigin

    /// A passage with these parts.
    public init(name: String, tags: [String] = [], text: String, origin: TextOrigin) {
        self.name = name
        self.tags = tags
        self.text = text
        self.origin = origin
    }
}

/// Where a passage is written in its file: its header, and the start of its text, so a
/// place in the decoded text can be reported at the line and column of the file.
public struct TextOrigin: Sendable, Equatable {
    /// One HTML entity on a line of the text: from `column` (0-based, in the decoded line)
    /// on, the file has `extra` more characters than the decoded text.
    public struct Shift: Sendable, Equatable {
        public var column: Int
        public var extra: Int
    }

    /// Line of the passage header (`:: Name`, or `<tw-passagedata`).
    public var headerLine: Int
    /// Column of the passage header.
    public var headerColumn: Int
    /// Line where the first line of the text is written.
    public var textLine: Int
    /// Column where the first line of the text starts.
    public var textColumn: Int
    /// For each line of the text with HTML entities, the entities' shifts in column order.
    public var shifts: [Int: [Shift]]

    /// An origin at these places.
    public init(
        headerLine: Int, headerColumn: Int = 1, textLine: Int, textColumn: Int = 1, shifts: [Int: [Shift]] = [:]
    ) {
        self.headerLine = headerLine
        self.headerColumn = headerColumn
        self.textLine = textLine
        self.textColumn = textColumn
        self.shifts = shifts
    }

    /// The position in the file of the passage header.
    var header: SourcePosition { SourcePosition(line: headerLine, column: headerColumn) }

    /// The position in the file of `column` (0-based, in scalars) on line `line` (0-based)
    /// of the decoded text.
    func position(line: Int, column: Int) -> SourcePosition {
        var raw = column
        for shift in shifts[line] ?? [] where shift.column < column {
            raw += shift.extra
        }
        return SourcePosition(line: textLine + line, column: (line == 0 ? textColumn : 1) + raw)
    }
}
