import ForumClient
import ForumCore
import ForumServer
import ForumStore
import Foundation
import Testing

@Suite("Server: keep-alive pings on a real port", .serialized)
struct ServerKeepAliveTests {
    /// Reads for `seconds` (answering pings); false if the server closed the connection.
    static func staysOpen(_ client: WebSocketClient, seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            do {
                guard try client.receive(timeoutSeconds: 0.2) != nil else { return false }
            } catch let failure as WebSocketClient.Failure where failure.description.hasPrefix("timed out") {
                continue
            } catch {
                return false
            }
        }
        return true
    }

    @Test func aPhoneThatAnswersPingsStaysAndASilentOneIsHungUpOn() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("forum-ka-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try ForumDatabase(path: folder.appendingPathComponent("forum.sqlite").path)
        let configuration = ServerConfiguration(
            port: 0, webRoot: folder.path, hostKey: ServerHarness.hostKey, pingAfterSeconds: 1,
            hangUpAfterSeconds: 3, joinURLs: ["http://192.0.2.1/"])
        let server = try ForumServer.start(
            configuration: configuration, library: ServerHarness.library, database: database)
        defer {
            server.stop()
            server.wait()
        }
        let url = "ws://127.0.0.1:\(server.port)/ws"
        let answering = try WebSocketClient(url: url)
        let silent = try WebSocketClient(url: url)
        // The answering one reads (and so answers pings) the whole time; the silent one
        // never reads, so never answers, and the server hangs up on it.
        #expect(Self.staysOpen(answering, seconds: 5))
        #expect(!Self.staysOpen(silent, seconds: 1))
        // And it is still served (it has not said hello: the answer is not_joined).
        try answering.send(#"{"type":"ping"}"#)
        let answer = try answering.receive(timeoutSeconds: 2)
        #expect(answer?.contains("not_joined") == true)
    }
}
