import ForumCore
import ForumNats
import ForumSession
import ForumStore
import Foundation
import Logging
import Synchronization

/// `forum serve --archive FILE`: keeps the whole day of a shared show in a database of its
/// own, from the hub's stream (every venue's votes and the stage), through an
/// ``ArchiveFollower`` and a store writer of its own. Each start reads the stream from its
/// beginning: copies of entries already followed are skipped (the archive keeps the
/// revision it is at) and a vote stored already is stored once (its venue and number are
/// the key), so a restart, or a venue that sent a vote twice, changes nothing.
final class ArchiveKeeper: Sendable {
    private let database: ForumDatabase
    private let writer: StoreWriter
    private let follower: Mutex<ArchiveFollower>
    private let subscription = Mutex<NatsSubscription?>(nil)
    private let tickets = Atomic<UInt64>(1)
    private let stopped = Atomic<Bool>(false)
    private let names: SharedShowNames
    private let logger: Logger

    /// Opens (or creates) the archive at `path` and starts following the stream once the
    /// venue's link reaches the hub.
    init(path: String, library: Library, hostKey: String, link: NatsVenueLink, names: SharedShowNames, logger: Logger)
        throws
    {
        database = try ForumDatabase(path: path)
        try database.setEventTitle(library.programme.title)
        let show = try ShowResumption.resume(library: library, from: database)
        follower = Mutex(
            ArchiveFollower(
                show: show, hostKey: hostKey, revision: try database.sharedRevision() ?? 0,
                rounds: Set(try database.roundIDs()), logger: logger))
        self.names = names
        self.logger = logger
        writer = StoreWriter(database: database) { commit in
            for failure in commit.failed {
                logger.error("the archive could not keep a record", metadata: ["error": "\(failure.message)"])
            }
        }
        Thread.detachNewThread { [self] in follow(link) }
    }

    private func follow(_ link: NatsVenueLink) {
        while !stopped.load(ordering: .relaxed) {
            guard let js = link.hub else {
                Thread.sleep(forTimeInterval: 0.5)
                continue
            }
            do {
                let consumer = try js.consume(stream: names.stream, subject: "forum.\(names.show).>", fromSequence: 1) {
                    [self] message in take(message)
                }
                subscription.withLock { $0 = consumer }
                logger.info("the archive follows the stream \(names.stream)")
                return
            } catch {
                logger.warning("the archive cannot read the stream yet: \(error)")
                Thread.sleep(forTimeInterval: 1)
            }
        }
    }

    private func take(_ message: NatsStoredMessage) {
        let records = follower.withLock { $0.take(subject: message.subject, data: message.data, names: names) }
        for record in records {
            writer.submit(record, ticket: tickets.add(1, ordering: .relaxed).oldValue)
        }
    }

    /// Stops following, writes what is queued and closes the archive.
    func stop() {
        stopped.store(true, ordering: .relaxed)
        subscription.withLock { $0?.unsubscribe() }
        writer.close()
        database.close()
    }
}
