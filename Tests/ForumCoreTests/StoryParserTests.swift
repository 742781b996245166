import ForumCore
import Testing

/// Reading story files: the model built from a good file, and YAML syntax errors turned into
/// messages with their line and column.
@Suite("Story parser")
struct StoryParserTests {
    @Test("a complete story file becomes a Story with every field")
    func completeStory() {
        let result = ScenarioChecking.story(
            """
            title: Sam's night
            summary: Sam's sister finds him in crisis at 2am.
            authors: [Test My Story community group, Valley Crisis Team]
            language: cy
            content_notes:
              - suicidal thoughts
              - police involvement
            start: the-call
            scenes:
              - id: kitchen
                title: The kitchen, 2am
                text: |
                  Sam hasn't slept for three nights.

                  His sister Maya has come round.
                image: images/kitchen.jpg
                image_alt: A small kitchen at night
                host_notes: Pause here.
              - id: the-call
                text: Maya picks up her phone.
                decision:
                  question: Who should Maya call?
                  next: kitchen
                  options:
                    - id: police
                      label: 999 and ask for the police
                      next: kitchen
                    - id: crisis-line
                      label: The crisis line
            """, images: ["images/kitchen.jpg"])
        #expect(result.lines == [])
        let expected = Story(
            id: "test-story", title: "Sam's night", summary: "Sam's sister finds him in crisis at 2am.",
            authors: ["Test My Story community group", "Valley Crisis Team"], language: "cy",
            contentNotes: ["suicidal thoughts", "police involvement"], start: "the-call",
            scenes: [
                Scene(
                    id: "kitchen", title: "The kitchen, 2am",
                    text: "Sam hasn't slept for three nights.\n\nHis sister Maya has come round.",
                    image: "images/kitchen.jpg", imageAlt: "A small kitchen at night",
                    hostNotes: "Pause here."),
                Scene(
                    id: "the-call", text: "Maya picks up her phone.",
                    decision: Decision(
                        question: "Who should Maya call?",
                        options: [
                            Option(id: "police", label: "999 and ask for the police", next: "kitchen"),
                            Option(id: "crisis-line", label: "The crisis line"),
                        ], next: "kitchen")),
            ])
        #expect(result.story == expected)
    }

    @Test("optional keys take their defaults: start is the first scene, language is en")
    func defaults() {
        let result = ScenarioChecking.story(ScenarioChecking.minimal)
        #expect(result.lines == [])
        #expect(result.story?.start == "kitchen")
        #expect(result.story?.language == "en")
        #expect(result.story?.authors == [])
        #expect(result.story?.contentNotes == [])
        #expect(result.story?.summary == nil)
        #expect(result.story?.scenes.map(\.id) == ["kitchen", "the-end"])
        #expect(result.story?.scene("the-end")?.isEnding == true)
    }

    @Test("the story id is the file name without .yaml")
    func storyIDFromFileName() {
        let result = ScenarioChecking.story(
            ScenarioChecking.minimal, file: "stories/a-and-e-at-16.yaml")
        #expect(result.story?.id == "a-and-e-at-16")
        #expect(SourceFile(path: "scenarios/sams-night.yaml", text: "").storyID == "sams-night")
        #expect(SourceFile(path: "sams-night.yaml", text: "").fileName == "sams-night.yaml")
    }

    @Test("empty values of optional keys count as absent, and `~` is empty")
    func emptyOptionalValues() {
        let result = ScenarioChecking.story(
            """
            title: Sam's night
            summary:
            start: ~
            scenes:
              - id: kitchen
                text: Sam hasn't slept.
                next:
            """)
        #expect(result.lines == [])
        #expect(result.story?.summary == nil)
        #expect(result.story?.start == "kitchen")
        #expect(result.story?.scenes.first?.isEnding == true)
    }

    @Test("numbers, times and yes/no are kept exactly as written")
    func scalarsKeepTheirText() {
        let result = ScenarioChecking.story(
            """
            title: 1984
            scenes:
              - id: 10-00
                text: yes
                decision:
                  question: 10:30?
                  options:
                    - { id: a, label: 0.50 }
                    - { id: b, label: no }
            """)
        #expect(result.lines == [])
        #expect(result.story?.title == "1984")
        #expect(result.story?.scenes.first?.text == "yes")
        #expect(result.story?.scenes.first?.decision?.question == "10:30?")
        #expect(result.story?.scenes.first?.decision?.options.map(\.label) == ["0.50", "no"])
    }

    @Test("Windows line endings are read like any other")
    func windowsLineEndings() {
        let yaml = ScenarioChecking.minimal.split(separator: "\n").joined(separator: "\r\n") + "\r\n"
        let result = ScenarioChecking.story(yaml)
        #expect(result.lines == [])
        #expect(result.story?.scenes.first?.text == "Sam hasn't slept.")
    }

    @Test("an empty file or a file of comments is an error at 1:1")
    func emptyFile() {
        for text in ["", "# only a comment\n"] {
            let result = ScenarioChecking.story(text)
            #expect(result.lines == ["1:1 error: the file is empty"])
            #expect(result.story == nil)
        }
    }

