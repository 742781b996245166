import ForumCore

/// The sizes a studio story may have, and the cleaning of its text: community text is data,
/// so control characters never reach the store or a story file.
public enum TextLimits {
    /// The most scenes in one story.
    public static let scenes = 120
    /// The longest scene text (the checker warns from 1,200 already).
    public static let sceneText = 6_000
    /// Titles, labels, questions, alt text, content notes, image paths.
    public static let shortText = 300
    /// Host notes.
    public static let hostNotes = 3_000
    /// The most content notes.
    public static let contentNotes = 12
    /// The largest story as JSON, in bytes.
    public static let storyBytes = 256 * 1024

    /// `text` without control characters (line breaks kept as line feeds).
    public static func cleaned(_ text: String) -> String {
        ControlCharacters.cleaned(text)
    }

    /// `story` with its text cleaned, or why it is too big. Option counts above 8 and other
    /// mistakes a writer can make are left for the checks; only what no story can need is refused.
    public static func validated(_ story: Story) -> Result<Story, StudioError> {
        var story = story
        guard story.scenes.count <= scenes else {
            return .failure(StudioError(.tooLarge, "A story can have at most \(scenes) scenes."))
        }
        guard story.contentNotes.count <= contentNotes else {
            return .failure(StudioError(.tooLarge, "A story can have at most \(contentNotes) content notes."))
        }
        func short(_ text: String, _ what: String) throws -> String {
            let text = cleaned(text)
            guard text.count <= shortText else {
                throw StudioError(.tooLarge, "The \(what) is too long: at most \(shortText) characters.")
            }
            return text
        }
        do {
            story.title = try short(story.title, "title")
            story.summary = try story.summary.map { try short($0, "summary") }
            story.contentNotes = try story.contentNotes.map { try short($0, "content note") }
            story.authors = try story.authors.map { try short($0, "author name") }
            for index in story.scenes.indices {
                var scene = story.scenes[index]
                scene.text = cleaned(scene.text)
                guard scene.text.count <= sceneText else {
                    throw StudioError(.tooLarge, "A scene's text can be at most \(sceneText) characters.")
                }
                scene.title = try scene.title.map { try short($0, "scene name") }
                scene.imageAlt = try scene.imageAlt.map { try short($0, "picture description") }
                scene.image = try scene.image.map { try short($0, "picture path") }
                if let notes = scene.hostNotes.map(cleaned) {
                    scene.hostNotes = notes
                    guard notes.count <= hostNotes else {
                        throw StudioError(.tooLarge, "Host notes can be at most \(hostNotes) characters.")
                    }
                }
                if var decision = scene.decision {
                    guard decision.options.count <= 8 else {
                        throw StudioError(.tooLarge, "A decision can have at most 8 options.")
                    }
                    decision.question = try short(decision.question, "question")
                    for option in decision.options.indices {
                        decision.options[option].label = try short(decision.options[option].label, "option")
                    }
                    scene.decision = decision
                }
                story.scenes[index] = scene
            }
        } catch let error as StudioError {
            return .failure(error)
        } catch {
            return .failure(StudioError(.invalidContent, "\(error)"))
        }
        return .success(story)
    }
}
