import CEpoll
import ForumClient
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Every bench connection (the phones and the host) on one epoll loop on the calling thread.
///
/// Connections are numbered in the order they are opened. Whatever they read is handed to
/// ``handler`` with the time it was read, while ``run(until:timeoutSeconds:waitingFor:)`` or
/// ``pump(milliseconds:)`` turns the loop. Nothing here blocks except `epoll_wait`.
final class ConnectionPool {
    /// Called for every event, with the connection's number and the time it was read.
    var handler: (Int, BenchSocket.Event, UInt64) -> Void = { _, _, _ in }

    private let epoll: Int32
    private let endpoints: [Endpoint]
    private var sockets: [BenchSocket] = []
    /// Which of ``endpoints`` each connection goes to.
    private var socketEndpoints: [Int] = []
    private var watchingWrite: [Bool] = []
    private var masks = MaskSource()
    private var scratch = [UInt8](repeating: 0, count: 64 * 1024)
    private var events = [epoll_event](repeating: epoll_event(), count: 1024)

    /// A pool for connections to `ws://127.0.0.1:port/ws`.
    convenience init(port: Int) throws(BenchFailure) {
        try self.init(endpoints: [Endpoint(host: "127.0.0.1", port: port)])
    }

    /// A pool whose connections go to any of `endpoints` (several venues of one show).
    init(endpoints: [Endpoint]) throws(BenchFailure) {
        precondition(!endpoints.isEmpty, "a pool needs somewhere to connect")
        epoll = epoll_create1(Int32(EPOLL_CLOEXEC))
        guard epoll >= 0 else { throw BenchFailure("epoll_create1 failed: \(String(cString: strerror(errno)))") }
        self.endpoints = endpoints
    }

    deinit {
        Glibc.close(epoll)
    }

    /// Connections opened so far.
    var count: Int { sockets.count }

    /// Starts a new connection to `endpoints[endpoint]`; returns its number. Its `.opened`
    /// event follows the handshake.
    func open(endpoint: Int = 0) throws(BenchFailure) -> Int {
        sockets.append(try makeSocket(endpoints[endpoint]))
        socketEndpoints.append(endpoint)
        watchingWrite.append(true)
        try watch(sockets.count - 1, operation: EPOLL_CTL_ADD)
        return sockets.count - 1
    }

    /// Closes connection `index` and connects it again under the same number.
    func reopen(_ index: Int) throws(BenchFailure) {
        sockets[index].close(mask: masks.next())
        sockets[index] = try makeSocket(endpoints[socketEndpoints[index]])
        watchingWrite[index] = true
        try watch(index, operation: EPOLL_CTL_ADD)
    }

    private func makeSocket(_ endpoint: Endpoint) throws(BenchFailure) -> BenchSocket {
        try BenchSocket(
            address: endpoint.address, hostHeader: endpoint.hostHeader, path: endpoint.path,
            handshake: OpeningHandshake())
    }

    private func watch(_ index: Int, operation: Int32) throws(BenchFailure) {
        var event = epoll_event()
        event.events = EPOLLIN.rawValue | (watchingWrite[index] ? EPOLLOUT.rawValue : 0)
        event.data.u64 = UInt64(index)
        guard epoll_ctl(epoll, operation, sockets[index].fd, &event) == 0 else {
            throw BenchFailure("epoll_ctl failed: \(String(cString: strerror(errno)))")
        }
    }

    /// Sends one text message on an open connection (queued if the socket is full).
    func send(_ index: Int, _ payload: [UInt8]) {
        let socket = sockets[index]
        socket.sendText(payload, mask: masks.next()) { handler(index, $0, Clock.now()) }
        updateInterest(index)
    }

    /// Turns the loop until `condition` holds; throws if `timeoutSeconds` pass first.
    func run(
        until condition: () -> Bool, timeoutSeconds: Double, waitingFor what: @autoclosure () -> String
    ) throws(BenchFailure) {
        let deadline = Clock.now() + UInt64(timeoutSeconds * 1e9)
        while !condition() {
            let now = Clock.now()
            guard now < deadline else {
                throw BenchFailure("timed out after \(timeoutSeconds) s waiting for \(what())")
            }
            pump(milliseconds: Int32(min(100, max(1, (deadline - now) / 1_000_000))))
        }
    }

    /// Waits at most `milliseconds` for events and handles all that came.
    func pump(milliseconds: Int32) {
        let ready = events.withUnsafeMutableBufferPointer {
            epoll_wait(epoll, $0.baseAddress, Int32($0.count), milliseconds)
        }
        guard ready > 0 else { return }
        let now = Clock.now()
        for slot in 0..<Int(ready) {
            let index = Int(events[slot].data.u64)
            let flags = events[slot].events
            let socket = sockets[index]
            let emit: (BenchSocket.Event) -> Void = { [handler] in handler(index, $0, now) }
            if flags & (EPOLLOUT.rawValue | EPOLLERR.rawValue) != 0 { socket.writable(emit: emit) }
            if flags & (EPOLLIN.rawValue | EPOLLHUP.rawValue | EPOLLERR.rawValue) != 0 {
                socket.readable(scratch: &scratch, mask: { masks.next() }, emit: emit)
            }
            updateInterest(index)
        }
    }

    /// Pings from the server answered so far, over every connection.
    var pongsSent: Int { sockets.reduce(0) { $0 + $1.pongsSent } }

    /// Closes every connection (close frames, best effort).
    func closeAll() {
        for socket in sockets { socket.close(mask: masks.next()) }
    }

    private func updateInterest(_ index: Int) {
        let socket = sockets[index]
        guard socket.phase != .closed else { return }
        let wantsWrite = socket.wantsWrite
        guard wantsWrite != watchingWrite[index] else { return }
        watchingWrite[index] = wantsWrite
        try? watch(index, operation: EPOLL_CTL_MOD)
    }
}
