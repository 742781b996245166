import Foundation
import Testing

@testable import ForumCore

/// The Twine files in `Fixtures/`, written the way Twine 2.6 writes them, and helpers for
/// importing and exporting in the tests.
enum TwineFixtures {
    /// The bytes of the fixture `name`.
    static func bytes(_ name: String) throws -> [UInt8] {
        let root = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        return [UInt8](try Data(contentsOf: root.appendingPathComponent(name)))
    }

    /// An IFID maker that always gives the same IFID, so results can be compared.
    static let fixedIFID: @Sendable () -> String = { "0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D" }

    /// Imports `text` as the file `path`.
    static func importing(_ text: String, path: String = "story.twee", id: String? = nil) -> TwineImport.Result {
        TwineImport.run(
            path: path, bytes: Array(text.utf8), options: TwineImport.Options(storyID: id, newIFID: fixedIFID))
    }

    /// The story Forum reads back from `story` written as Twee.
    static func throughTwee(_ story: Story) throws -> Story {
        let twee = TweeWriter.twee(story, newIFID: fixedIFID)
        let result = importing(twee, path: story.id + ".twee")
        let errors = result.diagnostics.filter(\.isError)
        #expect(errors.isEmpty, "\(errors)")
        return try #require(result.story)
    }

    /// The bundled stories in the repository's `scenarios/` folder, each with its file name.
    static func bundledStories(source: String = #filePath) throws -> [Story] {
        let folder = URL(fileURLWithPath: source).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scenarios")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".yaml") && $0 != "event.yaml" }.sorted()
        return try names.map { name in
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            let parsed = StoryParser.parse(SourceFile(path: name, text: text), availableFiles: nil)
            return try #require(parsed.story, "\(name): \(parsed.diagnostics)")
        }
    }

    /// The warnings of `result` as `line: message` lines, for comparing in one go.
    static func lines(_ result: TwineImport.Result) -> [String] {
        result.diagnostics.map { "\($0.line):\($0.column): \($0.severity.rawValue): \($0.message)" }
    }
}
