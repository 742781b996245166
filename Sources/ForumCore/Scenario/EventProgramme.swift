/// The event file (`scenarios/event.yaml`): title, the perspectives the audience may pick
/// from, the programme of sessions, the event's support lines and what happens next with
/// the results.
public struct EventProgramme: Sendable, Equatable, Codable {
    public var title: String
    public var perspectives: [Perspective]
    public var sessions: [ProgrammeSession]
    /// The support lines phones offer (empty: the event names none).
    public var support: [SupportLine]
    /// What happens next with the results, for the closing screen.
    public var nextSteps: String
    /// The event's words in other languages, by language tag.
    public var translations: [String: EventTranslation]
    /// Perspectives read together in the report (none: each on its own).
    public var perspectiveGroups: [PerspectiveGroup]

    public init(
        title: String, perspectives: [Perspective], sessions: [ProgrammeSession], support: [SupportLine] = [],
        nextSteps: String = EventProgramme.defaultNextSteps, translations: [String: EventTranslation] = [:],
        perspectiveGroups: [PerspectiveGroup] = []
    ) {
        self.title = title
        self.perspectives = perspectives
        self.sessions = sessions
        self.support = support
        self.nextSteps = nextSteps
        self.translations = translations
        self.perspectiveGroups = perspectiveGroups
    }

    /// The perspective with this id, if the event offers it.
    public func perspective(_ id: String) -> Perspective? {
        perspectives.first { $0.id == id }
    }

    /// The session with this id, if the programme has one.
    public func session(_ id: String) -> ProgrammeSession? {
        sessions.first { $0.id == id }
    }

    /// The perspectives used when there is no event file (scenario-format.md).
    public static let defaultPerspectives: [Perspective] = [
        Perspective(id: "lived-experience", label: "I have used mental health services"),
        Perspective(id: "carer", label: "Family member or carer"),
        Perspective(id: "police", label: "Police"),
        Perspective(id: "ambulance", label: "Ambulance service"),
        Perspective(id: "primary-care", label: "GP or primary care"),
        Perspective(id: "mental-health", label: "Mental health services"),
        Perspective(id: "commissioner", label: "Commissioner or planner"),
        Perspective(id: "voluntary-sector", label: "Voluntary or community sector"),
        Perspective(id: "other", label: "Something else"),
    ]
}

/// Where an audience member says they come from. Always optional for them.
public struct Perspective: Sendable, Equatable, Codable {
    public var id: String
    public var label: String

    public init(id: String, label: String) {
        self.id = id
        self.label = label
    }
}

/// One section of the day, with the stories replayed in it.
public struct ProgrammeSession: Sendable, Equatable, Codable {
    public var id: String
    public var title: String
    /// Local start time as written in the file, such as `"10:00"`.
    public var starts: String?
    public var stories: [String]

    public init(id: String, title: String, starts: String? = nil, stories: [String]) {
        self.id = id
        self.title = title
        self.starts = starts
        self.stories = stories
    }
}

/// Everything the show replays: the programme and the stories, in programme order.
public struct Library: Sendable, Equatable {
    public var programme: EventProgramme
    /// Stories in a stable order: programme order first, then any others by id.
    public var stories: [Story]

    public init(programme: EventProgramme, stories: [Story]) {
        self.programme = programme
        self.stories = stories
    }

    /// The story with this id, if the library has one.
    public func story(_ id: String) -> Story? {
        stories.first { $0.id == id }
    }
}
