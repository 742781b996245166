/// Which report: safe to publish, or with exact counts for the organisers. `forum report`'s
/// `--edition` and the host's `report` command (docs/protocol.md) both name one.
public enum ReportEdition: String, Sendable, Encodable, CaseIterable {
    /// The room's small-group rule applied (``ShownSplit``, and no counts for rounds of 1 to 4
    /// voters): safe to publish.
    case community
    /// Exact counts, small groups included: not for publication.
    case organisers
}
