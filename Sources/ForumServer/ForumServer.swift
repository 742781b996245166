import CLibWebSockets
import ForumCore
import ForumStore
import Foundation
import Logging
import Synchronization

/// A running Forum server: the web pages over HTTP and the live protocol at `/ws`, on one
/// lws service thread with a libev loop.
///
/// Start it with ``start(configuration:library:database:)``; stop it with ``stop()`` (from
/// any thread, also from a signal source) and ``wait()`` for it. It resumes the show stored
/// in the database and owns the database's writer thread.
public final class ForumServer: Sendable {
    /// The port listened on.
    public let port: Int
    /// The addresses phones can use.
    public let joinURLs: [String]
    /// *(addition)* The address people following remotely use.
    public var remoteJoinURL: String? { RemoteJoinLink.url(given: remoteGiven, joinURLs: joinURLs) }
    private let remoteGiven: String?
    private let mailbox: Mailbox
    private let finished: DispatchSemaphore
    private let stopped = Mutex(false)

    private init(port: Int, joinURLs: [String], remoteGiven: String?, mailbox: Mailbox, finished: DispatchSemaphore) {
        self.port = port
        self.remoteGiven = remoteGiven
        self.joinURLs = joinURLs
        self.mailbox = mailbox
        self.finished = finished
    }

    /// Starts serving on a new thread and returns once it listens, or throws when it cannot
    /// (a busy port). The show is handed over to the service thread.
    public static func start(configuration: ServerConfiguration, library: Library, database: ForumDatabase) throws
        -> ForumServer
    {
        let show = try ShowResumption.resume(library: library, from: database)
        try database.setEventTitle(library.programme.title)
        let mailbox = Mailbox()
        let shared = try SharedShow.start(
            configuration: configuration, library: library, database: database, mailbox: mailbox)
        let writer = StoreWriter(database: database) { commit in mailbox.post(.stored(commit)) }
        let startup = Startup()
        let finished = DispatchSemaphore(value: 0)
        let thread = Thread {
            runServiceThread(
                configuration: configuration, show: show, writer: writer, mailbox: mailbox, startup: startup,
                shared: shared)
            shared?.stop()
            writer.close()
            finished.signal()
        }
        thread.name = "forum-lws"
        thread.start()
        startup.ready.wait()
        let port: Int
        let joinURLs: [String]
        switch startup.outcome.withLock({ $0 }) {
        case .success(let listening):
            (port, joinURLs) = listening
        case .failure(let error):
            finished.wait()
            throw error
        case nil:
            throw LwsContext.StartError(description: "the server thread stopped before it started")
        }
        return ForumServer(
            port: port, joinURLs: joinURLs, remoteGiven: configuration.remoteJoinURL, mailbox: mailbox,
            finished: finished)
    }

    /// Asks the server to close every connection and stop. Safe from any thread.
    public func stop() {
        let first = stopped.withLock { stopped in
            defer { stopped = true }
            return !stopped
        }
        guard first else { return }
        mailbox.post(.stop)
    }

    /// Blocks until the service thread has finished (after ``stop()``).
    public func wait() {
        finished.wait()
        finished.signal()
    }

}

