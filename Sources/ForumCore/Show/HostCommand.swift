/// What the host can ask of the show. Wire names are the protocol's `command` values.
public enum HostCommand: Sendable, Equatable {
    case start(story: String)
    case next
    case back
    case goto(scene: String)
    /// Open a vote round; with `seconds` it closes itself when that time has passed.
    case open(seconds: Int?)
    case close
    case reveal
    case follow
    case choose(option: String)
    /// Run a scene again (default: the current one); its vote becomes a new round.
    case replay(scene: String?)
    case end
    case session(id: String)
    /// Choose who sees this scene's vote results before the reveal.
    case results(ResultsVisibility)
    /// Show (or stop showing) this scene's results split by perspective to the room.
    case split(Bool)
    /// End the day: every screen shows the closing screen until a story starts again.
    case finish
    /// Show (or stop showing) the full-screen join screen on the projector.
    case join(Bool)
    /// Take back the last move of the room: the scene before, with its round as it was.
    case undo
    /// A facilitator's note on the current decision, kept for the report; never shown to the room.
    case note(text: String)

    /// The protocol's name for the command.
    public var name: HostCommandName {
        switch self {
        case .start: .start
        case .next: .next
        case .back: .back
        case .goto: .goto
        case .open: .open
        case .close: .close
        case .reveal: .reveal
        case .follow: .follow
        case .choose: .choose
        case .replay: .replay
        case .end: .end
        case .session: .session
        case .results: .results
        case .split: .split
        case .finish: .finish
        case .join: .join
        case .undo: .undo
        case .note: .note
        }
    }

    /// Every command name the protocol knows, in the order the docs list them.
    public static let names = HostCommandName.allCases.map(\.rawValue)
}
