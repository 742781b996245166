import ForumCore

/// One finding of the checker, placed at the field of the editor it concerns and said in
/// plain words (the story file's line and the checker's own words are kept too).
public struct FieldCheck: Sendable, Equatable, Codable {
    public var severity: Diagnostic.Severity.RawValue
    /// The scene concerned (its id), or nil for the story's own fields.
    public var scene: String?
    /// The option concerned (0-based), when the field is an option's.
    public var option: Int?
    /// The field: `title`, `text`, `question`, `label`, `next`, `image_alt`, `options`,
    /// `scene` (the scene as a whole), `story` (the story as a whole) …
    public var field: String
    /// What to tell the writer.
    public var message: String
    /// The checker's own words (as `forum check` prints them), with its hint.
    public var detail: String

    public init(severity: String, scene: String?, option: Int?, field: String, message: String, detail: String) {
        self.severity = severity
        self.scene = scene
        self.option = option
        self.field = field
        self.message = message
        self.detail = detail
    }
}

/// Checks a story in the studio with `forum check`'s own rules: the story is written as the
/// file `forum studio` would publish (``StoryYAMLWriter``), parsed by ``StoryParser``, and
/// each diagnostic's line is traced back to the scene, option and field it was written from.
public enum StudioChecks {
    /// Every error and warning `forum check` would report for `story`, at its field.
    public static func check(_ story: Story) -> [FieldCheck] {
        let yaml = StoryYAMLWriter.yaml(story)
        let (_, diagnostics) = StoryParser.parse(
            SourceFile(path: "\(story.id).yaml", text: yaml), availableFiles: nil)
        let places = FieldPlaces(yaml: yaml, story: story)
        return diagnostics.map { diagnostic in
            let place = places.place(ofLine: diagnostic.line)
            return FieldCheck(
                severity: diagnostic.severity.rawValue, scene: place.scene, option: place.option,
                field: place.field,
                message: PlainWords.message(for: diagnostic, at: place),
                detail: diagnostic.message + (diagnostic.hint.map { " (\($0))" } ?? ""))
        }
    }

    /// True when `checks` has no error: the story can be submitted and published.
    public static func isPublishable(_ checks: [FieldCheck]) -> Bool {
        !checks.contains { $0.severity == Diagnostic.Severity.error.rawValue }
    }
}

/// Where a line of the written story file came from. ``StoryYAMLWriter`` indents by level:
/// 2 spaces and `- id:` start a scene, 4 its fields, 6 its decision's, 8 and `- id:` an
/// option, 10 the option's fields.
struct FieldPlaces {
    struct Place: Equatable {
        var scene: String?
        var option: Int?
        var field: String
    }

    private var places: [Place] = []

    init(yaml: String, story: Story) {
        var sceneIndex = -1
        var option: Int?
        var field = "story"
        for line in yaml.split(separator: "\n", omittingEmptySubsequences: false) {
            let indent = line.prefix { $0 == " " }.count
            let body = line.dropFirst(indent)
            let key =
                body.hasPrefix("- ")
                ? String(body.dropFirst(2).prefix { $0 != ":" }) : String(body.prefix { $0 != ":" })
            switch (indent, body.hasPrefix("- id:")) {
            case (2, true):
                sceneIndex += 1
                option = nil
                field = "scene"
            case (8, true):
                option = (option ?? -1) + 1
                field = "label"
            case (0, _) where !body.isEmpty:
                field = key
                sceneIndex = key == "scenes" ? sceneIndex : -1
            case (4, false), (6, false), (10, false):
                if !body.isEmpty, !key.contains(" ") { field = key }
                if indent == 4 { option = nil }
            default: break
            }
            let scene = story.scenes.indices.contains(sceneIndex) ? story.scenes[sceneIndex].id : nil
            places.append(Place(scene: scene, option: option, field: field))
        }
    }

    /// The place of 1-based `line` (the story as a whole when out of range).
    func place(ofLine line: Int) -> Place {
        places.indices.contains(line - 1) ? places[line - 1] : Place(scene: nil, option: nil, field: "story")
    }
}
