import CNats
import Foundation
import Logging

/// What the link to NATS is doing, as libnats reports it.
public enum NatsLinkStatus: Sendable, Equatable {
    /// The first connection is up (at once, or later when no server was up at `connect`).
    case connected
    /// The link broke; libnats keeps reconnecting (publishes are buffered meanwhile).
    case disconnected
    /// The link is back; subscriptions (and ordered consumers) are re-established.
    case reconnected
    /// The connection was closed and will not come back.
    case closed
}

/// One connection to NATS (libnats's `natsConnection`), shared by any number of threads.
///
/// Threads: `onStatus` runs on libnats's own callback thread for the connection (except the
/// first `.connected` of a connection that came up at once, which runs on the thread calling
/// `connect` before it returns); each subscription's handler runs on libnats's delivery thread
/// for that subscription, one message at a time. Never block those threads for long: hand the
/// work to your own queue or mailbox.
public final class NatsConnection: @unchecked Sendable {
    /// libnats's connection; valid until `close`.
    let pointer: OpaquePointer
    private let statusClosure: UnsafeMutableRawPointer
    private let lock = NSLock()
    private var isClosed = false
    let logger: Logger

    private init(pointer: OpaquePointer, statusClosure: UnsafeMutableRawPointer, logger: Logger) {
        self.pointer = pointer
        self.statusClosure = statusClosure
        self.logger = logger
    }

    deinit { close() }

    /// Connects with `options`. Returns at once when no server is up yet (it keeps trying
    /// and reports `.connected` then); throws at once for what retrying cannot fix: a
    /// refused user or password, a TLS failure, a bad URL or credentials file.
    public static func connect(
        _ options: NatsOptions, logger: Logger = Logger(label: "forum.nats"),
        onStatus: @escaping @Sendable (NatsLinkStatus) -> Void = { _ in }
    ) throws(NatsError) -> NatsConnection {
        let cOptions = try options.makeCOptions()
        defer { natsOptions_Destroy(cOptions) }
        let box = StatusBox(onStatus: onStatus, logger: logger, urls: options.redactedURLs)
        let closure = NatsRegistry.shared.add(box)
        var connection: OpaquePointer?
        do {
            try check(natsOptions_SetDisconnectedCB(cOptions, onDisconnected, closure), "set callbacks")
            try check(natsOptions_SetReconnectedCB(cOptions, onReconnected, closure), "set callbacks")
            try check(natsOptions_SetClosedCB(cOptions, onClosed, closure), "set callbacks")
            try check(natsOptions_SetErrorHandler(cOptions, onAsyncError, closure), "set callbacks")
            // One attempt first: a wrong password or a TLS failure must be an error, not a
            // retry forever. Anything else (no server reachable, a timeout) goes on to the
            // retrying connect, which returns at once and connects in the background.
            try check(natsOptions_SetRetryOnFailedConnect(cOptions, false, nil, nil), "set retries")
            var status = natsConnection_Connect(&connection, cOptions)
            if status != NATS_OK && NatsError("connect", status: status).isRetryable {
                try check(natsOptions_SetRetryOnFailedConnect(cOptions, true, onConnected, closure), "set retries")
                status = natsConnection_Connect(&connection, cOptions)
                if status == NATS_NOT_YET_CONNECTED {
                    logger.info("NATS: no server up yet at \(options.redactedURLs); connecting in the background")
                    status = NATS_OK
                }
            } else if status == NATS_OK {
                onStatus(.connected)
            }
            try check(status, "connect to \(options.redactedURLs)")
        } catch {
            NatsRegistry.shared.remove(closure)
            if let connection { natsConnection_Destroy(connection) }
            throw error
        }
        guard let connection else {
            NatsRegistry.shared.remove(closure)
            throw NatsError("connect to \(options.redactedURLs)", message: "libnats returned no connection")
        }
        return NatsConnection(pointer: connection, statusClosure: closure, logger: logger)
    }

    /// Whether the link is up right now.
    public var isConnected: Bool { natsConnection_Status(pointer) == NATS_CONN_STATUS_CONNECTED }

    /// Publishes `bytes` on `subject` (core NATS: at most once; buffered while reconnecting).
    public func publish(subject: String, bytes: [UInt8]) throws(NatsError) {
        let status = bytes.withUnsafeBytes { natsConnection_Publish(pointer, subject, $0.baseAddress, Int32($0.count)) }
        try check(status, "publish on \(subject)")
    }

