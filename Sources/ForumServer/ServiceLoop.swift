import CLibWebSockets
import ForumCore
import ForumStore
import Foundation
import Logging

/// The service thread's state: the show, every connection, the votes waiting for the disk.
///
/// Confined to the lws service thread: it is reached only from lws callbacks (through the
/// context's user pointer) and is deliberately not `Sendable`. Other threads talk to it
/// through ``Mailbox``.
final class ServiceLoop {
    var show: Show
    let configuration: ServerConfiguration
    let mailbox: Mailbox
    let writer: StoreWriter
    let logger: Logger
    var joinURLs: [String]
    /// Set once the context exists; used to stop the loop.
    var eventLoop: UnsafeMutableRawPointer?
    var stopping = false
    /// lws has initialised the protocol (the vhost is fully up).
    var protocolInitialised = false

    var connections: [UInt64: Connection] = [:]
    private var nextConnectionID: UInt64 = 1
    /// Audience connections now (several tabs of one phone count once each).
    var audienceConnected = 0

    /// Something a ticket is waiting for before the client hears back.
    enum PendingReply {
        case vote(connection: UInt64, ref: String?, record: VoteRecord)
        case perspective(connection: UInt64, ref: String?, perspective: String?)
        /// A re-recorded vote (perspective change): count it, nobody is waiting.
        case recount(VoteRecord)
    }
    var pending: [UInt64: PendingReply] = [:]
    private var nextTicket: UInt64 = 1

    /// Screens and hosts need a fresh tally at the next tick.
    var tallyDirty = false
    /// Store writes that failed since the start (the host is shown this).
    var storeFailures = 0
    /// The store backlog the host last saw, to tell it when the database falls behind.
    var reportedBacklog = 0
    /// The `LWS_PRE` headroom lws needs in front of every payload.
    let pre = forum_lws_pre()
    var scratch: [UInt8] = []
    let started = ContinuousClock.now

    init(show: Show, configuration: ServerConfiguration, mailbox: Mailbox, writer: StoreWriter, joinURLs: [String]) {
        self.show = show
        self.configuration = configuration
        self.mailbox = mailbox
        self.writer = writer
        self.logger = configuration.logger
        self.joinURLs = joinURLs
    }

    /// Seconds since the loop was made, for rate limits.
    var uptime: Double {
        let elapsed = ContinuousClock.now - started
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }

    /// Hands records to the store; returns the ticket of the last one.
    @discardableResult
    func store(_ records: [ShowRecord]) -> UInt64 {
        var ticket: UInt64 = 0
        for record in records {
            ticket = nextTicket
            nextTicket += 1
            writer.submit(record, ticket: ticket)
        }
        return ticket
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
            connections[id] = Connection(id: id, wsi: wsi, now: uptime)
            return 0
        case LWS_CALLBACK_CLOSED:
            guard let id = user?.load(as: UInt64.self), let connection = connections.removeValue(forKey: id) else {
                return 0
            }
            if connection.role == .audience {
                audienceConnected -= 1
                tallyDirty = true
            }
            return 0
        case LWS_CALLBACK_RECEIVE:
            guard let id = user?.load(as: UInt64.self), connections[id] != nil else { return -1 }
            return receive(id: id, wsi: wsi, input: input, length: length)
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

    private func receive(id: UInt64, wsi: OpaquePointer, input: UnsafeMutableRawPointer?, length: Int) -> Int32 {
        let isLast = lws_is_final_fragment(wsi) != 0 && lws_remaining_packet_payload(wsi) == 0
        if lws_frame_is_binary(wsi) != 0, !connections[id]!.discarding {
            // The protocol is JSON text: a binary message is skipped whole, with an error.
            connections[id]!.partial = []
            connections[id]!.discarding = true
            sendError(to: id, ProtocolError("bad_message", "Messages are JSON text: binary frames are not accepted."))
        }
        if !connections[id]!.discarding {
            if let input, length > 0 {
                connections[id]!.partial.append(contentsOf: UnsafeRawBufferPointer(start: input, count: length))
            }
            if connections[id]!.partial.count > ClientMessageDecoder.maximumSize {
                connections[id]!.partial = []
                connections[id]!.discarding = true
                sendError(
                    to: id,
                    ProtocolError("too_large", "Messages can be at most \(ClientMessageDecoder.maximumSize) bytes."))
            }
        }
        guard isLast else { return 0 }
        if connections[id]?.discarding == true {
            connections[id]?.discarding = false
            return 0
        }
        let message = connections[id]!.partial
        connections[id]!.partial = []
        guard connections[id]!.limiter.allow(now: uptime) else {
            connections[id]!.refusedInARow += 1
            let refused = connections[id]!.refusedInARow
            if refused == 1 { sendError(to: id, ProtocolError("rate_limited", "Too many messages: slow down.")) }
            if refused > 200 { close(id, reason: "flooding") }
            return 0
        }
        connections[id]!.refusedInARow = 0
        handleMessage(message, from: id)
        return 0
    }

    private func writeNext(id: UInt64) -> Int32 {
        guard var connection = connections[id] else { return -1 }
        if connection.outbox.isEmpty { return connection.closing ? -1 : 0 }
        let payload = connection.outbox.removeFirst().bytes
        connections[id] = connection
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: repeatElement(0, count: pre))
        scratch.append(contentsOf: payload)
        let written = scratch.withUnsafeMutableBufferPointer { buffer in
            lws_write(connection.wsi, buffer.baseAddress! + pre, payload.count, LWS_WRITE_TEXT)
        }
        if written < payload.count { return -1 }
        if !connection.outbox.isEmpty || connection.closing { lws_callback_on_writable(connection.wsi) }
        return 0
    }

