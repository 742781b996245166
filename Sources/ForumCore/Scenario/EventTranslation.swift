/// The event's own words in another language (`translations:` in event.yaml): the title, the
/// perspective labels, the session titles and what happens next. The phone page uses them
/// when it is in that language; what is not translated shows as written.
public struct EventTranslation: Sendable, Equatable, Codable {
    /// The event title.
    public var title: String?
    /// What happens next with the results.
    public var nextSteps: String?
    /// Perspective id → label.
    public var perspectives: [String: String]
    /// Session id → title.
    public var sessions: [String: String]

    /// A translation of some or all of the event's words.
    public init(
        title: String? = nil, nextSteps: String? = nil, perspectives: [String: String] = [:],
        sessions: [String: String] = [:]
    ) {
        self.title = title
        self.nextSteps = nextSteps
        self.perspectives = perspectives
        self.sessions = sessions
    }
}
