import ForumCore

/// Runs the scenario checker on YAML written in a test, and renders what it found as short
/// `line:column severity: message` lines for exact assertions.
enum ScenarioChecking {
    /// The result of checking one story file.
    struct StoryResult {
        var story: Story?
        var diagnostics: [Diagnostic]

        /// Each diagnostic as `line:column severity: message`.
        var lines: [String] { diagnostics.map(ScenarioChecking.line) }
        /// The hints, in the same order (nil where there is none).
        var hints: [String?] { diagnostics.map(\.hint) }
    }

    /// Checks `yaml` as the story file `file`; `images` are the files in the scenarios folder.
    static func story(
        _ yaml: String, file: String = "scenarios/test-story.yaml", images: Set<String>? = []
    ) -> StoryResult {
        let parsed = StoryParser.parse(SourceFile(path: file, text: yaml), availableFiles: images)
        return StoryResult(story: parsed.story, diagnostics: parsed.diagnostics)
    }

    /// Checks `yaml` as the event file of a folder holding `stories`.
    static func event(_ yaml: String, stories: [String] = ["sams-night", "coming-home"]) -> (
        programme: EventProgramme?, lines: [String], hints: [String?]
    ) {
        let parsed = EventParser.parse(
            SourceFile(path: "scenarios/event.yaml", text: yaml), storyIDs: stories)
        return (parsed.programme, parsed.diagnostics.map(line), parsed.diagnostics.map(\.hint))
    }

    /// `line:column severity: message`.
    static func line(_ diagnostic: Diagnostic) -> String {
        "\(diagnostic.line):\(diagnostic.column) \(diagnostic.severity.rawValue): \(diagnostic.message)"
    }

    /// A story with one scene leading to an ending, to build small test files from.
    static let minimal = """
        title: Sam's night
        scenes:
          - id: kitchen
            text: Sam hasn't slept.
            next: the-end
          - id: the-end
            text: Morning comes.
        """
}
