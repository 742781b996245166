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
    /// Show (or stop showing) this scene's results split by perspective to the room; `by`
    /// *(addition)* splits by place instead (nil: keep the scene's dimension, else perspective).
    case split(Bool, by: SplitDimension? = nil)
    /// End the day: every screen shows the closing screen until a story starts again.
    case finish
    /// Show (or stop showing) the full-screen join screen on the projector.
    case join(Bool)
    /// Take back the last move of the room: the scene before, with its round as it was.
    case undo
    /// A facilitator's note on the current decision, kept for the report; never shown to the room.
    case note(text: String)
    /// Acknowledge the room's stops in this scene (the count is kept for the report).
    case acknowledge
    /// Show (or stop showing) on the projector how many people want to step in.
    case stops(Bool)
    /// Open (or close) proposals from phones for the scene on now.
    case proposals(Bool)
    /// Show (or stop showing) this scene's approved proposals on the projector.
    case showProposals(Bool)
    /// Approve a proposal (also a moderator's command).
    case approve(proposal: String)
    /// Reject a proposal (also a moderator's command).
    case reject(proposal: String)
    /// Merge a proposal into another with the same idea (also a moderator's command).
    case merge(proposal: String, into: String)
    /// Put an approved proposal to the vote: a new round of this decision with it as an option.
    case adopt(proposal: String)
    /// The show's report as it stands, built from the database and sent to this host only
    /// (a `report` message); the show does not change.
    case report(edition: ReportEdition)

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
        case .acknowledge: .acknowledge
        case .stops: .stops
        case .proposals: .proposals
        case .showProposals: .showProposals
        case .approve: .approve
        case .reject: .reject
        case .merge: .merge
        case .adopt: .adopt
        case .report: .report
        }
    }

    /// Every command name the protocol knows, in the order the docs list them.
    public static let names = HostCommandName.allCases.map(\.rawValue)

    /// The commands a moderator (the `moderator` role) may send.
    public static let moderatorNames: Set<HostCommandName> = [.approve, .reject, .merge]
}
