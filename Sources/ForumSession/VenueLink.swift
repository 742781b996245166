import ForumCore

/// How a write of the shared entry ended (``SessionEvent/stageWritten(ticket:result:)``).
public enum StageWriteResult: Sendable, Equatable {
    /// Stored as this revision.
    case written(revision: UInt64)
    /// Another venue wrote first: the entry was not at the revision this one replaced.
    case conflict
    /// The hub could not be reached (cut off, no answer): nothing was written.
    case failed(String)
}

/// The session's side of a show shared between venues: which revision of the shared entry
/// the show is at, the write in flight and the host commands waiting behind it, and what
/// the other venues last reported.
struct VenueLink {
    /// A write of the shared entry on its way.
    struct Write {
        var ticket: UInt64
        var command: HostCommand
        var connection: ConnectionID?
        var ref: String?
        var entry: StageEntry
    }

    let venue: String
    let seal: StageSeal
    /// The stories' fingerprint (``StageEntry/library``).
    let library: String
    /// The revision of the shared entry the show is at (0: none yet).
    var revision: UInt64 = 0
    /// The latest revision of the shared entry seen, followed or refused: a write replaces
    /// it (so an entry refused, one written without the host key, cannot block the host).
    var latest: UInt64 = 0
    var writing: Write?
    var nextTicket: UInt64 = 1
    /// Host commands that came while a write was on its way, in order.
    var waiting: [(connection: ConnectionID?, ref: String?, command: HostCommand)] = []
    /// The latest report of each other venue, and when it came (session seconds).
    var heard: [String: (report: VenueReport, at: Double)] = [:]
    /// This venue's votes stored, and those the hub has not confirmed.
    var votesStored = 0
    var votesBehind = 0
    /// Whether the hub answered lately (the IO side says).
    var hubReachable = false
    /// When a timed vote's end was last offered to the shared entry.
    var lastExpiryAttempt = -Double.infinity
    /// Entries refused (not sealed with the host key, other stories, or old ones again).
    var refused = 0
    /// What the hosts were last shown of the venues, to send them a state when it changes.
    var shown: [VenueStatus] = []

    /// A venue heard from within this many seconds is connected.
    static let heardWithin = 3.0
}
