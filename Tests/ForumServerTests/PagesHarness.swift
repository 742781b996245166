import ForumServer
import ForumStore
import Foundation

/// A real server on a free port serving a copy of the project's `web/` folder, with a file
/// beside that folder that must never be served.
final class PagesHarness {
    static let joinURL = "http://192.168.1.20:8080/"
    static let secret = "not for the audience"
    let folder: URL
    let web: URL
    let server: ForumServer

    init(joinURLs: [String] = [PagesHarness.joinURL], remoteJoinURL: String? = nil) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("forum-pages-\(UUID().uuidString)")
        web = folder.appendingPathComponent("web")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.projectWeb, to: web)
        try Self.secret.write(to: folder.appendingPathComponent("secret.txt"), atomically: true, encoding: .utf8)
        let database = try ForumDatabase(path: folder.appendingPathComponent("forum.sqlite").path)
        server = try ForumServer.start(
            configuration: ServerConfiguration(
                port: 0, webRoot: web.path, hostKey: ServerHarness.hostKey, joinURLs: joinURLs,
                remoteJoinURL: remoteJoinURL),
            library: ServerHarness.library, database: database)
    }

    deinit {
        server.stop()
        server.wait()
        try? FileManager.default.removeItem(at: folder)
    }

    /// The bytes of a file in the served copy of `web/`.
    func file(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: web.appendingPathComponent(name)))
    }

    func client() throws -> HTTPTestClient {
        try HTTPTestClient(port: server.port)
    }

    /// The project's pages: `web/` at the top of the repository.
    static let projectWeb = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("web")
}
