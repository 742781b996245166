/// Who sees a vote round's results before the host reveals them. Chosen by the host for each
/// round; after a reveal everyone sees them whatever was chosen.
public enum ResultsVisibility: String, Sendable, Equatable, Codable, CaseIterable {
    /// Nobody but the host until the reveal (the default: the room votes without being led).
    case hidden
    /// Live on the projector; phones see them at the reveal.
    case screen
    /// Live on the projector and on every phone.
    case everyone

    /// The mode after this one, for a console key that cycles through them.
    public var next: ResultsVisibility {
        switch self {
        case .hidden: .screen
        case .screen: .everyone
        case .everyone: .hidden
        }
    }
}
