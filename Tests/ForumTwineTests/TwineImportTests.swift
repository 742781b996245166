import Testing

@testable import ForumCore

/// Importing Twee 3 and Twine 2 HTML files written the way Twine writes them: the stories
/// they become, and the warnings at the lines of the input file.
@Suite("forum import: Twine files")
struct TwineImportTests {
    @Test("a Twee 3 file becomes a story that forum check accepts, with every link form read")
    func twee() throws {
        let result = TwineImport.run(
            path: "night-shift.twee", bytes: try TwineFixtures.bytes("night-shift.twee"),
            options: TwineImport.Options(newIFID: TwineFixtures.fixedIFID))
        let story = try #require(result.story)
        #expect(story.id == "the-night-shift")
        #expect(story.title == "The night shift")
        #expect(story.ifid == "7F0E3C2A-5B1D-4E8F-9A6C-2D4B8E1F3A57")
        #expect(story.start == "ward-at-midnight")
        #expect(
            story.scenes.map(\.id) == [
                "a-quiet-word", "call-security", "ward-at-midnight", "the-rota", "ask-him-to-wait",
            ])
        let ward = try #require(story.scene("ward-at-midnight"))
        #expect(ward.title == "Ward at midnight")
        #expect(
            ward.text == """
                It is midnight on Ward 7. Nurse Priya is on her own with twelve patients.
                A man at the desk is shouting that nobody has told him anything about his wife.
                :: The desk phone rings and rings.
                """)
        let decision = try #require(ward.decision)
        #expect(decision.question == "What should Priya do?")
        #expect(
            decision.options.map(\.label) == [
                "Take him somewhere quiet", "Call security", "Check who else is on shift", "Ask him to wait",
            ])
        #expect(decision.options.map(\.next) == ["a-quiet-word", "call-security", "the-rota", "ask-him-to-wait"])
        #expect(story.scene("the-rota")?.next == "ward-at-midnight")
        #expect(story.scene("the-rota")?.text.contains("<<if $tomLate>>Tom is late again.<</if>>") == true)
        #expect(story.scene("call-security")?.isEnding == true)
        #expect(story.scene("ask-him-to-wait")?.text == StoryAssembler.placeholder)
        #expect(
            TwineFixtures.lines(result) == [
                "20:1: warning: passage `A quiet word` contains story-format code or HTML (`(set: $calm to true)`); "
                    + "Forum shows it as plain text",
                "28:1: warning: passage `Story Stylesheet` is the story's stylesheet; Forum leaves it out",
                "41:1: warning: passage `Ward at midnight` links to `Ask him to wait`, but no passage has that name; "
                    + "Forum adds a short scene saying this part is not written yet",
                "46:1: warning: passage `The rota` contains story-format code or HTML (`<<if $tomLate>>`); "
                    + "Forum shows it as plain text",
            ])
        let checked = StoryParser.parse(
            SourceFile(path: "the-night-shift.yaml", text: try #require(result.yaml)), availableFiles: nil)
        #expect(checked.story == story)
        #expect(!checked.diagnostics.contains { $0.isError })
    }

    @Test("Twine 2's published HTML: entities decoded, startnode followed, a missing IFID made, code kept as text")
    func publishedHTML() throws {
        let result = TwineImport.run(
            path: "late-shift.html", bytes: try TwineFixtures.bytes("late-shift.html"),
            options: TwineImport.Options(newIFID: TwineFixtures.fixedIFID))
        let story = try #require(result.story)
        #expect(story.title == "Sam's bus & the \"late\" shift")
        #expect(story.id == "sams-bus-the-late-shift")
        #expect(story.ifid == "0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D")
        #expect(story.start == "leaving-work")
        let leaving = try #require(story.scene("leaving-work"))
        #expect(leaving.text == "Sam finishes at 23:40 & runs for the bus.\n<b>It is raining.</b>")
        let decision = try #require(leaving.decision)
        #expect(decision.question == "How should Sam get home?")
        #expect(decision.options.map(\.label) == ["Run for it", "Ring his mum", "Walk", "Take a taxi"])
        #expect(decision.options.map(\.next) == ["bus-stop", "mums-car", "walk-home", "take-a-taxi"])
        #expect(story.scene("mums-car")?.title == "Mum's car")
        #expect(
            story.scene("bus-stop")?.text
                == "The last bus has gone. Sam's phone is on 3%.\n(if: $late)[Sam's boss said \"don't be late again\".]"
        )
        #expect(
            TwineFixtures.lines(result) == [
                "11:206: warning: the story's stylesheet is left out: phones show every story in Forum's own style",
                "11:318: warning: the story's JavaScript is left out: Forum shows text and votes, it runs no code",
                "12:1: warning: passage `Bus stop` contains story-format code or HTML (`(if: $late)`); "
                    + "Forum shows it as plain text",
                "15:1: warning: passage `Leaving work` contains story-format code or HTML (`<b>`); "
                    + "Forum shows it as plain text",
                "21:1: warning: passage `Leaving work` has a link that also sets `$money to $money - 20`; Forum keeps "
                    + "the link and leaves the setter out",
                "21:1: warning: passage `Leaving work` links to `Take a taxi`, but no passage has that name; Forum "
                    + "adds a short scene saying this part is not written yet",
                "21:324: warning: passage `Mum's car` contains story-format code or HTML (`<<set $owed to true>>`); "
                    + "Forum shows it as plain text",
            ])
    }

    @Test("an archive: the first story by default, another by name, the others listed in a warning")
    func archive() throws {
        let bytes = try TwineFixtures.bytes("archive.html")
        let first = TwineImport.run(
            path: "archive.html", bytes: bytes, options: TwineImport.Options(newIFID: TwineFixtures.fixedIFID))
        #expect(first.story?.title == "First story")
        #expect(
            first.diagnostics.first?.message == "the file holds 2 stories; importing `First story`, not `Second story`")
        let second = TwineImport.run(
            path: "archive.html", bytes: bytes,
            options: TwineImport.Options(storyName: "Second story", newIFID: TwineFixtures.fixedIFID))
        #expect(second.story?.title == "Second story")
        #expect(second.story?.ifid == "2C9B7C5E-1D0A-4F3B-8E6D-5A4C3B2A1F09")
        #expect(second.story?.scenes.map(\.text) == ["The only passage."])
        let missing = TwineImport.run(
            path: "archive.html", bytes: bytes,
            options: TwineImport.Options(storyName: "Third", newIFID: TwineFixtures.fixedIFID))
        #expect(missing.story == nil)
        #expect(TwineFixtures.lines(missing) == ["1:1: error: the file holds no story called `Third`"])
        #expect(missing.diagnostics.first?.hint == "the stories in it are `First story`, `Second story`")
    }

    @Test("links on a line of their own leave the text; inline links leave their words")
    func inlineLinks() throws {
        let result = TwineFixtures.importing(
            """
            :: StoryTitle
            Links

            :: Start
            You can [[go left->Left]] or [[go right|Right]].
            Which way?
            [[Left]]

            :: Left
            Left.

            :: Right
            Right.
            """)
        let start = try #require(result.story?.scene("start"))
        #expect(start.text == "You can go left or go right.")
        #expect(start.decision?.question == "Which way?")
        #expect(start.decision?.options.map(\.label) == ["go left", "go right", "Left"])
        #expect(start.decision?.options.map(\.id) == ["go-left", "go-right", "left"])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    }

    @Test("no question: Forum asks its own and says so; a `decision` tag makes the last paragraph the question")
    func questions() throws {
        let asked = TwineFixtures.importing(
            ":: StoryTitle\nQ\n\n:: Start\nSam waits.\n[[A]]\n[[B]]\n\n:: A\nA.\n\n:: B\nB.\n")
        #expect(asked.story?.scenes.first?.decision?.question == PassageMapper.defaultQuestion)
        #expect(
            TwineFixtures.lines(asked).first?.hasPrefix(
                "4:1: warning: passage `Start` offers 2 choices but asks no question") == true)
        let tagged = TwineFixtures.importing(
            ":: StoryTitle\nQ\n\n:: Start [decision]\nSam waits.\n\nMaya decides\n[[A]]\n[[B]]\n\n:: A\nA.\n\n:: B\nB.\n"
        )
        #expect(tagged.story?.scenes.first?.decision?.question == "Maya decides")
        #expect(tagged.story?.scenes.first?.text == "Sam waits.")
        #expect(tagged.diagnostics.isEmpty)
    }

    @Test("more than 8 links: the first 8 become options, with a warning at the ninth")
    func tooManyLinks() throws {
        let links = (1...10).map { "[[Choice \($0)->End]]" }.joined(separator: "\n")
        let result = TwineFixtures.importing(
            ":: StoryTitle\nMany\n\n:: Start\nWhat now?\n\(links)\n\n:: End\nThe end.\n")
        #expect(result.story?.scenes.first?.decision?.options.count == 8)
        #expect(
            TwineFixtures.lines(result).first?.hasPrefix("14:1: warning: passage `Start` has 10 links, but a decision")
                == true)
    }

    @Test("duplicate names, unreachable passages and a missing start are warnings at their lines")
    func structureWarnings() throws {
        let result = TwineFixtures.importing(
            """
            :: StoryTitle
            Loose ends

            :: StoryData
            {"ifid": "d674c58c-defa-4f70-b7a2-27742230c0fc", "start": "Nowhere"}

            :: Begin
            The story begins.
            [[Next]]

            :: Next
            The end.

            :: Next
            A second passage with the same name.

            :: Orphan
            Nothing links here.
            """)
        let story = try #require(result.story)
        #expect(story.ifid == "D674C58C-DEFA-4F70-B7A2-27742230C0FC")
        #expect(story.start == "begin")
        #expect(story.scenes.map(\.id) == ["begin", "next", "next-2", "orphan"])
        #expect(
            TwineFixtures.lines(result) == [
                "4:1: warning: the story starts at a passage called `Nowhere`, but it has no such passage; Forum "
                    + "starts at `Begin`",
                "14:1: warning: a second passage is called `Next`; links lead to the first one, on line 11",
                "14:1: warning: scene `next-2` cannot be reached from the start of the story",
                "17:1: warning: scene `orphan` cannot be reached from the start of the story",
            ])
    }
}
