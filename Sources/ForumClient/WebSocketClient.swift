import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A small RFC 6455 WebSocket client over a blocking POSIX socket: enough for the host
/// console, `forum host` and the tests (FoundationNetworking has no WebSocket on Linux).
///
/// `send` may be called from any thread; `receive` from one reader at a time.
public final class WebSocketClient: Sendable {
    /// Why a connection failed or ended.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var description: String
        public init(description: String) {
            self.description = description
        }
    }

    private let transport: any ByteTransport
    private let sendLock = Mutex(())
    private let reader = Mutex(FrameReader())
    private let closed = Atomic<Bool>(false)

    /// Connects to `ws://host:port/path` or, over TLS checked as `tls` says,
    /// `wss://host:port/path`, and completes the opening handshake.
    public init(url: String, timeoutSeconds: Double = 5, tls: TLSOptions = TLSOptions()) throws {
        guard let parsed = URLComponents(string: url), let scheme = parsed.scheme, ["ws", "wss"].contains(scheme),
            let host = parsed.host
        else {
            throw Failure(description: "'\(url)' is not a ws:// or wss:// address")
        }
        let port = parsed.port ?? (scheme == "wss" ? 443 : 80)
        let path = parsed.path.isEmpty ? "/" : parsed.path
        let socket = try Self.connect(host: host, port: port, timeoutSeconds: timeoutSeconds)
        if scheme == "wss" {
            do {
                transport = try TLSTransport(socket: socket, host: host, options: tls, timeoutSeconds: timeoutSeconds)
            } catch {
                Glibc.close(socket)
                throw error
            }
        } else {
            transport = PlainTransport(socket: socket)
        }
        do {
            try handshake(host: host, port: port, path: path, timeoutSeconds: timeoutSeconds)
        } catch {
            transport.close()
            guard scheme == "ws" else { throw error }
            throw Failure(description: "\(error) (a server with TLS has a wss:// address)")
        }
    }

    deinit {
        if !closed.load(ordering: .acquiring) { transport.close() }
    }

    /// Sends one text message (masked, as clients must).
    public func send(_ text: String) throws {
        try sendFrame(opcode: 0x1, payload: Array(text.utf8))
    }

    /// The next text message, or nil when the server closed the connection. Throws on a
    /// timeout (`timeoutSeconds`) or a broken connection. Answers pings by itself.
    public func receive(timeoutSeconds: Double = 10) throws -> String? {
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        while true {
            let frame = try reader.withLock { reader in
                try reader.nextMessage(transport: transport, deadline: deadline)
            }
            switch frame {
            case .text(let bytes): return String(decoding: bytes, as: UTF8.self)
            case .ping(let payload): try? sendFrame(opcode: 0xA, payload: payload)
            case .close: return nil
            }
        }
    }

    /// Sends a close frame and closes the socket.
    public func close() {
        guard !closed.exchange(true, ordering: .acquiringAndReleasing) else { return }
        try? sendFrame(opcode: 0x8, payload: [0x03, 0xE8])
        transport.close()
    }

    // MARK: Opening handshake

    private func handshake(host: String, port: Int, path: String, timeoutSeconds: Double) throws {
        let handshake = OpeningHandshake()
        try transport.write(handshake.request(host: "\(host):\(port)", path: path))
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        let head = try reader.withLock { reader in try reader.readHTTPHead(transport: transport, deadline: deadline) }
        try handshake.check(responseHead: head)
    }

    private static func connect(host: String, port: Int, timeoutSeconds: Double) throws -> Int32 {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var results: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &results) == 0, let first = results else {
            throw Failure(description: "cannot resolve \(host)")
        }
        defer { freeaddrinfo(first) }
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        var lastError = "no address"
        while let entry = cursor {
            cursor = entry.pointee.ai_next
            let fd = Glibc.socket(entry.pointee.ai_family, entry.pointee.ai_socktype, entry.pointee.ai_protocol)
            if fd < 0 { continue }
            var timeout = timeval(tv_sec: Int(timeoutSeconds), tv_usec: 0)
            setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            var one: Int32 = 1
            setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
            if Glibc.connect(fd, entry.pointee.ai_addr, entry.pointee.ai_addrlen) == 0 { return fd }
            lastError = String(cString: strerror(errno))
            Glibc.close(fd)
        }
        throw Failure(description: "cannot connect to \(host):\(port): \(lastError)")
    }

    // MARK: Frames

    private func sendFrame(opcode: UInt8, payload: [UInt8]) throws {
        var frame: [UInt8] = []
        FrameCodec.encode(opcode: opcode, payload: payload, mask: UInt32.random(in: 0...UInt32.max), into: &frame)
        try sendLock.withLock { _ in try transport.write(frame) }
    }
}

/// Reads HTTP heads and WebSocket frames from a socket, with a deadline.
struct FrameReader {
    enum Message {
        case text([UInt8])
        case ping([UInt8])
        case close
    }

    private var buffer: [UInt8] = []
    private var assembler = MessageAssembler()

    mutating func readHTTPHead(transport: any ByteTransport, deadline: Date) throws -> String {
        while true {
            if let range = buffer.firstRange(of: OpeningHandshake.headTerminator) {
                let head = String(decoding: buffer[..<range.lowerBound], as: UTF8.self)
                buffer.removeSubrange(..<range.upperBound)
                return head
            }
            buffer += try transport.read(deadline: deadline)
        }
    }

    mutating func nextMessage(transport: any ByteTransport, deadline: Date) throws -> Message {
        while true {
            guard let (frame, next) = try FrameCodec.decode(buffer, from: 0) else {
                buffer += try transport.read(deadline: deadline)
                continue
            }
            buffer.removeFirst(next)
            switch assembler.take(frame) {
            case .message(let payload): return .text(payload)
            case .close: return .close
            case .ping(let payload): return .ping(payload)
            case .none: continue
            }
        }
    }
}
