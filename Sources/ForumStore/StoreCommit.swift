/// What one commit of the ``StoreWriter`` did with the tickets it took.
public struct StoreCommit: Sendable, Equatable {
    /// A record the store could not keep, with SQLite's (or the store's) reason.
    public struct Failure: Sendable, Equatable {
        /// The ticket given with the record to ``StoreWriter/submit(_:ticket:)``.
        public var ticket: UInt64
        /// Why it failed, for a log line; not for the audience.
        public var message: String

        /// A failed ticket and its reason.
        public init(ticket: UInt64, message: String) {
            self.ticket = ticket
            self.message = message
        }
    }

    /// Tickets durably stored by this commit, in submission order.
    public var committed: [UInt64]
    /// Tickets whose records were not stored, in submission order.
    public var failed: [Failure]
    /// Set when the disk failed (full, I/O error): why. The batch's votes are then in
    /// `failed`; its other records (rounds, scenes, the snapshot...) are kept, in order, and
    /// written again until the disk takes them, and their tickets are reported then.
    public var retrying: String?

    /// A commit report.
    public init(committed: [UInt64], failed: [Failure] = [], retrying: String? = nil) {
        self.committed = committed
        self.failed = failed
        self.retrying = retrying
    }
}
