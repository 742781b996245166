import CLibWebSockets
import ForumCore
import ForumSession
import ForumStore
import Foundation
import Logging

/// The lws glue: turns lws callbacks and mailbox messages into ``Session`` events and
/// carries the session's actions out (queue bytes and ask lws for a write slot, hand records
/// to the store, close a connection). The protocol's rules all live in the session.
///
/// Confined to the lws service thread: it is reached only from lws callbacks (through the
/// context's user pointer) and is deliberately not `Sendable`. Other threads talk to it
/// through ``Mailbox``.
final class ServiceLoop {
    let session: Session
    let keepAlive: KeepAlive
    let configuration: ServerConfiguration
    let mailbox: Mailbox
    let writer: StoreWriter
    let logger: Logger
    /// Set once the context exists; used to stop the loop.
    var eventLoop: UnsafeMutableRawPointer?
    /// How busy the loop is (set once the loop runs), read for each event.
    var loadMeter: UnsafeMutablePointer<forum_load_meter>?
    var stopping = false
    /// lws has initialised the protocol (the vhost is fully up).
    var protocolInitialised = false

    var connections: [ConnectionID: Connection] = [:]
    private var nextConnectionID: ConnectionID = 1
    /// The `LWS_PRE` headroom lws needs in front of every payload.
    let pre = forum_lws_pre()
    var scratch: [UInt8] = []
    let started = ContinuousClock.now
    /// Reports asked for and not yet built (see ServiceLoop+Report.swift).
    var reportsBuilding = 0
    /// The link to the other venues of a shared show (nil: a single-machine show).
    var venues: (any VenueTransport)?

    init(show: Show, configuration: ServerConfiguration, mailbox: Mailbox, writer: StoreWriter, joinURLs: [String]) {
        self.session = Session(
            show: show, hostKey: configuration.hostKey, moderatorKey: configuration.moderatorKey, joinURLs: joinURLs,
            joinQR: configuration.joinQRPath,
            logger: configuration.logger)
        self.keepAlive = KeepAlive(
            pingAfter: Double(configuration.pingAfterSeconds), hangUpAfter: Double(configuration.hangUpAfterSeconds))
        self.configuration = configuration
        self.mailbox = mailbox
        self.writer = writer
        self.logger = configuration.logger
    }

    /// The addresses phones join with.
    var joinURLs: [String] {
        get { session.joinURLs }
        set { session.joinURLs = newValue }
    }

    /// Now, for the session: the wall clock and the seconds since the loop was made.
    private var now: SessionTime {
        SessionTime(
            date: Date(), seconds: uptime,
            load: loadMeter.map { LoopLoad(turn: $0.pointee.turn, busy: $0.pointee.busy) } ?? LoopLoad())
    }

    /// Seconds since the loop was made.
    var uptime: Double {
        let elapsed = ContinuousClock.now - started
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }

    /// Feeds one event to the session and carries out what it asks.
    private func run(_ event: SessionEvent) {
        for action in session.handle(event, at: now) {
            switch action {
            case .send(let id, let bytes, let kind): send(bytes, to: id, kind: kind)
            case .store(let record, let ticket): writer.submit(record, ticket: ticket)
            case .close(let id): close(id)
            case .buildReport(let id, let ref, let edition): buildReport(for: id, ref: ref, edition: edition)
            case .writeStage(let bytes, let expecting, let ticket):
                venues?.writeStage(bytes, expecting: expecting, ticket: ticket)
            case .reportVenue(let bytes): venues?.report(bytes)
            }
        }
    }

    // MARK: lws callback dispatch

