import Yams

/// Reads one story file into a ``Story``, reporting every mistake with its line and column.
public enum StoryParser {
    /// Parses and checks one story file; the story id is the file name without `.yaml`.
    ///
    /// - Parameters:
    ///   - file: the story file.
    ///   - availableFiles: paths, relative to the scenarios folder, of the files in it, used
    ///     to check that images exist; nil skips that check.
    /// - Returns: the story, or nil when the file has any error; and every diagnostic found,
    ///   sorted by line and column.
    public static func parse(_ file: SourceFile, availableFiles: Set<String>?) -> (
        story: Story?, diagnostics: [Diagnostic]
    ) {
        var log = DiagnosticLog(file: file)
        checkFileName(file, log: &log)
        guard let draft = draft(of: file, log: &log) else {
            return (nil, log.diagnostics)
        }
        StoryRules.check(draft, availableFiles: availableFiles, log: &log)
        StoryGraph.check(draft, log: &log)
        let story = log.hasErrors ? nil : draft.story()
        return (story, Diagnostic.sorted(log.diagnostics))
    }

    /// Reports a file name that cannot be a story id.
    static func checkFileName(_ file: SourceFile, log: inout DiagnosticLog) {
        guard !Identifier.isValid(file.storyID) else { return }
        if Identifier.isTooLong(file.storyID) {
            log.error(
                "the file name is \(file.storyID.utf8.count) characters long without `.yaml`; story ids can be "
                    + "at most \(Identifier.maximumLength)",
                at: .start, hint: "rename the file to a short id, such as `sams-night.yaml`")
            return
        }
        var hint = "rename the file using only lowercase letters (a-z), digits and `-`, with no spaces"
        if let better = Identifier.suggestion(for: file.storyID) {
            hint += ", for example `\(better).yaml`"
        }
        log.error(
            "the file name `\(file.fileName)` cannot be used as a story id", at: .start, hint: hint)
    }

    /// Reads the file's YAML into a draft, or nil when there is nothing to check further.
    static func draft(of file: SourceFile, log: inout DiagnosticLog) -> StoryDraft? {
        guard let root = YAMLDocument.root(of: file, log: &log) else {
            if !log.hasErrors {
                log.error(
                    "the file is empty", at: .start,
                    hint:
                        "a story needs at least a `title:` and `scenes:`; see the scenario format guide, docs/scenario-format.md"
                )
            }
            return nil
        }
        guard
            var reader = MappingReader(
                root, schema: .story, log: &log,
                layoutHint: "a story file is made of lines such as `title: Sam's night` and `scenes:`; "
                    + "see the scenario format guide, docs/scenario-format.md")
        else { return nil }
        reader.subject = "the story"
        var draft = StoryDraft(id: file.storyID)
        draft.title = reader.text(
            "title", required: "add a line such as `title: Sam's night` at the top of the file", log: &log
        )
        draft.summary = reader.text("summary", log: &log)?.value
        draft.authors = reader.texts("authors", log: &log)?.value.map(\.value) ?? []
        draft.language = reader.text("language", log: &log)
        draft.contentNotes = reader.texts("content_notes", log: &log)?.value.map(\.value) ?? []
        draft.start = reader.text("start", log: &log)
        draft.ifid = reader.text("ifid", log: &log)
        draft.scenesPosition = reader.keyPosition("scenes") ?? reader.position
        let scenes = reader.list(
            "scenes", required: "add `scenes:` and below it the scenes, each starting with `- id:`",
            log: &log)
        for node in scenes?.value ?? [] {
            if let scene = SceneReader.scene(node, log: &log) {
                draft.scenes.append(scene)
            }
        }
        if let scenes, scenes.value.isEmpty {
            log.error(
                "the story has no scenes", at: scenes.keyPosition,
                hint: "add at least one scene below `scenes:`, starting with `- id:`")
        }
        return draft
    }
}
