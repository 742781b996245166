import ForumCore
import ForumStudio
import ForumStudioService
import ForumStudioStore
import Foundation
import Testing

@Suite("Studio pictures: known by their bytes, described before saved, published with the story")
struct PictureTests {
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 7, count: 100)
    static let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0] + Array(repeating: 1, count: 40)
    static let webp: [UInt8] = Array("RIFF".utf8) + [1, 2, 3, 4] + Array("WEBPVP8 ".utf8) + [0, 0]

    @Test func theKindComesFromTheFirstBytesOnly() {
        #expect(PictureKind.detect(Self.png) == .png)
        #expect(PictureKind.detect(Self.jpeg) == .jpeg)
        #expect(PictureKind.detect(Self.webp) == .webp)
        #expect(PictureKind.detect(Array("GIF89a........".utf8)) == nil)
        #expect(PictureKind.detect(Array("<svg onload=alert(1)>".utf8)) == nil)
        #expect(PictureKind.detect(Array("RIFF1234WAVE".utf8)) == nil)
        #expect(PictureKind.detect([0x89, 0x50]) == nil)
        #expect(PictureKind.jpeg.fileExtension == "jpg" && PictureKind.webp.mimeType == "image/webp")
    }

    @Test func theRulesSayWhatIsWrongInPlainWords() {
        #expect(PictureRules.check(Self.png, alt: "Jo's kitchen at night") == .success(.png))
        let big = Self.png + Array(repeating: 0, count: PictureRules.maximumBytes)
        guard case .failure(let tooBig) = PictureRules.check(big, alt: "x") else {
            Issue.record("a picture over 2 MiB was accepted")
            return
        }
        #expect(
            tooBig.code == .tooLarge
                && tooBig.message.hasPrefix("This picture is 2.1 MB: a picture can be at most 2 MB."))
        guard case .failure(let notPicture) = PictureRules.check(Array("hello".utf8), alt: "x"),
            case .failure(let undescribed) = PictureRules.check(Self.jpeg, alt: "  \n "),
            case .failure(let empty) = PictureRules.check([], alt: "x")
        else {
            Issue.record("a bad picture was accepted")
            return
        }
        #expect(notPicture.message.contains("not a PNG, JPEG or WebP picture"))
        #expect(undescribed.message.hasPrefix("Describe the picture first"))
        #expect(empty.message.contains("empty"))
    }

    @Test func aPicturesPathIsRandomAndRecognised() {
        var generator = SystemRandomNumberGenerator()
        let one = PictureRules.path(story: "jos-night", kind: .jpeg, using: &generator)
        let two = PictureRules.path(story: "jos-night", kind: .jpeg, using: &generator)
        #expect(one != two && one.hasPrefix("images/jos-night-") && one.hasSuffix(".jpg"))
        #expect(PictureRules.isStudioPath(one, story: "jos-night"))
        #expect(!PictureRules.isStudioPath(one, story: "other"))
        #expect(!PictureRules.isStudioPath("images/jos-night-../../etc.jpg", story: "jos-night"))
        #expect(!PictureRules.isStudioPath("images/kitchen.jpg", story: "jos-night"))
    }

    // MARK: Through the service

    func service() throws -> (StudioService, StudioDatabase, String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("studio-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let database = try StudioDatabase(path: folder.appendingPathComponent("studio.sqlite").path)
        let service = StudioService(
            database: database, publisher: StoryPublisher(folder: folder.path), organiserKey: "k-123456789012")
        return (service, database, folder.path)
    }

    func send(_ service: StudioService, _ object: [String: Any], from connection: UInt64 = 1) throws -> [String: Any] {
        let bytes = try JSONSerialization.data(withJSONObject: object)
        let first = try #require(service.handle(Array(bytes), from: connection).first)
        let object = try JSONSerialization.jsonObject(with: Data(first.bytes))
        return try #require(object as? [String: Any])
    }

    @Test func aPictureIsKeptDescribedThenPublishedIntoImagesAndPassesTheCheck() throws {
        let (service, database, folder) = try service()
        _ = try send(service, ["type": "hello", "key": "k-123456789012"])
        let created = try send(service, ["type": "create", "title": "Night", "template": "decision"])
        var content = try #require((created["story"] as? [String: Any])?["content"] as? [String: Any])

        let refused = try send(
            service,
            [
                "type": "picture", "story": "night", "data": Data(Self.png).base64EncodedString(), "alt": " ",
                "ref": "p0",
            ])
        #expect(refused["code"] as? String == "invalid_content" && refused["ref"] as? String == "p0")
        let renamed = try send(
            service,
            [
                "type": "picture", "story": "night", "file": "photo.png",
                "data": Data(Array("not really a png".utf8)).base64EncodedString(), "alt": "A kitchen",
            ])
        #expect((renamed["message"] as? String)?.contains("not a PNG, JPEG or WebP") == true)

        let added = try send(
            service,
            [
                "type": "picture", "story": "night", "file": "kitchen.png", "ref": "p1",
                "data": Data(Self.png).base64EncodedString(), "alt": "Jo's kitchen, the kettle on",
            ])
        let path = try #require(added["image"] as? String)
        #expect(added["type"] as? String == "picture" && added["kind"] as? String == "png" && added["data"] == nil)
        #expect(PictureRules.isStudioPath(path, story: "night"))
        let fetched = try send(service, ["type": "picture_get", "story": "night", "image": path])
        #expect(fetched["data"] as? String == Data(Self.png).base64EncodedString())
        #expect(fetched["alt"] as? String == "Jo's kitchen, the kettle on")

        var scenes = try #require(content["scenes"] as? [[String: Any]])
        scenes[0]["image"] = path
        scenes[0]["imageAlt"] = "Jo's kitchen, the kettle on"
        content["scenes"] = scenes
        let saved = try send(service, ["type": "save", "story": "night", "base": 1, "content": content])
        #expect(saved["type"] as? String == "saved", "\(saved)")
        for action in ["submit", "approve"] {
            #expect(
                try send(service, ["type": "review", "story": "night", "action": action])["type"] as? String == "story")
        }
        // Under review: no new pictures.
        let locked = try send(
            service, ["type": "picture", "story": "night", "data": Data(Self.jpeg).base64EncodedString(), "alt": "x"])
        #expect(locked["code"] as? String == "not_editable")
        #expect(
            try send(service, ["type": "review", "story": "night", "action": "publish"])["type"] as? String == "story")

        let written = try #require(FileManager.default.contents(atPath: folder + "/" + path))
        #expect(Array(written) == Self.png)
        let yaml = try String(contentsOfFile: folder + "/night.yaml", encoding: .utf8)
        let files: Set<String> = [path]
        let parsed = StoryParser.parse(SourceFile(path: "night.yaml", text: yaml), availableFiles: files)
        #expect(parsed.story?.scenes.first?.image == path, "\(parsed.diagnostics)")
        #expect(parsed.story?.scenes.first?.imageAlt == "Jo's kitchen, the kettle on")
        #expect(throws: (any Error).self) { try database.tamper("DELETE FROM pictures") }
    }
}