    /// Handles one lws callback for the Forum protocol. Never traps: a bad client costs at
    /// most its own connection (return -1).
    func handle(
        wsi: OpaquePointer, reason: lws_callback_reasons, user: UnsafeMutableRawPointer?,
        input: UnsafeMutableRawPointer?, length: Int
    ) -> Int32 {
        switch reason {
        case LWS_CALLBACK_PROTOCOL_INIT:
            protocolInitialised = true
            return 0
        case LWS_CALLBACK_ESTABLISHED:
            guard let user else { return -1 }
            let id = nextConnectionID
            nextConnectionID += 1
            user.storeBytes(of: id, as: UInt64.self)
            connections[id] = Connection(wsi: wsi, now: uptime, jitter: keepAlive.jitter(Double.random(in: 0..<1)))
            run(.connected(id, source: Self.peerAddress(of: wsi)))
            return 0
        case LWS_CALLBACK_CLOSED:
            guard let id = user?.load(as: UInt64.self), connections.removeValue(forKey: id) != nil else { return 0 }
            run(.closed(id))
            return 0
        case LWS_CALLBACK_RECEIVE:
            guard let id = user?.load(as: UInt64.self), let connection = connections[id] else { return -1 }
            connection.heard(at: uptime)
            let last = lws_is_final_fragment(wsi) != 0 && lws_remaining_packet_payload(wsi) == 0
            let binary = lws_frame_is_binary(wsi) != 0
            let fragment = input.map { Array(UnsafeRawBufferPointer(start: $0, count: length)) } ?? []
            run(.received(id, fragment: fragment, binary: binary, last: last))
            return 0
        case LWS_CALLBACK_RECEIVE_PONG:
            if let id = user?.load(as: UInt64.self) { connections[id]?.heard(at: uptime) }
            return 0
        case LWS_CALLBACK_SERVER_WRITEABLE:
            guard let id = user?.load(as: UInt64.self) else { return -1 }
            return writeNext(id: id)
        case LWS_CALLBACK_HTTP_CONFIRM_UPGRADE:
            return confirmUpgrade(wsi: wsi)
        case LWS_CALLBACK_EVENT_WAIT_CANCELLED:
            for message in mailbox.drain() { deliver(message) }
            return 0
        default:
            // As the vhost's default protocol this one also gets the HTTP callbacks of the
            // file mounts: lws's dummy handler does their bookkeeping (without it a kept-alive
            // connection was answered with its previous file again).
            return lws_callback_http_dummy(wsi, reason, user, input, length)
        }
    }

    private func writeNext(id: ConnectionID) -> Int32 {
        guard let connection = connections[id] else { return -1 }
        if connection.wantsPing, !connection.closing {
            connection.wantsPing = false
            return writePing(connection)
        }
        guard let payload = connection.takeNext() else { return connection.closing ? -1 : 0 }
        guard write(payload, to: connection) else { return -1 }
        if connection.hasMore || connection.closing { lws_callback_on_writable(connection.wsi) }
        return 0
    }

    /// Writes one text message now; false when the connection is broken. lws keeps what the
    /// socket does not take at once and sends it before the next write slot.
    private func write(_ payload: [UInt8], to connection: Connection) -> Bool {
        connection.write(payload, pre: pre, scratch: &scratch)
    }

    // MARK: Carrying out actions

    /// Queues a message for one connection and asks lws for a write slot. A phone too slow
    /// to keep up is disconnected rather than buffered without end.
    func send(_ bytes: [UInt8], to id: ConnectionID, kind: SendKind) {
        guard let connection = connections[id], !connection.closing else { return }
        // Nothing queued here or in lws: write at once. Waiting for a write slot costs two
        // epoll changes and a callback per message (a vote's ack, every phone of a fan-out).
        // What the socket does not take lws keeps (and then `lws_partial_buffered` sends the
        // next messages to the outbox, with its limit, until the write slot).
        if !connection.hasMore, !connection.wantsPing, lws_partial_buffered(connection.wsi) == 0 {
            if !write(bytes, to: connection) {
                connection.closing = true
                lws_callback_on_writable(connection.wsi)
            }
            return
        }
        if !connection.enqueue(bytes, kind: kind) {
            logger.notice("closing a connection that cannot keep up", metadata: ["connection": "\(id)"])
            connection.closing = true
            connection.clear()
        }
        lws_callback_on_writable(connection.wsi)
    }

    /// Closes a connection once what is queued for it has been written.
    private func close(_ id: ConnectionID) {
        guard let connection = connections[id] else { return }
        connection.closing = true
        lws_callback_on_writable(connection.wsi)
    }

    /// The loop's 4 Hz timer fired.
    func tick() {
        run(.tick)
        keepConnectionsAlive()
    }

    // MARK: Mailbox

    private func deliver(_ message: ServiceMessage) {
        switch message {
        case .stored(let commit):
            let failed = commit.failed.map { StoreFailure(ticket: $0.ticket, message: $0.message) }
            run(.stored(committed: commit.committed, failed: failed, retrying: commit.retrying))
        case .reportBuilt(let id, let bytes):
            reportsBuilding -= 1
            send(bytes, to: id, kind: .reply)
        case .venue(let event): run(event)
        case .stop:
            stopping = true
            if let eventLoop { forum_ev_break(eventLoop) }
        }
    }
}
