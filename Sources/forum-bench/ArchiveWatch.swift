import GRDB

/// The archive database of a show held in several venues (`forum serve --archive FILE`), read
/// read-only while the show runs: how many votes it holds from each venue.
final class ArchiveWatch {
    let path: String
    private var queue: DatabaseQueue?
    private var lastPoll: UInt64 = 0
    /// Votes per venue at the last poll (empty until the file can be read).
    private(set) var counts: [String: Int] = [:]

    init(path: String) {
        self.path = path
    }

    /// Reads the counts again if `interval` milliseconds have passed since the last read;
    /// a file not there yet (or busy) reads as no votes.
    func poll(everyMilliseconds interval: Double = 50) -> [String: Int] {
        let now = Clock.now()
        guard lastPoll == 0 || Clock.milliseconds(from: lastPoll, to: now) >= interval else { return counts }
        lastPoll = now
        do {
            if queue == nil {
                var configuration = Configuration()
                configuration.readonly = true
                queue = try DatabaseQueue(path: path, configuration: configuration)
            }
            let rows = try queue!.read { db in
                try Row.fetchAll(db, sql: "SELECT venue, count(*) AS n FROM votes GROUP BY venue")
            }
            var read: [String: Int] = [:]
            for row in rows { read[(row["venue"] as String?) ?? "(none)"] = row["n"] }
            counts = read
        } catch {
            queue = nil
        }
        return counts
    }
}
