import Testing

@testable import ForumCore

/// Broken and hostile input: a clear error at file:line, and no story (so nothing is written);
/// hostile text stays text.
@Suite("forum import: bad and hostile input")
struct TwineBadInputTests {
    @Test("a file that is not Twine is refused with what and where")
    func notTwine() {
        let result = TwineFixtures.importing("title: Sam's night\nscenes: []\n", path: "notes.txt")
        #expect(result.story == nil && result.yaml == nil)
        #expect(TwineFixtures.lines(result) == ["1:1: error: this is not a Twee file: no line starts with `::`"])
        let html = TwineFixtures.importing(
            "<html><body><div tiddler=\"Start\">Twine 1</div></body></html>", path: "old.html")
        #expect(html.story == nil)
        #expect(
            TwineFixtures.lines(html) == [
                "1:1: error: this HTML file holds no Twine 2 story: there is no `<tw-storydata>` element"
            ])
    }

    @Test("a file with no story passages, or only special ones, is refused")
    func noPassages() throws {
        let empty = TwineFixtures.importing("")
        #expect(empty.story == nil)
        #expect(empty.diagnostics.first?.severity == .error)
        let special = TwineFixtures.importing(":: StoryTitle\nA title\n\n:: StoryData\n{\"ifid\": \"X\"}\n")
        #expect(special.story == nil)
        #expect(TwineFixtures.lines(special).last == "4:1: error: the story has no passages that can become scenes")
        let invisible = TwineFixtures.importing(
            ":: StoryTitle\nT\n\n:: \u{7}\nWho?\n[[\u{7}->A]]\n[[\u{1}|B]]\n\n:: A\nA.\n\n:: B\nB.\n")
        let options = try #require(invisible.story?.scenes.first?.decision?.options)
        #expect(options.map(\.label) == ["Option 1", "Option 2"])
        #expect(invisible.story?.scenes.first?.title == nil)
        let html = TwineFixtures.importing(
            "<tw-storydata name=\"Empty\" startnode=\"\" hidden></tw-storydata>", path: "e.html")
        #expect(TwineFixtures.lines(html) == ["1:1: error: the story has no passages that can become scenes"])
    }

    @Test("a file that is not UTF-8 is refused at the line and column of the first bad byte")
    func notUTF8() {
        let bytes = Array(":: Start\nCaf".utf8) + [0xE9] + Array(" au lait\n".utf8)
        let result = TwineImport.run(path: "latin1.twee", bytes: bytes)
        #expect(result.story == nil)
        #expect(
            TwineFixtures.lines(result) == [
                "2:4: error: the file is not saved as UTF-8 text: this character cannot be read"
            ])
    }

    @Test("a file over 10 MB is refused before it is read")
    func huge() {
        let bytes = [UInt8](repeating: UInt8(ascii: "a"), count: TwineImport.maximumFileSize + 1)
        let result = TwineImport.run(path: "huge.html", bytes: bytes)
        #expect(result.story == nil)
        #expect(result.diagnostics.first?.message == "the file is 10 MB; Forum imports Twine files up to 10 MB")
    }

    @Test("an id that breaks the id rule is refused; names that make no id get one")
    func hostileNames() throws {
        let bad = TwineFixtures.importing(":: Start\nHello.\n", id: "../etc/passwd")
        #expect(bad.story == nil)
        #expect(TwineFixtures.lines(bad) == ["1:1: error: `../etc/passwd` cannot be used as a story id"])
        let long = String(repeating: "Very long name ", count: 40)
        let result = TwineFixtures.importing(
            ":: StoryTitle\n../../etc\n\n:: ???\nA passage.\n[[\(long)]]\n\n:: \(long)\nStill text.\n[[دخول]]\n\n:: دخول\nArabic.\n"
        )
        let story = try #require(result.story)
        #expect(story.id == "etc")
        #expect(story.scenes.map(\.id).first == "passage-1")
        #expect(story.scenes[1].id.utf8.count <= TwineSlug.maximumLength)
        #expect(story.scenes[1].title == TwineText.trailingSpaceTrimmed(long))
        #expect(story.scenes[2].id == "passage-3")
        #expect(story.scenes[2].title == "دخول")
        #expect(!result.diagnostics.contains { $0.isError })
    }

    @Test("markup, `::` inside text, entities and control characters stay text")
    func hostileText() throws {
        let result = TwineFixtures.importing(
            ":: Start\n<script>alert(1)</script> &amp; &lt;b&gt;\n\\:: not a header\n  :: indented\nBell\u{7} and escape \u{1B}[31m\n"
        )
        let scene = try #require(result.story?.scenes.first)
        #expect(
            scene.text
                == "<script>alert(1)</script> &amp; &lt;b&gt;\n:: not a header\n  :: indented\nBell and escape [31m")
        #expect(
            TwineFixtures.lines(result) == [
                "1:1: warning: passage `Start` contains invisible control characters; Forum leaves them out",
                "1:1: warning: the story has no name; Forum calls it “story”",
                "2:1: warning: passage `Start` contains story-format code or HTML (`<script>`); Forum shows it as plain text",
            ])
        let invisible = TwineFixtures.importing(
            ":: StoryTitle\nT\n\n:: \u{7}\nWho?\n[[\u{7}->A]]\n[[\u{1}|B]]\n\n:: A\nA.\n\n:: B\nB.\n")
        let options = try #require(invisible.story?.scenes.first?.decision?.options)
        #expect(options.map(\.label) == ["Option 1", "Option 2"])
        #expect(invisible.story?.scenes.first?.title == nil)
        let html = TwineFixtures.importing(
            "<tw-storydata name=\"X\" startnode=\"1\"><tw-passagedata pid=\"1\" name=\"A &amp; B\">&lt;img src=x onerror=alert(1)&gt; &#x1F600; &#0; &bogus;</tw-passagedata></tw-storydata>",
            path: "x.html")
        let passage = try #require(html.story?.scenes.first)
        #expect(passage.title == "A & B")
        #expect(passage.text == "<img src=x onerror=alert(1)> 😀 \u{FFFD} &bogus;")
    }
}