/// The body of the service thread: stage the gzip copies and the QR code's folder, create
/// the loop and context, report the port, run until stopped, then tear down in order
/// (mailbox detached before the context dies, staged folders last).
private func runServiceThread(
    configuration: ServerConfiguration, show: Show, writer: StoreWriter, mailbox: Mailbox, startup: Startup,
    shared: SharedShow?
) {
    lws_set_log_level(LLL_ERR | LLL_WARN, lwsLogToSwiftLog)
    guard let eventLoop = forum_ev_loop_new() else {
        startup.report(.failure(LwsContext.StartError(description: "could not create the event loop")))
        return
    }
    defer { forum_ev_loop_destroy(eventLoop) }
    var configuration = configuration
    let staged = StagedFolders(configuration: &configuration)
    defer { staged.remove() }
    let placeholderURLs = configuration.joinURLs ?? []
    let loop = ServiceLoop(
        show: show, configuration: configuration, mailbox: mailbox, writer: writer, joinURLs: placeholderURLs)
    if let shared {
        loop.venues = shared.link
        loop.session.shareStage(asVenue: shared.venue, revision: shared.revision)
    }
    let context: LwsContext
    do {
        let folders = LwsContext.Folders(
            webRoot: configuration.webRoot, mediaRoot: configuration.mediaRoot, qrRoot: staged.joinQR?.folder.path,
            pages: staged.pages)
        context = try LwsContext(
            port: configuration.port, folders: folders, loop: loop, eventLoop: eventLoop, tls: configuration.tls)
    } catch {
        startup.report(.failure(error as? LwsContext.StartError ?? .init(description: "\(error)")))
        return
    }
    let port = context.listenPort
    let urls = configuration.joinURLs ?? JoinAddresses.urls(port: port, secure: configuration.tls != nil)
    loop.joinURLs = urls
    staged.writeJoinQR(urls: urls, configuration: configuration)
    loop.session.remoteJoin = RemoteJoinLink.stage(
        given: configuration.remoteJoinURL, joinURLs: urls, qr: staged.joinQR)
    loop.eventLoop = eventLoop
    // lws finishes starting the vhost (PROTOCOL_INIT, the listening socket's watcher) on the
    // loop's first turns; a connection accepted before that was seen to hang forever.
    let startDeadline = Date().addingTimeInterval(5)
    while !loop.protocolInitialised, Date() < startDeadline { forum_ev_run_nowait(eventLoop) }
    mailbox.attach(context.context)
    startup.report(.success((port, urls)))
    // The 4 Hz tick (coalesced tallies, timed votes) on the loop itself.
    let ticker = UnsafeMutablePointer<forum_timer>.allocate(capacity: 1)
    defer { ticker.deallocate() }
    ticker.initialize(to: forum_timer())
    ticker.pointee.user = Unmanaged.passUnretained(loop).toOpaque()
    ticker.pointee.fire = { user in
        guard let user else { return }
        Unmanaged<ServiceLoop>.fromOpaque(user).takeUnretainedValue().tick()
    }
    // How busy the loop is, for shedding votes when offered more than it can take.
    let meter = UnsafeMutablePointer<forum_load_meter>.allocate(capacity: 1)
    defer { meter.deallocate() }
    meter.initialize(to: forum_load_meter())
    loop.loadMeter = meter
    withExtendedLifetime(loop) {
        forum_timer_start(eventLoop, ticker, 0.25)
        forum_load_meter_start(eventLoop, meter)
        forum_ev_run(eventLoop)
        forum_load_meter_stop(eventLoop, meter)
        loop.loadMeter = nil
        forum_timer_stop(eventLoop, ticker)
        mailbox.attach(nil)
        context.destroy()
        forum_ev_run_nowait(eventLoop)
    }
}

/// lws log lines go to swift-log (lws calls this with a C string ending in a newline).
private func lwsLogToSwiftLog(_ level: Int32, _ line: UnsafePointer<CChar>?) {
    guard let line else { return }
    let text = String(cString: line).trimmingCharacters(in: .whitespacesAndNewlines)
    let logger = Logger(label: "forum.lws")
    if level & LLL_ERR != 0 { logger.error("\(text)") } else { logger.warning("\(text)") }
}

/// How the service thread tells ``ForumServer/start(configuration:library:database:)`` whether it
/// listens.
private final class Startup: Sendable {
    let outcome = Mutex<Result<(Int, [String]), LwsContext.StartError>?>(nil)
    let ready = DispatchSemaphore(value: 0)

    func report(_ result: Result<(Int, [String]), LwsContext.StartError>) {
        outcome.withLock { $0 = result }
        ready.signal()
    }
}
