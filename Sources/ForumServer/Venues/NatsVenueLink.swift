import ForumCore
import ForumNats
import ForumSession
import ForumStore
import Foundation
import Logging

/// How `forum serve --nats` reaches the other venues: the NATS server (the venue's own leaf
/// node, or the hub), the hub's JetStream domain, the show's names and this venue's.
public struct VenueSettings: Sendable {
    public var nats: NatsOptions
    /// The JetStream domain of the hub (`jetstream { domain: ... }` in its configuration):
    /// a leaf node without JetStream of its own reaches the hub's through it. Nil: the
    /// server Forum connects to has JetStream itself.
    public var domain: String?
    public var names: SharedShowNames
    public var venue: String

    /// Settings for one venue.
    public init(nats: NatsOptions, domain: String?, names: SharedShowNames, venue: String) {
        self.nats = nats
        self.domain = domain
        self.names = names
        self.venue = venue
    }
}

/// The NATS side of a shared show for one venue (see docs/venues.md): it watches the shared
/// entry and passes each change to the session (and a copy to the stream, for the archive),
/// writes the entry with compare-and-set when this venue's host moves the show, publishes
/// and hears the venues' reports, and forwards the votes stored here (``VoteForwarder``).
/// Every NATS answer reaches the service thread through the mailbox. Setting up the bucket
/// and the stream needs the hub: while it cannot be reached the venue runs on its own and
/// tries again each second.
final class NatsVenueLink: VenueTransport, @unchecked Sendable {
    private let settings: VenueSettings
    private let mailbox: Mailbox
    private let logger: Logger
    private let connection: NatsConnection
    private let writes = DispatchQueue(label: "forum.venues.writes")
    private let lock = NSLock()
    private var jetStream: NatsJetStream?
    private var keyValue: NatsKeyValue?
    private var watch: NatsWatch?
    private var reports: NatsSubscription?
    private var forwarder: VoteForwarder?
    private var stopped = false

    /// Connects (at once, or in the background while no server is up) and starts setting up.
    init(settings: VenueSettings, database: ForumDatabase, mailbox: Mailbox, logger: Logger) throws {
        self.settings = settings
        self.mailbox = mailbox
        self.logger = logger
        connection = try NatsConnection.connect(settings.nats, logger: logger) { status in
            logger.info("NATS link: \(status)")
        }
        let names = settings.names
        reports = try connection.subscribe(subject: names.reports) { message in
            mailbox.post(.venue(.venueReported(message.data)))
        }
        forwarder = VoteForwarder(link: self, database: database, settings: settings, mailbox: mailbox, logger: logger)
        Thread.detachNewThread { [self] in setUp() }
    }

    /// The hub's JetStream, once set up.
    var hub: NatsJetStream? { lock.withLock { jetStream } }

    private func setUp() {
        let names = settings.names
        var warned = false
        while !lock.withLock({ stopped }) {
            do {
                let js = try connection.jetStream(domain: settings.domain)
                try js.ensureStream(name: names.stream, subjects: names.streamSubjects)
                let kv = try js.keyValue(bucket: names.bucket, history: 64, create: true)
                lock.withLock {
                    jetStream = js
                    keyValue = kv
                }
                let watching = try kv.watch(names.key) { [mailbox] entry in
                    guard let entry else { return }
                    // A copy for the archive first: this venue's votes on the entry's round
                    // then reach the stream after it.
                    try? js.publishAsync(
                        subject: names.stage, bytes: StageCopy.bytes(revision: entry.revision, entry: entry.value),
                        messageID: "stage:\(entry.revision)")
                    mailbox.post(.venue(.stageChanged(entry: entry.value, revision: entry.revision)))
                }
                lock.withLock { watch = watching }
                logger.info("shared show \(names.show): venue \(settings.venue) linked to the hub")
                forwarder?.start()
                return
            } catch {
                if !warned {
                    logger.warning(
                        "shared show: the hub cannot be reached yet (\(error)); this venue runs on its own meanwhile")
                    warned = true
                }
                Thread.sleep(forTimeInterval: 1)
            }
        }
    }

    func writeStage(_ bytes: [UInt8], expecting: UInt64, ticket: UInt64) {
        writes.async { [self] in
            let result: StageWriteResult
            if let kv = lock.withLock({ keyValue }) {
                result = Self.write(bytes, expecting: expecting, key: settings.names.key, in: kv)
            } else {
                result = .failed("the hub has not been reached since this venue started")
            }
            mailbox.post(.venue(.stageWritten(ticket: ticket, result: result)))
        }
    }

    private static func write(_ bytes: [UInt8], expecting: UInt64, key: String, in kv: NatsKeyValue) -> StageWriteResult
    {
        if expecting == 0 {
            do {
                return .written(revision: try kv.create(key, bytes))
            } catch {
                return error.kind == .keyExists ? .conflict : .failed(error.description)
            }
        }
        switch kv.update(key, bytes, expecting: expecting) {
        case .written(let revision): return .written(revision: revision)
        case .conflict: return .conflict
        case .failed(let error): return .failed(error.description)
        }
    }

    func report(_ bytes: [UInt8]) {
        try? connection.publish(subject: settings.names.report(of: settings.venue), bytes: bytes)
    }

    /// Stops watching, forwarding and hearing, and closes the connection.
    func stop() {
        lock.withLock { stopped = true }
        forwarder?.stop()
        lock.withLock {
            watch?.stop()
            reports?.unsubscribe()
        }
        connection.close()
    }
}
