import ForumCore
import ForumNats
import ForumStore
import Foundation
import Logging

/// Forwards the votes stored at this venue to the hub's stream, from the venue's own
/// database: the database is the outbox, so nothing is lost while the hub cannot be reached,
/// after a crash or a restart. Each vote goes with the message id `venue:row id`, so the
/// stream stores a vote sent twice (a retry, a restart) once; the archive's (venue, number)
/// key keeps it once beyond the stream's two-minute window. Where to go on from is asked of
/// the stream itself (the last vote it holds from this venue) after every failure, so the
/// venue keeps no state of its own about it. Runs on a thread of its own.
final class VoteForwarder: @unchecked Sendable {
    /// Weak: the link owns the forwarder, and the thread may still wake once after both are gone.
    private weak var link: NatsVenueLink?
    private let database: ForumDatabase
    private let settings: VenueSettings
    private let mailbox: Mailbox
    private let logger: Logger
    private let lock = NSLock()
    private var running = false
    private var stopped = false
    /// Votes sent in one batch before waiting for the hub's acks.
    static let batch = 500

    init(link: NatsVenueLink, database: ForumDatabase, settings: VenueSettings, mailbox: Mailbox, logger: Logger) {
        self.link = link
        self.database = database
        self.settings = settings
        self.mailbox = mailbox
        self.logger = logger
    }

    /// Starts the thread (once the hub's stream is set up).
    func start() {
        let begin = lock.withLock {
            defer { running = true }
            return !running
        }
        if begin { Thread.detachNewThread { [self] in run() } }
    }

    func stop() { lock.withLock { stopped = true } }

    private var isStopped: Bool { lock.withLock { stopped } }

    private func run() {
        let subject = settings.names.votes(of: settings.venue)
        var confirmed: Int64?
        var known: Int64 = 0  // the last number the hub confirmed, kept across failures
        var reachable = false
        var lastStatus = Date.distantPast
        while !isStopped {
            guard let link else { return }
            guard let js = link.hub else {
                Thread.sleep(forTimeInterval: 0.5)
                continue
            }
            do {
                if confirmed == nil {
                    confirmed = try lastForwarded(js, subject: subject)
                    known = confirmed ?? known
                    if !reachable { logger.info("the hub holds this venue's votes up to number \(known)") }
                }
                let votes = try database.votesCastHere(after: confirmed ?? 0, limit: Self.batch)
                if votes.isEmpty {
                    if Date().timeIntervalSince(lastStatus) >= 1 {
                        // Idle: one question a second keeps "is the hub there" true.
                        _ = try js.lastMessage(stream: settings.names.stream, subject: subject)
                        reachable = true
                        lastStatus = Date()
                        tell(confirmed: known, reachable: reachable)
                    }
                    Thread.sleep(forTimeInterval: 0.05)
                    continue
                }
                for vote in votes {
                    try js.publishAsync(subject: subject, bytes: vote.json, messageID: "\(vote.venue):\(vote.sequence)")
                }
                guard js.waitForAcks(timeout: .seconds(5)), js.failedMessageIDs().isEmpty else {
                    throw Unconfirmed()
                }
                confirmed = votes.last?.sequence
                known = confirmed ?? known
                reachable = true
                lastStatus = Date()
                tell(confirmed: known, reachable: reachable)
            } catch {
                if reachable { logger.warning("votes wait here until the hub can be reached: \(error)") }
                reachable = false
                confirmed = nil
                tell(confirmed: known, reachable: false)
                Thread.sleep(forTimeInterval: 1)
            }
        }
    }

    /// The number of the last vote of this venue the stream holds (0: none).
    private func lastForwarded(_ js: NatsJetStream, subject: String) throws -> Int64 {
        guard let last = try js.lastMessage(stream: settings.names.stream, subject: subject) else { return 0 }
        return try RemoteVote(json: last.data).sequence
    }

    /// Tells the session how many votes are stored here and how many wait for the hub.
    private func tell(confirmed: Int64, reachable: Bool) {
        let stored = (try? database.votesCastHereCount()) ?? 0
        let behind = (try? database.votesCastHereCount(after: confirmed)) ?? stored
        mailbox.post(.venue(.outbox(stored: Int(stored), behind: Int(behind), hubReachable: reachable)))
    }

    /// The hub did not confirm every vote of a batch.
    private struct Unconfirmed: Error, CustomStringConvertible {
        var description: String { "the hub did not confirm every vote sent" }
    }
}
