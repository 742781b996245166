/// The protocol's name of each host command: the `command` of a host's message and of the
/// `ack` that answers it (docs/protocol.md, "Hosting"), in the order the docs list them.
public enum HostCommandName: String, Sendable, Equatable, CaseIterable {
    case start
    case next
    case back
    case goto
    case open
    case close
    case reveal
    case follow
    case choose
    case replay
    case end
    case session
    case results
    case split
    case finish
    case join
    case undo
    case note
    case report
    case acknowledge
    case stops
    case proposals
    case showProposals = "show_proposals"
    case approve
    case reject
    case merge
    case adopt
}
