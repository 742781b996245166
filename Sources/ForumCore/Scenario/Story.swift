/// One community-built story (a scenario file), after loading and checking.
///
/// Scenes keep the order of the file; `start` always names an existing scene once the
/// checker has passed the file.
public struct Story: Sendable, Equatable, Codable {
    /// The file name without `.yaml`; unique within a scenario folder.
    public var id: String
    public var title: String
    public var summary: String?
    public var authors: [String]
    /// BCP 47 tag, `en` when the file does not say.
    public var language: String
    public var contentNotes: [String]
    /// The id of the first scene.
    public var start: String
    public var scenes: [Scene]
    /// The Twine story's IFID when the story came from Twine, kept for taking it back there.
    public var ifid: String?

    public init(
        id: String, title: String, summary: String? = nil, authors: [String] = [],
        language: String = "en", contentNotes: [String] = [], start: String, scenes: [Scene],
        ifid: String? = nil
    ) {
        self.id = id
        self.title = title
        self.summary = summary
        self.authors = authors
        self.language = language
        self.contentNotes = contentNotes
        self.start = start
        self.scenes = scenes
        self.ifid = ifid
    }

    /// The scene with this id, if the story has one.
    public func scene(_ id: String) -> Scene? {
        scenes.first { $0.id == id }
    }
}

/// One scene of a story: text, optional image, optional host notes, and either a `next`
/// scene, a decision, or neither (an ending).
public struct Scene: Sendable, Equatable, Codable {
    public var id: String
    public var title: String?
    public var text: String
    /// Path relative to the scenario folder.
    public var image: String?
    public var imageAlt: String?
    /// Facilitation notes: for the host console only, never sent to the audience.
    public var hostNotes: String?
    public var next: String?
    public var decision: Decision?

    public init(
        id: String, title: String? = nil, text: String, image: String? = nil, imageAlt: String? = nil,
        hostNotes: String? = nil, next: String? = nil, decision: Decision? = nil
    ) {
        self.id = id
        self.title = title
        self.text = text
        self.image = image
        self.imageAlt = imageAlt
        self.hostNotes = hostNotes
        self.next = next
        self.decision = decision
    }

    /// True when the scene has neither `next` nor a decision.
    public var isEnding: Bool { next == nil && decision == nil }
}

/// A vote the audience is asked at a scene: a question and 2 to 8 options.
public struct Decision: Sendable, Equatable, Codable {
    public var question: String
    public var options: [Option]
    /// The scene used by options that have no `next` of their own.
    public var next: String?

    public init(question: String, options: [Option], next: String? = nil) {
        self.question = question
        self.options = options
        self.next = next
    }

    /// The option with this id, if the decision has one.
    public func option(_ id: String) -> Option? {
        options.first { $0.id == id }
    }

    /// Where choosing `option` leads: its own `next`, else the decision's, else nowhere.
    public func destination(of option: Option) -> String? {
        option.next ?? next
    }
}

/// One answer the audience can vote for.
public struct Option: Sendable, Equatable, Codable {
    public var id: String
    public var label: String
    public var next: String?

    public init(id: String, label: String, next: String? = nil) {
        self.id = id
        self.label = label
        self.next = next
    }
}
