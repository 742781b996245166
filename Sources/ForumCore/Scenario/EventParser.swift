import Yams

/// Reads the event file (`event.yaml`) into an ``EventProgramme``, reporting every mistake
/// with its line and column.
public enum EventParser {
    /// Parses and checks the event file.
    ///
    /// - Parameters:
    ///   - file: the event file.
    ///   - storyIDs: the ids of the stories in the library, in the order used for the one
    ///     default session when the file lists no sessions.
    ///   - otherStoryIDs: ids of further stories in the scenarios folder that sessions may
    ///     name but that are not in the library (when only some files are checked).
    /// - Returns: the programme, or nil when the file has any error; and every diagnostic found,
    ///   sorted by line and column.
    public static func parse(_ file: SourceFile, storyIDs: [String], otherStoryIDs: Set<String> = [])
        -> (
            programme: EventProgramme?, diagnostics: [Diagnostic]
        )
    {
        var log = DiagnosticLog(file: file)
        guard let root = YAMLDocument.root(of: file, log: &log) else {
            let programme = log.hasErrors ? nil : EventProgramme.allStories(storyIDs)
            return (programme, log.diagnostics)
        }
        guard
            var reader = MappingReader(
                root, schema: .event, log: &log,
                layoutHint:
                    "the event file is made of lines such as `title:`, `perspectives:`, `sessions:` and `support:`; "
                    + "see the scenario format guide, docs/scenario-format.md")
        else { return (nil, log.diagnostics) }
        reader.subject = "the event file"
        let title = reader.text("title", log: &log)?.value ?? EventProgramme.defaultTitle
        let perspectives = EventSections.perspectives(reader, log: &log)
        let known = Set(storyIDs).union(otherStoryIDs).sorted()
        let sessions = EventSections.sessions(reader, storyIDs: known, log: &log)
        let support = EventSupport.lines(reader, log: &log)
        let nextSteps = EventSupport.nextSteps(reader, log: &log)
        let groups = EventGroups.read(
            reader, perspectives: perspectives ?? EventProgramme.defaultPerspectives, log: &log)
        let translations = EventTranslations.read(
            reader, perspectives: perspectives ?? EventProgramme.defaultPerspectives,
            sessions: sessions ?? [.allStories(storyIDs)], log: &log)
        let diagnostics = Diagnostic.sorted(log.diagnostics)
        guard !log.hasErrors else { return (nil, diagnostics) }
        let programme = EventProgramme(
            title: title, perspectives: perspectives ?? EventProgramme.defaultPerspectives,
            sessions: sessions ?? [.allStories(storyIDs)], support: support ?? [],
            nextSteps: nextSteps ?? EventProgramme.defaultNextSteps, translations: translations ?? [:],
            perspectiveGroups: groups ?? [])
        return (programme, diagnostics)
    }
}
