/// Builds the ``Library`` the show replays from the text of the scenario files, checking
/// every file. The caller does the reading; nothing here touches the disk.
public enum LibraryBuilder {
    /// Parses and checks every story file and the event file, then assembles the library.
    ///
    /// - Parameters:
    ///   - storyFiles: the story files (`<id>.yaml`), in any order.
    ///   - eventFile: `event.yaml`, or nil without one: then every story is one session
    ///     (id `all`) and the default perspectives apply.
    ///   - availableFiles: the paths, relative to the scenarios folder, of every file in it,
    ///     used to check that images exist.
    ///   - otherStoryIDs: ids of stories in the folder that are not among `storyFiles` (when
    ///     only some files are checked); the event file may name them. Such stories are not
    ///     in the library.
    /// - Returns: the library, or nil when any file has an error; and every diagnostic,
    ///   sorted by file, line and column.
    public static func build(
        storyFiles: [SourceFile], eventFile: SourceFile?, availableFiles: Set<String>,
        otherStoryIDs: Set<String> = []
    ) -> (library: Library?, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var stories: [Story] = []
        var seen: [String: String] = [:]
        for file in storyFiles {
            if let other = seen[file.storyID] {
                diagnostics.append(
                    Diagnostic(
                        file: file.path, line: 1, column: 1, severity: .error,
                        message: "another file, `\(other)`, already holds the story `\(file.storyID)`",
                        hint: "each story needs a file name of its own; rename or remove one of the two"))
                continue
            }
            seen[file.storyID] = file.path
            let parsed = StoryParser.parse(file, availableFiles: availableFiles)
            diagnostics += parsed.diagnostics
            if let story = parsed.story {
                stories.append(story)
            }
        }
        let storyIDs = unique(storyFiles.map(\.storyID).sorted())
        var programme = EventProgramme.allStories(storyIDs)
        if let eventFile {
            let parsed = EventParser.parse(eventFile, storyIDs: storyIDs, otherStoryIDs: otherStoryIDs)
            diagnostics += parsed.diagnostics
            programme = parsed.programme ?? programme
        }
        let sorted = Diagnostic.sorted(diagnostics)
        guard !sorted.contains(where: \.isError) else { return (nil, sorted) }
        return (Library(programme: programme, stories: ordered(stories, by: programme)), sorted)
    }

    /// Stories in programme order (first appearance in the sessions), then the rest by id.
    static func ordered(_ stories: [Story], by programme: EventProgramme) -> [Story] {
        let programmed = unique(programme.sessions.flatMap(\.stories))
        let byID = Dictionary(stories.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let first = programmed.compactMap { byID[$0] }
        let rest = stories.filter { !programmed.contains($0.id) }.sorted { $0.id < $1.id }
        return first + rest
    }

    /// The ids without repeats, in the order of their first appearance.
    private static func unique(_ ids: [String]) -> [String] {
        var seen: Set<String> = []
        return ids.filter { seen.insert($0).inserted }
    }
}
