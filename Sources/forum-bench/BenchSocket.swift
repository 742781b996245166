import ForumClient
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One non-blocking client WebSocket over a POSIX socket, driven by ``ConnectionPool``'s
/// epoll loop: connect, opening handshake, masked text frames out, frames in (fragmented or
/// not), pings answered with pongs. It never blocks; what it reads comes out as events. The
/// WebSocket itself (handshake, frames, messages) is ForumClient's, as for the console:
/// only the non-blocking IO is the bench's.
final class BenchSocket {
    /// Where the connection is in its life.
    enum Phase {
        case connecting
        case handshaking
        case open
        case closed
    }

    /// What reading or writing produced.
    enum Event {
        case opened
        case message([UInt8])
        case closed(String)
    }

    let fd: Int32
    private(set) var phase = Phase.connecting
    /// WebSocket pings from the server answered with a pong.
    private(set) var pongsSent = 0
    private var inbound: [UInt8] = []
    private var consumed = 0
    private let handshake: OpeningHandshake
    private var assembler = MessageAssembler()
    private var outbound: [UInt8] = []
    private var written = 0

    /// Starts connecting to `address` (an IPv4 loopback address) without waiting.
    init(address: sockaddr_in, hostHeader: String, path: String, handshake: OpeningHandshake) throws(BenchFailure) {
        self.handshake = handshake
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
        guard fd >= 0 else { throw BenchFailure("socket() failed: \(String(cString: strerror(errno)))") }
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
        var target = address
        let result = withUnsafePointer(to: &target) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        if result != 0, errno != EINPROGRESS {
            let reason = String(cString: strerror(errno))
            Glibc.close(fd)
            throw BenchFailure("connect() failed: \(reason)")
        }
        outbound = handshake.request(host: hostHeader, path: path)
    }

    deinit {
        if phase != .closed { Glibc.close(fd) }
    }

    /// True while bytes wait for the socket to accept them (or the connect to finish).
    var wantsWrite: Bool { phase == .connecting || written < outbound.count }

    /// Queues one masked text message and writes what the socket takes now.
    func sendText(_ payload: [UInt8], mask: UInt32, emit: (Event) -> Void) {
        guard phase == .open else { return }
        FrameCodec.encode(opcode: FrameCodec.text, payload: payload, mask: mask, into: &outbound)
        flush(emit: emit)
    }

    /// The socket can be written: finish connecting, or write what is queued.
    func writable(emit: (Event) -> Void) {
        if phase == .connecting {
            var error: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length)
            guard error == 0 else {
                fail("connect failed: \(String(cString: strerror(error)))", emit: emit)
                return
            }
            phase = .handshaking
        }
        flush(emit: emit)
    }

    /// The socket can be read: read everything there is and emit what it completes.
    /// `mask` gives keys for the pongs and close frames this may have to send.
    func readable(scratch: inout [UInt8], mask: () -> UInt32, emit: (Event) -> Void) {
        guard phase == .handshaking || phase == .open else { return }
        while true {
            let count = scratch.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                inbound.append(contentsOf: scratch[0..<count])
                if count < scratch.count { break }
                continue
            }
            if count == 0 {
                process(mask: mask, emit: emit)
                fail("the server closed the connection", emit: emit)
                return
            }
            if errno == EINTR { continue }
            if errno == EAGAIN || errno == EWOULDBLOCK { break }
            fail("recv failed: \(String(cString: strerror(errno)))", emit: emit)
            return
        }
        process(mask: mask, emit: emit)
    }

    /// Sends a close frame (best effort) and closes the socket.
    func close(mask: UInt32) {
        guard phase != .closed else { return }
        if phase == .open {
            var frame: [UInt8] = []
            FrameCodec.encode(opcode: FrameCodec.close, payload: [0x03, 0xE8], mask: mask, into: &frame)
            _ = frame.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        }
        phase = .closed
        Glibc.close(fd)
    }

    // MARK: Inside

    private func process(mask: () -> UInt32, emit: (Event) -> Void) {
        if phase == .handshaking {
            guard readHandshake(emit: emit) else { return }
        }
        while phase == .open {
            let decoded: (frame: Frame, next: Int)?
            do {
                decoded = try FrameCodec.decode(inbound, from: consumed)
            } catch {
                fail(error.description, emit: emit)
                return
            }
            guard let (frame, next) = decoded else { break }
            consumed = next
            handle(frame, mask: mask, emit: emit)
        }
        if consumed == inbound.count {
            inbound.removeAll(keepingCapacity: true)
            consumed = 0
        } else if consumed > 65536 {
            inbound.removeFirst(consumed)
            consumed = 0
        }
    }

    private func handle(_ frame: Frame, mask: () -> UInt32, emit: (Event) -> Void) {
        switch assembler.take(frame) {
        case .message(let payload):
            emit(.message(payload))
        case .ping(let payload):
            FrameCodec.encode(opcode: FrameCodec.pong, payload: payload, mask: mask(), into: &outbound)
            pongsSent += 1
            flush(emit: emit)
        case .close:
            close(mask: mask())
            emit(.closed("the server sent a close frame"))
        case .none:
            break
        }
    }

    /// Reads the HTTP answer to the upgrade; true once the connection is open.
    private func readHandshake(emit: (Event) -> Void) -> Bool {
        guard let range = inbound[consumed...].firstRange(of: OpeningHandshake.headTerminator) else { return false }
        let head = String(decoding: inbound[consumed..<range.lowerBound], as: UTF8.self)
        consumed = range.upperBound
        do {
            try handshake.check(responseHead: head)
        } catch {
            fail(error.description, emit: emit)
            return false
        }
        phase = .open
        emit(.opened)
        return true
    }

    private func flush(emit: (Event) -> Void) {
        guard phase == .handshaking || phase == .open else { return }
        while written < outbound.count {
            let count = outbound[written...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if count > 0 {
                written += count
                continue
            }
            if count < 0, errno == EINTR { continue }
            if count < 0, errno == EAGAIN || errno == EWOULDBLOCK { return }
            fail("send failed: \(String(cString: strerror(errno)))", emit: emit)
            return
        }
        outbound.removeAll(keepingCapacity: true)
        written = 0
    }

    private func fail(_ reason: String, emit: (Event) -> Void) {
        guard phase != .closed else { return }
        phase = .closed
        Glibc.close(fd)
        emit(.closed(reason))
    }
}