    /// Subscribes to `subject` (wildcards allowed); `handler` runs on libnats's delivery
    /// thread for this subscription, in arrival order. Keep the result: dropping it unsubscribes.
    public func subscribe(
        subject: String, handler: @escaping @Sendable (NatsMessage) -> Void
    ) throws(NatsError) -> NatsSubscription {
        let closure = NatsRegistry.shared.add(MessageBox.core(handler))
        var subscription: OpaquePointer?
        let status = natsConnection_Subscribe(&subscription, pointer, subject, onMessage, closure)
        guard status == NATS_OK, let subscription else {
            let error = NatsError("subscribe to \(subject)", status: status)
            NatsRegistry.shared.remove(closure)
            throw error
        }
        return NatsSubscription(pointer: subscription, closure: closure)
    }

    /// Waits until the server has processed everything published so far.
    public func flush(timeout: Duration = .seconds(5)) throws(NatsError) {
        try check(natsConnection_FlushTimeout(pointer, timeout.milliseconds), "flush")
    }

    /// Whether `close()` was called.
    var wasClosed: Bool { lock.withLock { isClosed } }

    /// Closes the connection and frees it (idempotent; also done on deinit). Reports `.closed`.
    public func close() {
        let first = lock.withLock {
            defer { isClosed = true }
            return !isClosed
        }
        guard first else { return }
        NatsRegistry.shared.find(statusClosure, as: StatusBox.self)?.closing()
        natsConnection_Close(pointer)
        natsConnection_Destroy(pointer)
    }

    /// The connection's JetStream context (streams, publishes with acks, consumers, key-value).
    /// With `domain`, the JetStream of that domain (a hub's, reached through a leaf node that
    /// has none of its own: its API is `$JS.<domain>.API`).
    public func jetStream(timeout: Duration = .seconds(5), domain: String? = nil) throws(NatsError) -> NatsJetStream {
        try NatsJetStream(connection: self, timeout: timeout, domain: domain)
    }
}

/// The status callback's target.
final class StatusBox: @unchecked Sendable {
    let onStatus: @Sendable (NatsLinkStatus) -> Void
    let logger: Logger
    let urls: String
    private let lock = NSLock()
    private var isClosing = false
    private var warnings = RepeatedWarnings()
    private let started = ContinuousClock.now

    /// Logs an asynchronous error, the same one at most once a minute.
    func warn(_ text: String) {
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds)
        let (shown, held) = lock.withLock { warnings.admit(text, at: seconds) }
        guard shown else { return }
        logger.warning("NATS: asynchronous error: \(text)\(held > 0 ? " (\(held) more since the last one)" : "")")
    }

    /// `close()` was called: the disconnect libnats reports on the way is not news.
    func closing() { lock.withLock { isClosing = true } }

    var closingByRequest: Bool { lock.withLock { isClosing } }

    init(onStatus: @escaping @Sendable (NatsLinkStatus) -> Void, logger: Logger, urls: String) {
        self.onStatus = onStatus
        self.logger = logger
        self.urls = urls
    }
}

private let onConnected: natsConnectionHandler = { _, closure in
    NatsRegistry.shared.find(closure, as: StatusBox.self)?.onStatus(.connected)
}

private let onDisconnected: natsConnectionHandler = { _, closure in
    guard let box = NatsRegistry.shared.find(closure, as: StatusBox.self), !box.closingByRequest else { return }
    box.logger.warning("NATS: disconnected from \(box.urls); reconnecting")
    box.onStatus(.disconnected)
}

private let onReconnected: natsConnectionHandler = { _, closure in
    guard let box = NatsRegistry.shared.find(closure, as: StatusBox.self) else { return }
    box.logger.info("NATS: reconnected to \(box.urls)")
    box.onStatus(.reconnected)
}

private let onClosed: natsConnectionHandler = { _, closure in
    let box = NatsRegistry.shared.find(closure, as: StatusBox.self)
    NatsRegistry.shared.remove(closure)
    box?.onStatus(.closed)
}

private let onAsyncError: natsErrHandler = { _, _, status, closure in
    guard let box = NatsRegistry.shared.find(closure, as: StatusBox.self) else { return }
    box.warn(String(cString: natsStatus_GetText(status)))
}

extension Duration {
    /// Whole milliseconds (at least 1), as libnats's timeouts take them.
    var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        return max(1, seconds * 1000 + attoseconds / 1_000_000_000_000_000)
    }
}
