import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// How the WebSocket client's bytes travel: over plain TCP (`ws://`) or TLS (`wss://`,
/// ``TLSTransport``). Writes may come from any thread; reads from one reader at a time.
protocol ByteTransport: Sendable {
    /// Writes every byte, or throws when the connection broke.
    func write(_ bytes: [UInt8]) throws
    /// The next bytes that arrive, waiting until `deadline`; throws on a timeout or when the
    /// server closed the connection.
    func read(deadline: Date) throws -> [UInt8]
    /// Ends the connection (once; later calls do nothing).
    func close()
}

/// Plain TCP on a connected blocking socket.
final class PlainTransport: ByteTransport {
    private let socket: Int32
    private let closed = Atomic<Bool>(false)

    init(socket: Int32) {
        self.socket = socket
    }

    func write(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes {
                Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL))
            }
            if written <= 0 {
                if written < 0, errno == EINTR { continue }
                throw WebSocketClient.Failure(description: "the connection broke while sending")
            }
            offset += written
        }
    }

    func read(deadline: Date) throws -> [UInt8] {
        while true {
            try Self.wait(socket, for: Int16(POLLIN), until: deadline)
            var chunk = [UInt8](repeating: 0, count: 16 * 1024)
            let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { throw WebSocketClient.Failure(description: "the server closed the connection") }
            return Array(chunk[..<count])
        }
    }

    func close() {
        guard !closed.exchange(true, ordering: .acquiringAndReleasing) else { return }
        shutdown(socket, Int32(SHUT_RDWR))
        Glibc.close(socket)
    }

    /// Waits until `socket` is ready for `events`; throws at `deadline`.
    static func wait(_ socket: Int32, for events: Int16, until deadline: Date) throws {
        while true {
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else {
                throw WebSocketClient.Failure(description: "timed out waiting for the server")
            }
            var descriptor = pollfd(fd: socket, events: events, revents: 0)
            let ready = poll(&descriptor, 1, Int32(min(remaining, 3600) * 1000))
            if ready < 0, errno == EINTR { continue }
            guard ready > 0 else { throw WebSocketClient.Failure(description: "timed out waiting for the server") }
            return
        }
    }
}
