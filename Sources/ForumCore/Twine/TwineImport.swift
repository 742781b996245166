import Foundation

/// Brings a Twine story into Forum: reads Twee 3 or Twine 2's HTML, makes the Forum story,
/// writes it as a story file and runs `forum check`'s own checker on that file. Pure: the
/// caller reads the input and writes the result (the CLI's `forum import`, later the studio).
public enum TwineImport {
    /// The largest file imported: a published story with its story format is well under 2 MB.
    public static let maximumFileSize = 10 * 1024 * 1024

    /// What the caller chooses.
    public struct Options: Sendable {
        /// The story id (the file name without `.yaml`); nil: from `ForumData`, else the story's name.
        public var storyID: String?
        /// The story to take from an archive with several; nil: the first.
        public var storyName: String?
        /// Paths of the files in the scenarios folder, to check images against; nil skips that check.
        public var availableFiles: Set<String>?
        /// Makes a new IFID for a story without one: an upper-case version 4 UUID.
        public var newIFID: @Sendable () -> String

        /// Options with these choices.
        public init(
            storyID: String? = nil, storyName: String? = nil, availableFiles: Set<String>? = nil,
            newIFID: @escaping @Sendable () -> String = { UUID().uuidString.uppercased() }
        ) {
            self.storyID = storyID
            self.storyName = storyName
            self.availableFiles = availableFiles
            self.newIFID = newIFID
        }
    }

    /// What an import made.
    public struct Result: Sendable {
        /// The story, or nil when the import failed: then nothing should be written.
        public var story: Story?
        /// The story file's text, checked by `forum check`'s checker; nil when the import failed.
        public var yaml: String?
        /// Every warning and error, at lines and columns of the input file.
        public var diagnostics: [Diagnostic]
    }

    /// Imports the file shown as `path` whose content is `bytes`.
    public static func run(path: String, bytes: [UInt8], options: Options = Options()) -> Result {
        func failure(_ message: String, hint: String) -> Result {
            Result(
                diagnostics: [
                    Diagnostic(file: path, line: 1, column: 1, severity: .error, message: message, hint: hint)
                ])
        }
        guard bytes.count <= maximumFileSize else {
            return failure(
                "the file is \(bytes.count / 1024 / 1024) MB; Forum imports Twine files up to "
                    + "\(maximumFileSize / 1024 / 1024) MB",
                hint: "import the Twee file (Twine: Build > Export as Twee), or check that this is a Twine story")
        }
        if let id = options.storyID, !Identifier.isValid(id) {
            return failure("`\(id)` cannot be used as a story id", hint: Identifier.hint(for: id))
        }
        let file: SourceFile
        switch SourceFile.decoding(path: path, bytes: bytes) {
        case .success(let decoded): file = decoded
        case .failure(let notUTF8): return Result(diagnostics: [notUTF8.diagnostic])
        }
        var log = DiagnosticLog(file: file)
        let story = read(file, options: options, log: &log)
        guard var story, !log.hasErrors else { return Result(diagnostics: Diagnostic.sorted(log.diagnostics)) }
        return checked(&story.story, origins: story.origins, file: file, options: options, log: &log)
    }

    /// The Forum story in `file`, or nil when it cannot be read.
    static func read(_ file: SourceFile, options: Options, log: inout DiagnosticLog) -> StoryAssembler.Assembled? {
        let lowered = file.fileName.lowercased()
        let isHTML =
            lowered.hasSuffix(".html") || lowered.hasSuffix(".htm")
            || HTMLScanner.contains("tw-storydata", in: file.text)
        let read =
            isHTML
            ? TwineHTMLReader.read(file, storyName: options.storyName, log: &log)
            : TweeReader.read(file, log: &log)
        guard let read else { return nil }
        if !isHTML, let name = options.storyName, read.name != name {
            log.warning("a Twee file holds one story; `--story \(name)` is not used", at: .start)
        }
        let special = SpecialPassages(read, log: &log)
        let storyAt = SourcePosition(line: special.story.line, column: 1)
        guard !special.passages.isEmpty else {
            log.error(
                "the story has no passages that can become scenes", at: storyAt,
                hint: "a story needs at least one passage of text besides `StoryTitle` and `StoryData`")
            return nil
        }
        var assembler = StoryAssembler(special, log: &log)
        let scenes = assembler.scenes(log: &log)
        let start = assembler.startIndex(named: special.story.start, at: storyAt, log: &log)
        let forum = special.forumData?.story ?? ForumData.StoryPart()
        var title = TwineText.trimmedBothEnds(TwineText.cleaned(special.story.name ?? "").text)
        let baseName = String(file.fileName.split(separator: ".").first ?? "")
        if title.isEmpty {
            title = baseName.isEmpty ? "Imported story" : baseName
            log.warning(
                "the story has no name; Forum calls it “\(title)”", at: storyAt,
                hint: "name the story in Twine, or change `title:` in the story file")
        }
        let id =
            options.storyID ?? forum.id.flatMap { Identifier.isValid($0) ? $0 : nil } ?? TwineSlug.slug(title)
            ?? TwineSlug.slug(baseName) ?? "imported-story"
        let story = Story(
            id: id, title: title, summary: forum.summary, authors: forum.authors ?? [],
            language: forum.language ?? "en",
            contentNotes: forum.contentNotes ?? [], start: assembler.ids[start], scenes: scenes,
            ifid: ifid(special.story.ifid, at: storyAt, options: options, log: &log))
        return StoryAssembler.Assembled(story: story, origins: assembler.origins)
    }

    /// The story's IFID in capitals, or a new one when it has none or it breaks the rule.
    static func ifid(_ given: String?, at position: SourcePosition, options: Options, log: inout DiagnosticLog)
        -> String
    {
        guard let given, !given.isEmpty else { return options.newIFID() }
        let upper = given.uppercased()
        if StoryRules.isIFID(upper) { return upper }
        log.warning(
            "`\(given)` is not an IFID; Forum gives the story a new one", at: position,
            hint: "an IFID is 8 to 63 capital letters, digits and `-`, as Twine makes them")
        return options.newIFID()
    }

    /// Writes `story` as a story file, checks it with `forum check`'s checker and reports the
    /// checker's findings at the passages they are about.
    static func checked(
        _ story: inout Story, origins: [String: SourcePosition], file: SourceFile, options: Options,
        log: inout DiagnosticLog
    ) -> Result {
        let written = StoryYAMLWriter.yamlWithLines(story)
        let parsed = StoryParser.parse(
            SourceFile(path: story.id + ".yaml", text: written.text), availableFiles: options.availableFiles)
        for diagnostic in parsed.diagnostics {
            let scene = written.sceneLines.last { $0.line <= diagnostic.line }?.id
            var moved = diagnostic
            moved.file = file.path
            let at = scene.flatMap { origins[$0] } ?? .start
            moved.line = at.line
            moved.column = at.column
            log.append(moved)
        }
        if !log.hasErrors, parsed.story != story {
            log.error(
                "Forum could not write this story so that it reads back the same; nothing is written", at: .start,
                hint: "please report this with the file")
        }
        let diagnostics = Diagnostic.sorted(log.diagnostics)
        guard !log.hasErrors else { return Result(diagnostics: diagnostics) }
        return Result(story: story, yaml: written.text, diagnostics: diagnostics)
    }
}
