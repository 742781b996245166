import Testing

@testable import ForumCore

/// The story-file writer: community text never becomes YAML syntax, and the checker reads
/// back exactly the story written.
@Suite("story file writer")
struct StoryYAMLWriterTests {
    @Test("values that look like YAML syntax are quoted and read back as they were")
    func hostileScalars() throws {
        let tricky = [
            "a: b", "# not a note", "- not a list", "yes", "no", "null", "~", "123", "@home", "*star", "&anchor",
            "!tag", "%percent", "[x]", "{y}", "'single'", "\"double\"", "back\\slash", "---", "...", "tab\there",
            "line\u{2028}separator", "bom\u{FEFF}", "😀 emoji", "",
        ]
        let scenes = tricky.enumerated().map { index, text in
            Scene(
                id: "s\(index)", title: text.isEmpty ? nil : text, text: "x" + text,
                hostNotes: text.isEmpty ? nil : text)
        }
        let story = Story(
            id: "tricky", title: "Title: with colon", summary: "line one\nline two\n  indented",
            authors: tricky.filter { !$0.isEmpty },
            language: "cy", contentNotes: ["a, b"], start: "s0", scenes: scenes, ifid: "ABCDEFGH")
        let yaml = StoryYAMLWriter.yaml(story)
        let parsed = StoryParser.parse(SourceFile(path: "tricky.yaml", text: yaml), availableFiles: nil)
        #expect(parsed.story == story, "\(yaml)")
        #expect(parsed.diagnostics.filter { $0.message.contains("cannot be reached") }.count == tricky.count - 1)
    }

    @Test("text of several lines is written as a literal block")
    func literalBlocks() {
        let story = Story(
            id: "blocks", title: "Blocks", start: "a", scenes: [Scene(id: "a", text: "One.\n\nTwo: three # four")])
        #expect(StoryYAMLWriter.yaml(story).contains("    text: |-\n      One.\n\n      Two: three # four\n"))
    }

    @Test("an `ifid` that breaks the Treaty of Babel's rule is an error at its line")
    func badIFID() {
        let parsed = StoryParser.parse(
            SourceFile(path: "s.yaml", text: "title: T\nifid: not-an-ifid\nscenes:\n  - id: a\n    text: A.\n"),
            availableFiles: nil)
        #expect(parsed.story == nil)
        #expect(
            parsed.diagnostics.map(\.description).first?.hasPrefix("s.yaml:2:7: error: `not-an-ifid` is not an IFID")
                == true)
    }
}
