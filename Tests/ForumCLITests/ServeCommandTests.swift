import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `forum serve` and `forum host` as a person meets them: the built binary, a real port, the
/// bundled stories and pages.
@Suite("forum serve and forum host, as built", .serialized)
struct ServeCommandTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func serveHostOneShotCommandsAndACleanStop() throws {
        let folder = try Self.temporaryFolder()
        let port = try Self.freePort()
        let serve = try Self.startServe(port: port, folder: folder)
        defer { if serve.process.isRunning { serve.process.terminate() } }
        let banner = try Self.waitForOutput(serve, containing: "Host key: the one given with --host-key")
        #expect(!banner.contains("secret"), "a key that was given is never printed")
        #expect(banner.contains("Phones join at:"))
        #expect(banner.contains(":\(port)/screen"))

        let url = "ws://127.0.0.1:\(port)/ws"
        let start = try ForumBinary.run(
            ["host", url, "--key", "secret", "--command", "start", "sams-night"], in: folder)
        #expect(start.stdout == "ok: start\n")
        #expect(start.status == 0)
        let refused = try ForumBinary.run(["host", url, "--key", "secret", "--command", "open"], in: folder)
        #expect(refused.stdout == "error: This scene has no decision to vote on. [no_decision]\n")
        #expect(refused.status == 1)
        let wrongKey = try ForumBinary.run(["host", url, "--key", "guess", "--command", "next"], in: folder)
        #expect(wrongKey.stdout == "error: The host key is wrong.\n")
        #expect(wrongKey.status == 1)

        let second = try ForumBinary.run(
            [
                "serve", "--headless", "--port", "\(port)", "--db", folder.appendingPathComponent("other.sqlite").path,
                "--scenarios", Self.repository.appendingPathComponent("scenarios").path,
                "--web", Self.repository.appendingPathComponent("web").path, "--host-key", "x",
            ], in: folder)
        #expect(second.status != 0)
        #expect(second.stderr.contains("could not listen on port \(port)"))

        kill(serve.process.processIdentifier, SIGTERM)
        serve.process.waitUntilExit()
        #expect(serve.process.terminationStatus == 0)
        let rest = String(decoding: serve.output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(rest.contains("The show has stopped."))
    }

    @Test func serveRefusesStoriesWithErrors() throws {
        let folder = try Self.temporaryFolder()
        let broken = try Fixtures.folder("broken-links").appendingPathComponent("scenarios")
        let run = try ForumBinary.run(
            [
                "serve", "--headless", "--port", "0", "--db", folder.appendingPathComponent("x.sqlite").path,
                "--scenarios", broken.path, "--web", Self.repository.appendingPathComponent("web").path,
            ], in: folder)
        #expect(run.status == 1)
        #expect(run.stderr.contains(": error: "))
        #expect(run.stderr.contains("forum serve: the stories have"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("x.sqlite").path))
    }

    @Test func serveRefusesAJoinAddressPhonesCannotOpen() throws {
        let folder = try Self.temporaryFolder()
        let run = try ForumBinary.run(
            [
                "serve", "--headless", "--port", "0", "--db", folder.appendingPathComponent("x.sqlite").path,
                "--join-url", "forum.local:8080",
            ], in: folder)
        #expect(run.status == 64)
        #expect(run.stderr.contains("--join-url 'forum.local:8080' is not an address phones can open"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("x.sqlite").path))
    }

    @Test(arguments: [
        (["--venue", "north"], "--venue and --archive need --nats URL."),
        (["--nats", "nats://127.0.0.1:4222"], "--nats needs --venue NAME"),
        (["--nats", "nats://127.0.0.1:4222", "--venue", "north hall"], "--venue 'north hall': use 1 to 64"),
        (["--nats", "nats://127.0.0.1:4222", "--venue", "north", "--nats-show", "a.b"], "--nats-show 'a.b'"),
    ])
    func serveRefusesVenueOptionsThatDoNotFit(arguments: [String], message: String) throws {
        let folder = try Self.temporaryFolder()
        let database = folder.appendingPathComponent("x.sqlite").path
        let run = try ForumBinary.run(["serve", "--headless", "--port", "0", "--db", database] + arguments, in: folder)
        #expect(run.status == 64)
        #expect(run.stderr.contains(message), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: database), "nothing is opened")
    }

    // MARK: Helpers

    struct Serving {
        let process: Process
        let output: Pipe
    }

    static func startServe(port: Int, folder: URL) throws -> Serving {
        let process = Process()
        process.executableURL = try ForumBinary.url()
        process.arguments = [
            "serve", "--headless", "--port", "\(port)", "--db", folder.appendingPathComponent("forum.sqlite").path,
            "--scenarios", repository.appendingPathComponent("scenarios").path,
            "--web", repository.appendingPathComponent("web").path, "--host-key", "secret",
        ]
        process.currentDirectoryURL = folder
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return Serving(process: process, output: output)
    }

    /// Reads the server's output until `text` appears (or fails after 10 s).
    static func waitForOutput(_ serving: Serving, containing text: String) throws -> String {
        var seen = ""
        let deadline = Date().addingTimeInterval(10)
        let handle = serving.output.fileHandleForReading
        while !seen.contains(text) {
            guard Date() < deadline, serving.process.isRunning else {
                throw Timeout(description: "forum serve did not print '\(text)'; printed: \(seen)")
            }
            var descriptor = pollfd(fd: handle.fileDescriptor, events: Int16(POLLIN), revents: 0)
            if poll(&descriptor, 1, 200) > 0 { seen += String(decoding: handle.availableData, as: UTF8.self) }
        }
        return seen
    }

    struct Timeout: Error, CustomStringConvertible {
        var description: String
    }

    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("forum-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// A port that was free a moment ago (bind to port 0, read it, close).
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                bind(fd, raw, length) == 0 && getsockname(fd, raw, &length) == 0
            }
        }
        guard bound else { throw Timeout(description: "could not find a free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
