import GRDB

/// Why the store refused a request, beyond the constraint errors SQLite itself reports.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    /// No database file at this path (readers never create one).
    case noDatabase(path: String)
    /// The file is not a Forum database, or its schema is not one this build knows.
    case unknownSchema(path: String)
    /// The database was written by a newer Forum; this build will not touch it.
    case newerSchema(path: String)
    /// Another show (a second `forum serve`) has the database open for writing.
    case inUse(path: String)
    /// The file is another program's SQLite database: Forum adds no tables to it.
    case foreignDatabase(path: String)
    /// A record refers to a story run that was never started.
    case unknownRun(String)
    /// A record refers to a vote round that was never opened.
    case unknownRound(String)
    /// A moderation refers to a proposal that was never stored.
    case unknownProposal(String)
    /// A record refers to a device that never joined.
    case unknownDevice(String)
    /// A stored time is not in the store's format (see the schema).
    case badTime(String)
    /// *(addition)* A vote names an option its round never had.
    case unknownOption(round: String, option: String)
    /// *(addition)* Not a venue's name (see ``ForumCore/RemoteVote/isVenueName(_:)``).
    case badVenue(String)
    /// *(addition)* The database already holds votes cast here under another venue (nil: a
    /// single-machine show): a venue's database keeps its name.
    case venueChanged(path: String, was: String?)
    /// *(addition)* The database is no venue's (``ForumDatabase/setVenue(_:)`` was never called),
    /// so it has no votes to send to the others.
    case noVenue(path: String)

    /// One sentence for a log line or a command-line error.
    public var description: String {
        switch self {
        case .noDatabase(let path): "There is no database at \(path)."
        case .unknownSchema(let path): "\(path) is not a Forum database (or is from an unknown version)."
        case .newerSchema(let path): "\(path) was written by a newer version of Forum."
        case .inUse(let path):
            "\(path) is in use by another forum serve: stop that one first, or give this show its own --db file."
        case .foreignDatabase(let path):
            "\(path) is another program's SQLite database, not Forum's: Forum will not add its tables to it. "
                + "Give the show a new file with --db."
        case .unknownRun(let id): "There is no story run '\(id)'."
        case .unknownRound(let id): "There is no vote round '\(id)'."
        case .unknownProposal(let id): "There is no proposal '\(id)'."
        case .unknownDevice(let token): "There is no device '\(token)'."
        case .badTime(let text): "'\(text)' is not a stored time."
        case .unknownOption(let round, let option): "Vote round '\(round)' has no option '\(option)'."
        case .badVenue(let name):
            "'\(name)' is not a venue name: use 1 to 64 letters, digits, '-' or '_'."
        case .venueChanged(let path, let was):
            "\(path) holds votes cast \(was.map { "at venue '\($0)'" } ?? "on a single-machine show"): "
                + "give this venue its own --db file."
        case .noVenue(let path): "\(path) is not a venue's database (it has no venue name)."
        }
    }

    /// True for the disk's failures rather than the records' (full, I/O error, busy, locked,
    /// cannot open, out of memory): the same write can succeed once the disk recovers.
    static func isTransient(_ error: any Error) -> Bool {
        guard let error = error as? DatabaseError else { return false }
        switch error.resultCode {
        case .SQLITE_FULL, .SQLITE_IOERR, .SQLITE_BUSY, .SQLITE_LOCKED, .SQLITE_CANTOPEN, .SQLITE_NOMEM,
            .SQLITE_PROTOCOL:
            return true
        default: return false
        }
    }

    /// A short message for any error the store throws: SQLite's own message (without the
    /// statement) for database errors, the description otherwise.
    static func message(for error: any Error) -> String {
        if let error = error as? DatabaseError {
            return "SQLite error \(error.extendedResultCode.rawValue): \(error.message ?? "\(error.resultCode)")"
        }
        return "\(error)"
    }
}