    @Test("a file that is a list or plain text is not a story")
    func rootNotAMapping() {
        #expect(
            ScenarioChecking.story("- id: kitchen\n").lines == [
                "1:1 error: a story should be written as `key: value` lines, but this is a list"
            ])
        #expect(
            ScenarioChecking.story("\n\nOnce upon a time\n").lines == [
                "3:1 error: a story should be written as `key: value` lines, but this is a piece of text"
            ])
    }

    @Test(
        "YAML syntax errors name the line and column and say how to fix them",
        arguments: [
            (
                "title: Sam: the night\n", "1:11 error: a colon followed by a space cannot be used here",
                "if this line starts a new key, line it up with the keys above it; if the colon is part of "
                    + "the text, put the whole text in double quotes, for example `title: \"Sam: the night\"`"
            ),
            (
                "title: x\n\tsummary: y\n",
                "2:1 error: a tab is used here, but YAML only allows spaces for indenting",
                "replace the tab at the start of this line with spaces"
            ),
            (
                "title: \"Sam's night\nscenes: []\n",
                "1:8 error: this quote `\"` is opened but never closed",
                "add the closing `\"` at the end of the text"
            ),
            (
                "title: x\nthis line has no colon\nscenes: []\n",
                "2:1 error: this line has no `:` after its key",
                "each line should look like `key: value`; if this line continues the text above, indent it "
                    + "further than that text's key"
            ),
            (
                "scenes:\n  - id: a\n    text: b\n   next: c\n",
                "4:4 error: this line does not line up with the list above it",
                "every item of a list starts with `- ` in the same column, and the keys of an item line up "
                    + "with the first key after its `- `"
            ),
            (
                "title: x\nscenes:\n  - id: a\n    text: |\n      b\n   next: c\n",
                "6:4 error: this line does not line up with the list above it",
                "every item of a list starts with `- ` in the same column, and the keys of an item line up "
                    + "with the first key after its `- `"
            ),
            (
                "scenes:\n  - id: a\n  - id: b\n - id: c\n",
                "4:2 error: this line is indented differently from the lines above it",
                "keys that belong together must start in the same column; check the spaces at the start of "
                    + "this line"
            ),
            (
                "title: 'Sam's night'\n", "1:13 error: unexpected text after the end of a value",
                "quotes must go around the whole value; to write an apostrophe inside single quotes, write it "
                    + "twice (`'Sam''s night'`), or use double quotes"
            ),
            (
                "title: x\nsummary: y\ntitle: z\n", "3:1 error: `title` is written twice in the same place",
                "keep only one `title` (the first is on line 1)"
            ),
            (
                "scenes:\n  - id: a\n    text: b\n    # note\n    text: c\n",
                "5:5 error: `text` is written twice in the same place",
                "keep only one `text` (the first is on line 3)"
            ),
            (
                "title: \"Sam\\'s night\"\n",
                "1:12 error: a backslash `\\` inside double quotes must start a known code",
                "write `\\\\` for a backslash, or put the text in single quotes instead"
            ),
            (
                "title: @home\n", "1:8 error: a value cannot start with `@`",
                "put the whole value in double quotes, for example `title: \"@home\"`"
            ),
            (
                "title: *starred\n", "1:8 error: a value cannot start with `*`",
                "put the whole value in double quotes, for example `title: \"@home\"`"
            ),
            (
                "authors: [Sam, Maya\ntitle: x\n", "1:10 error: this `[` is never closed",
                "add `]` at the end, on the same line; put any item that contains a comma or a colon in double "
                    + "quotes"
            ),
            (
                "scenes: - id: a\n", "1:9 error: a list cannot start on the same line as its key",
                "put each `- ` item on its own line below the key, indented, or write the list in square "
                    + "brackets: `authors: [Sam, Maya]`"
            ),
            (
                "title: x\n---\ntitle: y\n",
                "2:1 error: `---` starts a second document, but a file can hold only one",
                "remove the `---` line, or move what follows it into a file of its own"
            ),
            (
                "title: Sam\u{1}\n", "1:11 error: the file contains an invisible control character here",
                "delete the character; such characters often come from copying text out of a word processor or "
                    + "a PDF"
            ),
        ])
    func syntaxErrors(yaml: String, expected: String, hint: String) {
        let result = ScenarioChecking.story(yaml)
        #expect(result.lines == [expected])
        #expect(result.hints == [hint])
        #expect(result.story == nil)
    }

    @Test("a syntax error uses the full diagnostic format with the file path")
    func syntaxErrorDescription() {
        let result = ScenarioChecking.story(
            "title: Sam: the night\n", file: "scenarios/sams-night.yaml")
        #expect(
            result.diagnostics.first?.description.hasPrefix(
                "scenarios/sams-night.yaml:1:11: error: a colon followed by a space cannot be used here\n  hint: "
            )
                == true)
    }

    @Test("UTF-8 bytes decode, with a leading byte-order mark dropped")
    func decodesUTF8() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("title: Noson Sam — \u{1F319}\n".utf8)
        let file = try SourceFile.decoding(path: "scenarios/noson.yaml", bytes: bytes).get()
        #expect(file.text == "title: Noson Sam — \u{1F319}\n")
        #expect(file.path == "scenarios/noson.yaml")
    }

    @Test("bytes that are not UTF-8 are reported at their line and column")
    func rejectsOtherEncodings() {
        let bytes = Array("title: x\nsummary: caf".utf8) + [0xE9] + Array(" au lait\n".utf8)
        let result = SourceFile.decoding(path: "scenarios/cafe.yaml", bytes: bytes)
        guard case .failure(let error) = result else {
            Issue.record("Latin-1 text decoded as UTF-8")
            return
        }
        #expect(
            error.diagnostic.description == """
                scenarios/cafe.yaml:2:13: error: the file is not saved as UTF-8 text: this character cannot be read
                  hint: save the file again with the encoding set to UTF-8 in your editor
                """)
    }
}
