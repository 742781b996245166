import Foundation
import Testing

/// `forum import` and `forum export-story` run as the built binary in a fresh folder: what
/// they print, what they write, and that a failed import writes nothing.
@Suite("forum import and forum export-story")
struct ImportCommandTests {
    /// A Twee file with a decision, a dangling link and a Harlowe macro.
    static let twee = """
        :: StoryTitle
        Ward 7 at night

        :: StoryData
        {"ifid": "7F0E3C2A-5B1D-4E8F-9A6C-2D4B8E1F3A57", "start": "Midnight"}

        :: Midnight [decision]
        Priya is on her own with twelve patients.
        (set: $alone to true)

        What should Priya do?
        [[Ask for help->Help]]
        [[Carry on alone|Alone]]

        :: Help
        The site manager sends a bank nurse.

        """

    /// A new empty folder with a `scenarios` folder and `story.twee` in it.
    static func workspace() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("forum-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("scenarios"), withIntermediateDirectories: true)
        try twee.write(to: folder.appendingPathComponent("story.twee"), atomically: true, encoding: .utf8)
        return folder
    }

    /// The names in `folder/scenarios`, hidden ones included.
    static func scenarios(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("scenarios").path).sorted()
    }

    @Test("import prints the warnings at the Twee file's lines, writes the story, and forum check accepts it")
    func importsAndChecks() throws {
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try ForumBinary.run(["import", "story.twee"], in: folder)
        #expect(run.status == 0)
        #expect(
            run.stdout == """
                story.twee:9:1: warning: passage `Midnight` contains story-format code or HTML (`(set: $alone to true)`); \
                Forum shows it as plain text
                  hint: the audience sees these characters as they are written: remove them or say it in words
                story.twee:13:1: warning: passage `Midnight` links to `Alone`, but no passage has that name; Forum adds \
                a short scene saying this part is not written yet
                  hint: write the passage `Alone` in Twine, or correct the link
                wrote scenarios/ward-7-at-night.yaml: story `ward-7-at-night`, 3 scenes, 2 warnings

                """)
        #expect(try Self.scenarios(folder) == ["ward-7-at-night.yaml"])
        let check = try ForumBinary.run(["check"], in: folder)
        #expect(check.stdout == "ok: 1 story, 0 warnings\n")
    }

    @Test("an existing story is not written over without --replace")
    func refusesToOverwrite() throws {
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let story = folder.appendingPathComponent("scenarios/ward.yaml")
        try "title: Mine\nscenes:\n  - id: a\n    text: Mine.\n".write(to: story, atomically: true, encoding: .utf8)
        let refused = try ForumBinary.run(["import", "story.twee", "--id", "ward"], in: folder)
        #expect(refused.status == 1)
        #expect(
            refused.stdout.hasSuffix(
                "scenarios/ward.yaml: error: the file already exists; nothing is written\n"
                    + "  hint: choose another name, or give --replace to write over it\n"))
        #expect(try String(contentsOf: story, encoding: .utf8).hasPrefix("title: Mine"))
        #expect(try Self.scenarios(folder) == ["ward.yaml"])
        let replaced = try ForumBinary.run(["import", "story.twee", "--id", "ward", "--replace"], in: folder)
        #expect(replaced.status == 0)
        #expect(try String(contentsOf: story, encoding: .utf8).contains("title: \"Ward 7 at night\""))
        #expect(try Self.scenarios(folder) == ["ward.yaml"])
    }

    @Test("a broken import says what and where, and writes nothing")
    func brokenImport() throws {
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data([0x3A, 0x3A, 0x20, 0x41, 0x0A, 0xFF]).write(to: folder.appendingPathComponent("bad.twee"))
        let run = try ForumBinary.run(["import", "bad.twee"], in: folder)
        #expect(run.status == 1)
        #expect(
            run.stdout == """
                bad.twee:2:1: error: the file is not saved as UTF-8 text: this character cannot be read
                  hint: save the file again with the encoding set to UTF-8 in your editor
                1 error: nothing written

                """)
        #expect(try Self.scenarios(folder).isEmpty)
        let missing = try ForumBinary.run(["import", "nowhere.html"], in: folder)
        #expect(missing.status == 1)
        #expect(missing.stdout.hasPrefix("nowhere.html: error: there is no file called `nowhere.html`"))
    }

    @Test("export-story --format twee, imported again, gives the same story file")
    func roundTrip() throws {
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try ForumBinary.run(["import", "story.twee", "--id", "ward"], in: folder)
        let exported = try ForumBinary.run(
            ["export-story", "ward", "--format", "twee", "--out", "ward.twee"], in: folder)
        #expect(exported.stdout == "wrote ward.twee: story `ward` as twee\n")
        let again = try ForumBinary.run(["export-story", "ward", "--out", "ward.twee"], in: folder)
        #expect(again.status == 1)
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("back"), withIntermediateDirectories: true)
        let back = try ForumBinary.run(["import", "ward.twee", "--out", "back"], in: folder)
        #expect(back.stdout == "wrote back/ward.yaml: story `ward`, 3 scenes, 0 warnings\n")
        let original = try String(contentsOf: folder.appendingPathComponent("scenarios/ward.yaml"), encoding: .utf8)
        let returned = try String(contentsOf: folder.appendingPathComponent("back/ward.yaml"), encoding: .utf8)
        #expect(returned == original)
        let yaml = try ForumBinary.run(["export-story", "ward", "--format", "yaml", "--scenarios", "back"], in: folder)
        #expect(yaml.stdout == original)
    }

    @Test("a story with errors is not exported")
    func exportRefusesBrokenStory() throws {
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "title: Broken\nscenes:\n  - id: a\n    text: A.\n    next: nowhere\n".write(
            to: folder.appendingPathComponent("scenarios/broken.yaml"), atomically: true, encoding: .utf8)
        let run = try ForumBinary.run(["export-story", "broken"], in: folder)
        #expect(run.status == 1)
        #expect(run.stdout.hasPrefix("scenarios/broken.yaml:5:11: error: `next` leads to `nowhere`"))
        #expect(run.stdout.contains("scenarios/broken.yaml: error: the story has errors, so it is not exported"))
    }
}
