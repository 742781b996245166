import CLibWebSockets
import ForumStudioService
import Foundation
import Synchronization

/// A running `forum studio`: the studio page and its WebSocket protocol on one lws service
/// thread with a libev loop, the database on a serial queue behind it.
public final class StudioServer: Sendable {
    public let port: Int
    private let mailbox: StudioMailbox
    private let finished: DispatchSemaphore
    private let stopped = Mutex(false)

    private init(port: Int, mailbox: StudioMailbox, finished: DispatchSemaphore) {
        self.port = port
        self.mailbox = mailbox
        self.finished = finished
    }

    /// Starts serving `webRoot` (its `studio/` folder at `/`) on `port` (0: any) and returns
    /// once it listens.
    public static func start(port: Int, webRoot: String, service: StudioService) throws -> StudioServer {
        let mailbox = StudioMailbox()
        let finished = DispatchSemaphore(value: 0)
        let ready = DispatchSemaphore(value: 0)
        let outcome = Mutex<Result<Int, LwsContext.StartError>?>(nil)
        let thread = Thread {
            runStudioThread(port: port, webRoot: webRoot, service: service, mailbox: mailbox) { result in
                outcome.withLock { $0 = result }
                ready.signal()
            }
            finished.signal()
        }
        thread.name = "forum-studio-lws"
        thread.start()
        ready.wait()
        switch outcome.withLock({ $0 }) {
        case .success(let listening): return StudioServer(port: listening, mailbox: mailbox, finished: finished)
        case .failure(let error):
            finished.wait()
            throw error
        case nil: throw LwsContext.StartError(description: "the studio thread stopped before it started")
        }
    }

    /// Asks the server to stop. Safe from any thread.
    public func stop() {
        let first = stopped.withLock { stopped in
            defer { stopped = true }
            return !stopped
        }
        if first { mailbox.post(.stop) }
    }

    /// Blocks until the service thread has finished.
    public func wait() {
        finished.wait()
        finished.signal()
    }
}

private func runStudioThread(
    port: Int, webRoot: String, service: StudioService, mailbox: StudioMailbox,
    report: (Result<Int, LwsContext.StartError>) -> Void
) {
    lws_set_log_level(LLL_ERR, nil)
    guard let eventLoop = forum_ev_loop_new() else {
        report(.failure(LwsContext.StartError(description: "could not create the event loop")))
        return
    }
    defer { forum_ev_loop_destroy(eventLoop) }
    let pages = try? PrecompressedPages(webRoot: webRoot)
    defer { pages?.remove() }
    let loop = StudioLoop(service: service, mailbox: mailbox)
    let context: LwsContext
    do {
        context = try LwsContext(port: port, setup: loop.setup(webRoot: webRoot, pages: pages), eventLoop: eventLoop)
    } catch {
        report(.failure(error as? LwsContext.StartError ?? .init(description: "\(error)")))
        return
    }
    loop.eventLoop = eventLoop
    let deadline = Date().addingTimeInterval(5)
    while !loop.protocolInitialised, Date() < deadline { forum_ev_run_nowait(eventLoop) }
    mailbox.attach(context.context)
    report(.success(context.listenPort))
    withExtendedLifetime(loop) {
        forum_ev_run(eventLoop)
        mailbox.attach(nil)
        loop.storeQueue.sync {}
        context.destroy()
        forum_ev_run_nowait(eventLoop)
    }
}
