/// A story as written in its file, with where each part is, before the checker's rules run.
///
/// Parts that could not be read are nil, so the rules can still check everything else.
struct StoryDraft {
    /// The id taken from the file name.
    var id: String
    var title: Located<String>?
    var summary: String?
    var authors: [String] = []
    var language: Located<String>?
    var contentNotes: [String] = []
    var start: Located<String>?
    var ifid: Located<String>?
    var scenes: [SceneDraft] = []
    /// Where `scenes:` is written; the start of the file when it is missing.
    var scenesPosition: SourcePosition = .start

    /// The checked story, or nil when a required part is missing.
    func story() -> Story? {
        guard let title, let firstScene = scenes.first?.id?.value else { return nil }
        var built: [Scene] = []
        for scene in scenes {
            guard let scene = scene.scene() else { return nil }
            built.append(scene)
        }
        return Story(
            id: id, title: title.value, summary: summary, authors: authors,
            language: language?.value ?? "en", contentNotes: contentNotes,
            start: start?.value ?? firstScene, scenes: built, ifid: ifid?.value)
    }
}

/// One scene as written.
struct SceneDraft {
    /// Where the scene's block starts.
    var position: SourcePosition
    var id: Located<String>?
    var title: String?
    var text: Located<String>?
    var image: Located<String>?
    var imageAlt: Located<String>?
    var hostNotes: String?
    var next: Located<String>?
    var decision: DecisionDraft?
    /// Keys an unknown key was probably meant to be (already reported as a typo).
    var misspeltKeys: Set<String> = []
    /// True when `decision` has a value that could not be read (already reported).
    var hasUnreadableDecision = false

    /// The checked scene, or nil when a required part is missing.
    func scene() -> Scene? {
        guard let id, let text else { return nil }
        var built: Decision?
        if let decision {
            guard let decision = decision.decision() else { return nil }
            built = decision
        }
        return Scene(
            id: id.value, title: title, text: text.value, image: image?.value, imageAlt: imageAlt?.value,
            hostNotes: hostNotes, next: next?.value, decision: built)
    }
}

/// A scene's decision as written.
struct DecisionDraft {
    /// Where `decision:` is written.
    var position: SourcePosition
    var question: Located<String>?
    var options: [OptionDraft] = []
    /// How many entries `options` lists (some may not have been readable), and where.
    var optionsList: Located<Int>?
    var next: Located<String>?

    /// The checked decision, or nil when a required part is missing.
    func decision() -> Decision? {
        guard let question, optionsList?.value == options.count else { return nil }
        var built: [Option] = []
        for option in options {
            guard let id = option.id, let label = option.label else { return nil }
            built.append(Option(id: id.value, label: label.value, next: option.next?.value))
        }
        return Decision(question: question.value, options: built, next: next?.value)
    }
}

/// One option of a decision as written.
struct OptionDraft {
    /// Where the option's block starts.
    var position: SourcePosition
    var id: Located<String>?
    var label: Located<String>?
    var next: Located<String>?
}
