import ForumCore
import ForumStudio
import ForumStudioService
import ForumStudioStore
import Foundation
import Testing

@Suite("Studio protocol without sockets")
struct ServiceTests {
    func service() throws -> (StudioService, String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("studio-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let database = try StudioDatabase(path: folder.appendingPathComponent("studio.sqlite").path)
        return (
            StudioService(
                database: database, publisher: StoryPublisher(folder: folder.path), organiserKey: "k-123456789012"),
            folder.path
        )
    }

    func send(_ service: StudioService, _ json: String, from connection: UInt64 = 1) throws -> [[String: Any]] {
        try service.handle(Array(json.utf8), from: connection).map {
            try #require(JSONSerialization.jsonObject(with: Data($0.bytes)) as? [String: Any])
        }
    }

    @Test("an organiser makes an invite, a contributor writes, publishing writes a checked file")
    func wholeWay() throws {
        let (service, folder) = try service()
        _ = try send(service, #"{"type":"hello","key":"k-123456789012"}"#)
        let invites = try send(service, #"{"type":"invite_create","label":"Group","days":3}"#)
        let token = try #require(((invites[0]["invites"] as? [[String: Any]])?.first?["token"]) as? String)
        let welcome = try send(service, #"{"type":"hello","invite":"\#(token)","name":"Ann"}"#, from: 2)
        #expect(welcome[0]["role"] as? String == "contributor")
        let created = try send(service, #"{"type":"create","title":"Night","template":"decision"}"#, from: 2)
        let story = try #require(created[0]["story"] as? [String: Any])
        #expect(story["id"] as? String == "night")
        for (connection, action) in [(UInt64(2), "submit"), (1, "approve"), (1, "publish")] {
            let reply = try send(service, #"{"type":"review","story":"night","action":"\#(action)"}"#, from: connection)
            #expect(reply[0]["type"] as? String == "story", "\(reply)")
        }
        let text = try String(contentsOfFile: folder + "/night.yaml", encoding: .utf8)
        let parsed = StoryParser.parse(SourceFile(path: "night.yaml", text: text), availableFiles: nil)
        #expect(parsed.story?.scenes.count == 3)
    }

    @Test("garbage and unknown types get stable error codes")
    func badInput() throws {
        let (service, _) = try service()
        #expect(try send(service, "{")[0]["code"] as? String == "bad_message")
        #expect(try send(service, #"{"type":"list"}"#)[0]["code"] as? String == "sign_in_first")
        #expect(try send(service, #"{"type":"hello","key":"wrong"}"#)[0]["code"] as? String == "bad_key")
        _ = try send(service, #"{"type":"hello","key":"k-123456789012"}"#)
        #expect(try send(service, #"{"type":"fly"}"#)[0]["code"] as? String == "bad_message")
    }
}
