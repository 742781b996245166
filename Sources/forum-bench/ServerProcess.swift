import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A real `forum serve --headless` started by the bench on a free port with a fresh database,
/// its output in a log file; read through /proc while it runs, stopped with SIGTERM.
final class ServerProcess {
    let port: Int
    let databasePath: String
    let logPath: String
    private let process = Process()

    /// Starts `forum` and waits until its port takes connections. With `openFiles`, the
    /// server runs with that soft limit on open files instead of the bench's.
    init(
        forum: String, scenarios: String, web: String, workDirectory: String, hostKey: String, openFiles: Int?
    ) throws(BenchFailure) {
        port = try Self.freePort()
        databasePath = workDirectory + "/bench.sqlite"
        logPath = workDirectory + "/serve.log"
        let arguments = [
            forum, "serve", "--headless", "--port", String(port), "--db", databasePath, "--scenarios", scenarios,
            "--web", web, "--host-key", hostKey,
        ]
        if let openFiles {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments =
                ["-c", "ulimit -Sn \"$1\" && shift && exec \"$@\"", "sh", String(openFiles)] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: forum)
            process.arguments = Array(arguments.dropFirst())
        }
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        guard let log = FileHandle(forWritingAtPath: logPath) else { throw BenchFailure("cannot write \(logPath)") }
        process.standardOutput = log
        process.standardError = log
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw BenchFailure("cannot start \(forum): \(error)")
        }
        try waitForPort(timeoutSeconds: 30)
    }

    /// The server's process id.
    var pid: Int32 { process.processIdentifier }

    /// Resident memory now, in KiB (VmRSS), and its peak so far (VmHWM).
    func memory() -> (rss: Int, peak: Int) {
        let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
        func field(_ name: String) -> Int {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name + ":") }) else { return 0 }
            return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
        }
        return (field("VmRSS"), field("VmHWM"))
    }

    /// CPU seconds the server has used (user + system).
    func cpuSeconds() -> Double {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let end = stat.lastIndex(of: ")")
        else { return 0 }
        let fields = stat[stat.index(after: end)...].split(separator: " ")
        // After the command: state is field 3, utime field 14, stime field 15.
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// The server's soft and hard limits on open files, from /proc/PID/limits.
    func openFileLimits() -> (soft: Int?, text: String) {
        let limits = (try? String(contentsOfFile: "/proc/\(pid)/limits", encoding: .utf8)) ?? ""
        guard let line = limits.split(separator: "\n").first(where: { $0.hasPrefix("Max open files") }) else {
            return (nil, "unknown")
        }
        let values = line.dropFirst("Max open files".count).split(separator: " ")
        guard values.count >= 2 else { return (nil, "unknown") }
        return (Int(values[0]), "\(values[0]) soft, \(values[1]) hard")
    }

    /// Bytes of the database and its write-ahead log.
    func databaseBytes() -> (database: Int, wal: Int) {
        func size(_ path: String) -> Int {
            ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
        }
        return (size(databasePath), size(databasePath + "-wal"))
    }

    /// True while the server runs.
    var isRunning: Bool { process.isRunning }

    /// The last lines of the server's log, for failure messages.
    func logTail(lines: Int = 20) -> String {
        let text = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
        return text.split(separator: "\n", omittingEmptySubsequences: false).suffix(lines).joined(separator: "\n")
    }

    /// Stops the server with SIGTERM (SIGKILL after 15 s); returns its exit status.
    @discardableResult
    func stop() -> Int32 {
        guard process.isRunning else { return process.terminationStatus }
        process.terminate()
        let deadline = Date().addingTimeInterval(15)
        while process.isRunning, Date() < deadline { usleep(20_000) }
        if process.isRunning {
            kill(pid, SIGKILL)
            process.waitUntilExit()
        }
        return process.terminationStatus
    }

    // MARK: Starting

    private func waitForPort(timeoutSeconds: Double) throws(BenchFailure) {
        let deadline = Date().addingTimeInterval(timeoutSeconds)
        while Date() < deadline {
            guard process.isRunning else {
                throw BenchFailure("forum serve exited with status \(process.terminationStatus):\n\(logTail())")
            }
            if Self.canConnect(port: port) { return }
            usleep(50_000)
        }
        stop()
        throw BenchFailure("forum serve did not listen on port \(port) within \(timeoutSeconds) s:\n\(logTail())")
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }

    private static func canConnect(port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = loopback(port: port)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        return result == 0
    }

    /// A port nobody listens on now (the kernel's pick for port 0).
    private static func freePort() throws(BenchFailure) -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw BenchFailure("socket() failed") }
        defer { close(fd) }
        var address = loopback(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard bound else { throw BenchFailure("cannot find a free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
