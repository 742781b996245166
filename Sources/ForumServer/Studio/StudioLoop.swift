import CLibWebSockets
import Dispatch
import ForumCore
import ForumSession
import ForumStudio
import ForumStudioService
import Foundation

/// The studio's service thread: connections, their fragments and outboxes. It never touches
/// the database: a whole message goes to ``StudioService`` on the store queue, and what it
/// answers comes back through the ``StudioMailbox`` once committed.
final class StudioLoop {
    let service: StudioService
    let mailbox: StudioMailbox
    let storeQueue = DispatchQueue(label: "forum-studio-store")
    var eventLoop: UnsafeMutableRawPointer?
    var protocolInitialised = false
    private var connections: [UInt64: Connection] = [:]
    /// What arrives on each connection: its fragments and its rate limit.
    private var receivers: [UInt64: Receiver] = [:]
    private var nextID: UInt64 = 1
    private let pre = forum_lws_pre()
    private var scratch: [UInt8] = []
    private let started = ContinuousClock.now

    init(service: StudioService, mailbox: StudioMailbox) {
        self.service = service
        self.mailbox = mailbox
    }

    private var uptime: Double {
        let elapsed = ContinuousClock.now - started
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    }

    func handle(
        wsi: OpaquePointer, reason: lws_callback_reasons, user: UnsafeMutableRawPointer?,
        input: UnsafeMutableRawPointer?, length: Int
    ) -> Int32 {
        switch reason {
        case LWS_CALLBACK_PROTOCOL_INIT:
            protocolInitialised = true
            return 0
        case LWS_CALLBACK_HTTP_CONFIRM_UPGRADE:
            return confirmUpgrade(wsi: wsi)
        case LWS_CALLBACK_ESTABLISHED:
            guard let user else { return -1 }
            let id = nextID
            nextID += 1
            user.storeBytes(of: id, as: UInt64.self)
            connections[id] = Connection(wsi: wsi, now: uptime, jitter: 0)
            receivers[id] = Receiver(limiter: RateLimiter(now: uptime))
            return 0
        case LWS_CALLBACK_CLOSED:
            guard let id = user?.load(as: UInt64.self), connections.removeValue(forKey: id) != nil else { return 0 }
            receivers[id] = nil
            let service = service
            storeQueue.async { service.closed(id) }
            return 0
        case LWS_CALLBACK_RECEIVE:
            guard let id = user?.load(as: UInt64.self), connections[id] != nil else { return -1 }
            receive(id: id, wsi: wsi, input: input, length: length)
            return 0
        case LWS_CALLBACK_SERVER_WRITEABLE:
            guard let id = user?.load(as: UInt64.self) else { return -1 }
            return writeNext(id: id)
        case LWS_CALLBACK_EVENT_WAIT_CANCELLED:
            for message in mailbox.drain() { deliver(message) }
            return 0
        default:
            return lws_callback_http_dummy(wsi, reason, user, input, length)
        }
    }

    private func receive(id: UInt64, wsi: OpaquePointer, input: UnsafeMutableRawPointer?, length: Int) {
        guard var receiver = receivers[id] else { return }
        defer { receivers[id] = receiver }
        let isLast = lws_is_final_fragment(wsi) != 0 && lws_remaining_packet_payload(wsi) == 0
        if !receiver.discarding, let input, length > 0 {
            receiver.partial.append(contentsOf: UnsafeRawBufferPointer(start: input, count: length))
            if lws_frame_is_binary(wsi) != 0 || receiver.partial.count > StudioService.maximumMessageSize {
                receiver.partial = []
                receiver.discarding = true
                send(
                    StudioErrorBytes.make(.tooLarge, "That message is too large, or not text: it was not saved."),
                    to: id)
            }
        }
        guard isLast else { return }
        if receiver.discarding {
            receiver.discarding = false
            return
        }
        let message = receiver.partial
        receiver.partial = []
        guard receiver.limiter.allow(now: uptime) else {
            receiver.refusedInARow += 1
            if receiver.refusedInARow == 1 {
                send(StudioErrorBytes.make(.rateLimited, "Too many changes at once: slow down."), to: id)
            }
            if receiver.refusedInARow > 200 { close(id) }
            return
        }
        receiver.refusedInARow = 0
        let service = service
        let mailbox = mailbox
        storeQueue.async { mailbox.post(.deliver(service.handle(message, from: id))) }
    }

    private func deliver(_ message: StudioMessage) {
        switch message {
        case .deliver(let deliveries):
            for delivery in deliveries { send(delivery.bytes, to: delivery.connection) }
        case .stop:
            if let eventLoop { forum_ev_break(eventLoop) }
        }
    }

    /// Queues a message and asks lws for a write slot; a page too slow to keep up is closed.
    private func send(_ bytes: [UInt8], to id: UInt64) {
        guard let connection = connections[id], !connection.closing else { return }
        if !connection.enqueue(bytes, kind: .reply) {
            connection.closing = true
            connection.clear()
        }
        lws_callback_on_writable(connection.wsi)
    }

    private func close(_ id: UInt64) {
        guard let connection = connections[id] else { return }
        connection.closing = true
        lws_callback_on_writable(connection.wsi)
    }

    private func writeNext(id: UInt64) -> Int32 {
        guard let connection = connections[id] else { return -1 }
        guard let payload = connection.takeNext() else { return connection.closing ? -1 : 0 }
        guard connection.write(payload, pre: pre, scratch: &scratch) else { return -1 }
        if connection.hasMore || connection.closing { lws_callback_on_writable(connection.wsi) }
        return 0
    }

    /// A page from another site gets `403` and no WebSocket (``OriginPolicy``).
    private func confirmUpgrade(wsi: OpaquePointer) -> Int32 {
        guard
            !OriginPolicy.allows(
                origin: header(WSI_TOKEN_ORIGIN, of: wsi), host: header(WSI_TOKEN_HOST, of: wsi), joinURLs: [])
        else { return 0 }
        lws_return_http_status(
            wsi, UInt32(HTTP_STATUS_FORBIDDEN.rawValue), "The studio's connection is only for its own page.")
        return 1
    }

    private func header(_ token: lws_token_indexes, of wsi: OpaquePointer) -> String? {
        let length = lws_hdr_total_length(wsi, token)
        guard length > 0 else { return nil }
        var buffer = [CChar](repeating: 0, count: min(Int(length), 511) + 1)
        guard lws_hdr_copy(wsi, &buffer, Int32(buffer.count), token) >= 0 else { return nil }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

extension StudioLoop {
    /// A studio connection's incoming side: the fragments of a message still arriving, and
    /// its rate limit (the lws side, wsi and outbox, is its ``Connection``).
    struct Receiver {
        var partial: [UInt8] = []
        /// True while the rest of an oversized or binary message is being skipped.
        var discarding = false
        var limiter: RateLimiter
        /// Messages refused by the rate limiter since the last one let through.
        var refusedInARow = 0
    }
}

/// Errors the service thread answers itself (before a message reaches the service).
enum StudioErrorBytes {
    static func make(_ code: StudioError.Code, _ message: String) -> [UInt8] {
        JSONValue.object([
            ("type", .string("error")), ("code", .string(code.rawValue)), ("message", .string(message)),
        ]).bytes
    }
}
