import Foundation
import Testing

/// A real `nats-server -js` on a free loopback port with its own store directory, for one
/// test; `stop()` and `start()` restart it on the same port and store.
final class NatsServerProcess: @unchecked Sendable {
    /// Where Debian installs the server (its package puts it in /usr/sbin).
    static let path =
        ["/usr/sbin/nats-server", "/usr/bin/nats-server", "/usr/local/bin/nats-server"].first {
            FileManager.default.isExecutableFile(atPath: $0)
        } ?? "/usr/sbin/nats-server"
    /// Whether the tests can run (they are skipped, saying why, when the server is missing).
    static let isInstalled = FileManager.default.isExecutableFile(atPath: path)

    let port: Int
    let directory: URL
    private let extraArguments: [String]
    private var process: Process?

    /// Starts a server; `arguments` adds flags (for example `--user`).
    init(arguments: [String] = [], start: Bool = true) throws {
        port = try Self.freePort()
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("forum-nats-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        extraArguments = arguments
        if start { try self.start() }
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: directory)
    }

    /// The plain URL of the server.
    var url: String { "nats://127.0.0.1:\(port)" }

    /// Starts (or restarts) the server and waits until it accepts connections.
    func start() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.path)
        process.arguments =
            ["-js", "-a", "127.0.0.1", "-p", String(port), "-sd", directory.appendingPathComponent("store").path]
            + extraArguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: logFile())
        try process.run()
        self.process = process
        let deadline = Date().addingTimeInterval(10)
        while !Self.accepts(port: port) {
            guard Date() < deadline, process.isRunning else {
                throw ServerFailure(log: (try? String(contentsOf: logURL, encoding: .utf8)) ?? "")
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    /// Stops the server (SIGTERM) and waits for it to exit.
    func stop() {
        guard let process, process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
        self.process = nil
    }

    private var logURL: URL { directory.appendingPathComponent("server.log") }

    private func logFile() throws -> URL {
        if !FileManager.default.fileExists(atPath: logURL.path) {
            _ = FileManager.default.createFile(atPath: logURL.path, contents: nil)
        }
        return logURL
    }

    struct ServerFailure: Error, CustomStringConvertible {
        let log: String
        var description: String { "nats-server did not start:\n\(log)" }
    }

    /// A port nobody listens on now (the kernel's pick for port 0).
    static func freePort() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(socket, pointer, length) == 0 && getsockname(socket, pointer, &length) == 0
            }
        }
        guard bound else { throw ServerFailure(log: "no free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Whether something accepts TCP connections on the loopback `port`.
    static func accepts(port: Int) -> Bool {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }
}

/// Skips a suite, saying why, when nats-server is not installed.
let needsNatsServer = Testing.ConditionTrait.enabled(
    if: NatsServerProcess.isInstalled, "needs nats-server in /usr/sbin or /usr/bin (Debian package nats-server)")

/// What callbacks on libnats's threads delivered, for the test thread to wait on.
final class Collector<Element: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var elements: [Element] = []

    func add(_ element: Element) { lock.withLock { elements.append(element) } }

    var all: [Element] { lock.withLock { elements } }

    /// Waits (up to `timeout`) until `condition` holds for what arrived; returns what arrived.
    @discardableResult
    func wait(timeout: TimeInterval = 10, until condition: ([Element]) -> Bool) -> [Element] {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let now = all
            if condition(now) || Date() >= deadline { return now }
            Thread.sleep(forTimeInterval: 0.01)
        }
    }
}

extension String {
    var bytes: [UInt8] { Array(utf8) }
}