    // MARK: Sending

    /// Queues a message for one connection and asks lws for a write slot. A phone too slow
    /// to keep up is disconnected rather than buffered without end.
    func send(_ bytes: [UInt8], to id: UInt64, kind: Connection.Kind = .reply) {
        guard var connection = connections[id], !connection.closing else { return }
        if !connection.enqueue(bytes, kind: kind) {
            logger.notice("closing a connection that cannot keep up", metadata: ["connection": "\(id)"])
            connection.closing = true
            connection.outbox = []
        }
        connections[id] = connection
        lws_callback_on_writable(connection.wsi)
    }

    func send(_ message: JSONValue, to id: UInt64, kind: Connection.Kind = .reply) {
        send(message.bytes, to: id, kind: kind)
    }

    /// Sends an error and counts it; a client with more than 50 errors a minute is closed.
    func sendError(to id: UInt64, _ error: ProtocolError, options: [String]? = nil) {
        send(ServerMessages.error(code: error.code, message: error.message, ref: error.ref, options: options), to: id)
        guard var connection = connections[id] else { return }
        let now = uptime
        if now - connection.errorWindowStart > 60 {
            connection.errorWindowStart = now
            connection.recentErrors = 0
        }
        connection.recentErrors += 1
        connections[id] = connection
        if connection.recentErrors > 50 { close(id, reason: "too many errors") }
    }

    /// Closes a connection once what is queued for it has been written.
    func close(_ id: UInt64, reason: String) {
        guard var connection = connections[id] else { return }
        logger.info("closing connection", metadata: ["connection": "\(id)", "reason": "\(reason)"])
        connection.closing = true
        connections[id] = connection
        lws_callback_on_writable(connection.wsi)
    }

    // MARK: Mailbox

    private func deliver(_ message: Mailbox.Message) {
        switch message {
        case .stored(let commit):
            for ticket in commit.committed { settle(ticket, failure: nil) }
            storeFailures += commit.failed.count
            for failure in commit.failed { settle(failure.ticket, failure: failure.message) }
        case .tick:
            let records = show.closeExpiredRound(at: Date())
            if !records.isEmpty {
                store(records)
                broadcastState()
            } else if tallyDirty {
                broadcastTally()
            } else if writer.backlog != reportedBacklog {
                sendHostsState()
            }
            reportedBacklog = writer.backlog
        case .stop:
            stopping = true
            if let eventLoop { forum_ev_break(eventLoop) }
        }
    }

    private func settle(_ ticket: UInt64, failure: String?) {
        guard let reply = pending.removeValue(forKey: ticket) else { return }
        switch reply {
        case .vote(let id, let ref, let record):
            if let failure {
                logger.error("a vote could not be stored", metadata: ["error": "\(failure)"])
                sendError(
                    to: id, ProtocolError("storage_failed", "Your vote could not be saved. Please try again.", ref: ref)
                )
                return
            }
            show.count(record)
            send(ServerMessages.voteAck(ref: ref, decision: record.roundID, option: record.optionID), to: id)
            if let device = connections[id]?.device { sendState(to: id, device: device) }
            afterCountChange()
        case .perspective(let id, let ref, let perspective):
            if failure != nil {
                sendError(
                    to: id,
                    ProtocolError("storage_failed", "Your choice could not be saved. Please try again.", ref: ref))
                return
            }
            send(ServerMessages.perspectiveAck(ref: ref, perspective: perspective), to: id)
            tallyDirty = true  // the host's count by perspective changed
        case .recount(let record):
            if failure == nil {
                show.count(record)
                afterCountChange()
            }
        }
    }

    /// Live tallies go to screens and hosts at the next tick; after a reveal everybody sees
    /// the change.
    private func afterCountChange() {
        if show.round?.status == .revealed { broadcastState() } else { tallyDirty = true }
    }
}
