import Testing

@testable import ForumCore

/// Every rule of the checker (scenario-format.md, "Rules the checker enforces"), each with
/// the exact line and column it reports.
@Suite("Checker rules")
struct CheckerRulesTests {
    // MARK: Unknown keys

    @Test("unknown keys at every level are errors, with the closest key as a hint")
    func unknownKeys() {
        let result = ScenarioChecking.story(
            """
            title: Sam's night
            sumary: Sam's sister finds him.
            scenes:
              - id: kitchen
                txet: Sam hasn't slept.
                text: Sam hasn't slept.
                decision:
                  question: Who?
                  optoins: []
                  options:
                    - id: police
                      lable: Police
                      label: Police
                    - id: gp
                      label: GP
            """)
        #expect(
            result.lines == [
                "2:1 error: unknown key `sumary`",
                "5:5 error: unknown key `txet`",
                "9:7 error: unknown key `optoins`",
                "12:11 error: unknown key `lable`",
            ])
        #expect(
            result.hints == [
                "did you mean `summary`?", "did you mean `text`?", "did you mean `options`?",
                "did you mean `label`?",
            ])
        #expect(result.story == nil)
    }

    @Test("a misspelt required key is reported once, as a typo, not also as missing")
    func misspeltRequiredKey() {
        let result = ScenarioChecking.story(
            """
            tittle: Sam's night
            scenes:
              - id: kitchen
                text: Sam hasn't slept.
                image: images/kitchen.jpg
                image-alt: A kitchen
            """, images: ["images/kitchen.jpg"])
        #expect(
            result.lines == ["1:1 error: unknown key `tittle`", "6:5 error: unknown key `image-alt`"])
        #expect(result.hints == ["did you mean `title`?", "did you mean `image_alt`?"])
    }

    @Test(
        "common other words for a key are recognised, and keys in the wrong block say where they go")
    func synonymsAndMisplacedKeys() {
        let result = ScenarioChecking.story(
            """
            title: Sam's night
            scenes:
              - id: kitchen
                description: Sam hasn't slept.
                text: Sam hasn't slept.
                question: Who should Maya call?
                decision:
                  question: Who should Maya call?
                  text: Maya is frightened.
                  options:
                    - { id: police, text: Police }
                    - { id: gp, label: GP }
            """)
        #expect(
            result.lines == [
                "4:5 error: unknown key `description`",
                "6:5 error: unknown key `question`",
                "9:7 error: unknown key `text`",
                "11:25 error: unknown key `text`",
            ])
        #expect(
            result.hints == [
                "did you mean `text`?",
                "`question` is not used here; it belongs inside a scene's `decision:`",
                "`text` is not used here; it belongs in a scene (an entry under `scenes:`)",
                "did you mean `label`?",
            ])
    }

    @Test("an unknown key like no known one lists the keys the block can have")
    func unknownKeyWithoutSuggestion() {
        let result = ScenarioChecking.story(ScenarioChecking.minimal + "\nvenue: Town hall\n")
        #expect(result.lines == ["8:1 error: unknown key `venue`"])
        #expect(
            result.hints == [
                "a story can have `title`, `summary`, `authors`, `language`, `content_notes`, `start`, `scenes` or `ifid`"
            ])
    }

    @Test("a comma inside `{ }` that splits a text is explained; a line ending in `:` is not")
    func textSplitByComma() {
        let result = ScenarioChecking.story(
            """
            title: Sam's night
            scenes:
              - id: the-call
                text: Maya picks up her phone.
                decision:
                  question: Who should Maya call?
                  options:
                    - { id: gp, label: Wait, then ring the GP }
                    - { id: police, label: Police, next: hall }
              - id: hall
                text: The hall.
                Maya says:
            """)
        #expect(
            result.lines == [
                "8:34 error: unknown key `then ring the GP`",
                "12:5 error: unknown key `Maya says`",
            ])
        #expect(
            result.hints == [
                "a comma inside `{ }` starts a new key; if this is part of the text before it, put that whole "
                    + "text in double quotes",
                "a scene can have `id`, `title`, `text`, `image`, `image_alt`, `host_notes`, `next` or `decision`",
            ])
    }

    // MARK: Wrong types

    @Test("values of the wrong kind are errors at their key, with how to write them")
    func wrongTypes() {
        let result = ScenarioChecking.story(
            """
            title:
              - Sam's night
            authors: Test My Story group
            content_notes:
              theme: crisis
            scenes:
              - id: kitchen
                text:
                  Maya: hello
                decision: Who should Maya call?
            """)
        #expect(
            result.lines == [
                "1:1 error: `title` should be a piece of text, but here it is a list",
                "3:1 error: `authors` should be a list, but here it is a piece of text",
                "4:1 error: `content_notes` should be a list, but here it is a group of `key: value` lines",
                "8:5 error: `text` should be a piece of text, but here it is a group of `key: value` lines",
                "10:5 error: `decision` should be a group of `key: value` lines, but here it is a piece of text",
            ])
        #expect(
            result.hints == [
                "`title` holds one piece of text: remove the `- ` or the square brackets",
                "put each entry on its own line below `authors:`, starting with `- `, or write the list in square "
                    + "brackets: `authors: [Test My Story group]`",
                "start each entry of `content_notes` with `- ` (a dash and a space)",
                "if the text contains a colon followed by a space, put the whole text in double quotes, or write "
                    + "`text: |` and the text on the lines below it, indented",
                "write `decision:` alone on its line, then its keys on the lines below, indented",
            ])
    }

    @Test("scenes and options must be blocks of keys, and list entries must be texts")
    func wrongEntryTypes() {
        let result = ScenarioChecking.story(
            """
            title: Sam's night
            authors:
              - Sam
              -
              - [Maya, Jo]
            scenes:
              - kitchen
              - id: the-call
                text: Maya picks up her phone.
                decision:
                  question: Who?
                  options:
                    - police
                    - { id: gp, label: GP }
              -
            """)
        #expect(
            result.lines == [
                "4:4 error: each entry of `authors` should be a piece of text, but this one is empty",
                "5:5 error: each entry of `authors` should be a piece of text, but this one is a list",
                "7:5 error: a scene should be written as `key: value` lines, but this is a piece of text",
                "13:11 error: an option should be written as `key: value` lines, but this is a piece of text",
                "15:4 error: a scene should be written as `key: value` lines, but this one is empty",
            ])
        #expect(
            result.hints[2] == "start each scene with `- id: ...` and line its other keys up under `id`")
        #expect(result.hints[3] == "start each option with `- id: ...` and line `label:` up under `id`")
    }

    @Test("`scenes` must be a list")
    func scenesNotAList() {
        let result = ScenarioChecking.story("title: Sam's night\nscenes:\n  id: kitchen\n  text: Sam\n")
        #expect(
            result.lines == [
                "2:1 error: `scenes` should be a list, but here it is a group of `key: value` lines"
            ])
        #expect(result.hints == ["start each entry of `scenes` with `- ` (a dash and a space)"])
    }

    @Test("the language must be a language tag")
    func languageTag() {
        let underscore = ScenarioChecking.story("language: en_GB\n" + ScenarioChecking.minimal)
        #expect(underscore.lines == ["1:11 error: `en_GB` is not a language tag"])
        #expect(underscore.hints == ["did you mean `en-GB`? Language tags use `-` between their parts"])
        let word = ScenarioChecking.story("language: Welsh language\n" + ScenarioChecking.minimal)
        #expect(word.lines == ["1:11 error: `Welsh language` is not a language tag"])
        for tag in ["en", "cy", "ur", "pl", "en-GB", "zh-Hant-TW", "es-419"] {
            #expect(ScenarioChecking.story("language: \(tag)\n" + ScenarioChecking.minimal).lines == [])
        }
    }

    // MARK: Missing required keys

    @Test("missing required keys are errors at the start of their block")
    func missingRequiredKeys() {
        let result = ScenarioChecking.story(
            """
            summary: No title here.
            scenes:
              - title: No id
                text: Sam hasn't slept.
              - id: the-call
                decision:
                  next: the-call
              - id: options
                text: x
                decision:
                  question: Who?
                  options:
                    - label: Police
                    - id: gp
            """)
        #expect(
            result.lines == [
                "1:1 error: the story has no `title`",
                "3:5 error: this scene has no `id`",
                "5:5 error: scene `the-call` has no `text`",
                "7:7 error: this decision has no `question`",
                "7:7 error: this decision has no `options`",
                "13:11 error: this option has no `id`",
                "14:11 error: option `gp` has no `label`",
            ])
        #expect(
            result.hints == [
                "add a line such as `title: Sam's night` at the top of the file",
                "start the scene with `- id:` and a short name such as `kitchen`, used to link scenes",
                "add `text:` with what happens in this scene",
                "add `question:` with what the audience is asked, such as `question: Who should Maya call?`",
                "add `options:` with 2 to 8 choices below it, each starting with `- id:`",
                "start the option with `- id:` and a short name such as `police`",
                "add `label:` with the words the audience votes for",
            ])
    }

    @Test("a story needs scenes")
    func missingScenes() {
        let none = ScenarioChecking.story("title: Sam's night\n")
        #expect(none.lines == ["1:1 error: the story has no `scenes`"])
        #expect(none.hints == ["add `scenes:` and below it the scenes, each starting with `- id:`"])
        let empty = ScenarioChecking.story("title: Sam's night\nscenes: []\n")
        #expect(empty.lines == ["2:1 error: the story has no scenes"])
    }

    @Test("a required key left empty is reported at the key")
    func emptyRequiredValues() {
        let result = ScenarioChecking.story(
            """
            title: ""
            scenes:
              - id: kitchen
                text:
            """)
        #expect(
            result.lines == [
                "1:1 error: the `title` of the story is empty",
                "4:5 error: the `text` of scene `kitchen` is empty",
            ])
    }

    // MARK: Ids

    @Test("ids use lowercase letters, digits and `-`, with a suggestion")
    func idRule() {
        let result = ScenarioChecking.story(
            """
            title: Sam's night
            scenes:
              - id: The Kitchen
                text: Sam hasn't slept.
                next: the_call
              - id: the_call
                text: Maya picks up her phone.
                decision:
                  question: Who should Maya call?
                  options:
                    - { id: Police!, label: Police }
                    - { id: gp, label: GP }
            """)
        #expect(
            result.lines == [
                "3:9 error: `The Kitchen` cannot be used as a scene id",
                "6:9 error: `the_call` cannot be used as a scene id",
                "11:17 error: `Police!` cannot be used as an option id",
            ])
        #expect(
            result.hints == [
                "use only lowercase letters (a-z), digits and `-`, with no spaces, for example `the-kitchen`",
                "use only lowercase letters (a-z), digits and `-`, with no spaces, for example `the-call`",
                "use only lowercase letters (a-z), digits and `-`, with no spaces, for example `police`",
            ])
    }

    @Test("the file name is the story id and follows the id rule")
    func fileNameRule() {
        let result = ScenarioChecking.story(
            ScenarioChecking.minimal, file: "scenarios/Sam's Night.yaml")
        #expect(
            result.lines == ["1:1 error: the file name `Sam's Night.yaml` cannot be used as a story id"])
        #expect(
            result.hints == [
                "rename the file using only lowercase letters (a-z), digits and `-`, with no spaces, "
                    + "for example `sams-night.yaml`"
            ])
        #expect(result.story == nil)
    }

    @Test("duplicate scene ids and duplicate option ids in one decision are errors at the second")
    func duplicateIDs() {
        let result = ScenarioChecking.story(
            """
            title: Sam's night
            scenes:
              - id: kitchen
                text: Sam hasn't slept.
                next: the-call
              - id: the-call
                text: Maya picks up her phone.
                decision:
                  question: Who should Maya call?
                  options:
                    - { id: police, label: Police }
                    - { id: police, label: The police }
              - id: kitchen
                text: Again.
                decision:
                  question: And now?
                  options:
                    - { id: police, label: Police }
                    - { id: gp, label: GP }
            """)
        #expect(
            result.lines == [
                "12:17 error: this decision has two options with the id `police`",
                "13:9 error: this story has two scenes with the id `kitchen`",
            ])
        #expect(
            result.hints == [
                "give each option its own id (the first `police` is on line 11)",
                "give each scene its own id (the first `kitchen` is on line 3)",
            ])
    }

    // MARK: Links

    @Test("`next` and `start` naming a missing scene are errors with the closest id")
    func brokenLinks() {
        let result = ScenarioChecking.story(
            """
            title: Sam's night
            start: kitchn
            scenes:
              - id: kitchen
                text: Sam hasn't slept.
                next: the-cal
              - id: the-call
                text: Maya picks up her phone.
                decision:
                  question: Who should Maya call?
                  next: morning
                  options:
                    - { id: police, label: Police, next: police-arive }
                    - { id: gp, label: GP }
              - id: police-arrive
                text: Two officers arrive.
            """)
        #expect(
            result.lines == [
                "2:8 error: `start` leads to `kitchn`, but no scene has that id",
                "6:11 error: `next` leads to `the-cal`, but no scene has that id",
                "11:13 error: `next` leads to `morning`, but no scene has that id",
                "13:46 error: `next` leads to `police-arive`, but no scene has that id",
            ])
        #expect(
            result.hints == [
                "did you mean `kitchen`?",
                "did you mean `the-call`?",
                "the scenes of this story are `kitchen`, `the-call` and `police-arrive`; check the spelling, or add "
                    + "the scene",
                "did you mean `police-arrive`?",
            ])
    }

    @Test("a scene with both `next` and a decision is an error at `next`")
    func nextAndDecision() {
        let result = ScenarioChecking.story(
            """
            title: Sam's night
            scenes:
              - id: kitchen
                text: Sam hasn't slept.
                next: the-end
                decision:
                  question: Who should Maya call?
                  options:
                    - { id: police, label: Police }
                    - { id: gp, label: GP }
              - id: the-end
                text: Morning.
            """)
        #expect(result.lines == ["5:5 error: scene `kitchen` has both `next` and a `decision`"])
        #expect(
            result.hints == [
                "a scene either moves on with `next` or asks the audience with `decision`; to go on to a scene "
                    + "after the vote, move this `next` inside `decision:` (options without their own `next` go "
                    + "there)"
            ])
    }

    // MARK: Options

    @Test(
        "a decision offers 2 to 8 options",
        arguments: [
            (1, "7:7 error: a decision needs at least 2 options, but this one has 1 option"), (2, nil),
            (8, nil), (9, "7:7 error: a decision can have at most 8 options, but this one has 9 options"),
        ])
    func optionCount(count: Int, expected: String?) {
        let options = (1...count).map { "        - { id: option-\($0), label: Option \($0) }" }
        let yaml = """
            title: Sam's night
            scenes:
              - id: the-call
                text: Maya picks up her phone.
                decision:
                  question: Who should Maya call?
                  options:

            """ + options.joined(separator: "\n")
        let result = ScenarioChecking.story(yaml)
        #expect(result.lines == (expected.map { [$0] } ?? []))
        #expect((result.story == nil) == (expected != nil))
    }

    @Test("an empty option list is fewer than 2 options")
    func noOptions() {
        let result = ScenarioChecking.story(
            """
            title: Sam's night
            scenes:
              - id: the-call
                text: Maya picks up her phone.
                decision:
                  question: Who should Maya call?
                  options: []
            """)
        #expect(
            result.lines == ["7:7 error: a decision needs at least 2 options, but this one has 0 options"]
        )
        #expect(
            result.hints == [
                "add another option, or use `next:` instead of a decision when there is no choice"
            ])
    }

    // MARK: Images

    @Test("an image needs `image_alt` and must exist in the scenarios folder")
    func images() {
        let result = ScenarioChecking.story(
            """
            title: Sam's night
            scenes:
              - id: kitchen
                text: Sam hasn't slept.
                image: images/kitchen.jpg
                next: hall
              - id: hall
                text: The hall.
                image: images/hal.jpg
                image_alt: A dark hallway
                next: street
              - id: street
                text: The street.
                image: ./images/street.png
                image_alt: A street at night
                next: away
              - id: away
                text: Away.
                image: photos/away.jpg
                image_alt: ""
                next: outside
              - id: outside
                text: Outside.
                image: ../secret.jpg
                image_alt: Outside
            """,
            images: ["images/kitchen.jpg", "images/hall.jpg", "images/street.png", "sams-night.yaml"])
        #expect(
            result.lines == [
                "5:5 error: scene `kitchen` has an `image` but no `image_alt`",
                "9:12 error: the image file `images/hal.jpg` is not in the scenarios folder",
                "19:5 error: scene `away` has an `image` but no `image_alt`",
                "19:12 error: the image file `photos/away.jpg` is not in the scenarios folder",
                "24:12 error: the image `../secret.jpg` must be inside the scenarios folder",
            ])
        #expect(
            result.hints == [
                "add `image_alt:` with a short description of the picture, read out by screen readers",
                "did you mean `images/hall.jpg`? Image paths start from the scenarios folder",
                "add `image_alt:` with a short description of the picture, read out by screen readers",
                "image paths start from the scenarios folder, such as `images/kitchen.jpg`; check the spelling and "
                    + "that the picture has been copied there",
                "copy the picture into the scenarios folder and write its path from there, such as "
                    + "`images/kitchen.jpg`",
            ])
    }

    @Test("without a list of files, only `image_alt` is checked")
    func imagesWithoutFolder() {
        let yaml =
            ScenarioChecking.minimal + "\n    image: images/morning.jpg\n    image_alt: Sunrise\n"
        #expect(ScenarioChecking.story(yaml, images: nil).lines == [])
        #expect(
            ScenarioChecking.story(yaml, images: []).lines == [
                "8:12 error: the image file `images/morning.jpg` is not in the scenarios folder"
            ])
    }

    // MARK: Warnings

    @Test("scenes that cannot be reached from `start` are warnings; the story still loads")
    func unreachableScenes() {
        let result = ScenarioChecking.story(
            """
            title: Sam's night
            start: the-call
            scenes:
              - id: kitchen
                text: Sam hasn't slept.
                next: the-call
              - id: the-call
                text: Maya picks up her phone.
                decision:
                  question: Who should Maya call?
                  next: morning
                  options:
                    - { id: police, label: Police, next: police-arrive }
                    - { id: gp, label: GP }
              - id: police-arrive
                text: Two officers arrive.
              - id: morning
                text: Morning.
              - id: left-over
                text: Never shown.
            """)
        #expect(
            result.lines == [
                "4:9 warning: scene `kitchen` cannot be reached from the start of the story",
                "19:9 warning: scene `left-over` cannot be reached from the start of the story",
            ])
        #expect(
            result.hints == [
                "no `next` or option leads to it; link to it from another scene, or remove it",
                "no `next` or option leads to it; link to it from another scene, or remove it",
            ])
        #expect(result.story?.scenes.count == 5)
    }

    @Test("a story whose every path loops is a warning at `start` or the first scene")
    func noReachableEnding() {
        let loop = """
            title: Sam's night
            scenes:
              - id: kitchen
                text: Sam hasn't slept.
                next: the-call
              - id: the-call
                text: Maya picks up her phone.
                decision:
                  question: Again?
                  options:
                    - { id: again, label: Again, next: kitchen }
                    - { id: call, label: Call, next: the-call }
              - id: the-end
                text: The end.
            """
        let result = ScenarioChecking.story(loop)
        #expect(
            result.lines == [
                "3:9 warning: the story has no ending that can be reached from the start",
                "13:9 warning: scene `the-end` cannot be reached from the start of the story",
            ])
        #expect(
            result.hints.first
                == "every path loops back; give at least one scene neither `next` nor `decision`, "
                + "so the story can end there")
        #expect(result.story != nil)
        let withStart = ScenarioChecking.story("start: the-call\n" + loop)
        #expect(
            withStart.lines.first
                == "1:8 warning: the story has no ending that can be reached from the start")
    }

    @Test("an option that leads nowhere ends the story there; loops are allowed")
    func optionWithoutNextIsAnEnding() {
        let result = ScenarioChecking.story(
            """
            title: Sam's night
            scenes:
              - id: kitchen
                text: Sam hasn't slept.
                decision:
                  question: Replay?
                  options:
                    - { id: replay, label: Replay, next: kitchen }
                    - { id: stop, label: Stop here }
            """)
        #expect(result.lines == [])
        #expect(result.story?.scenes.first?.decision?.options.last?.next == nil)
    }

    @Test("no reachability warnings while a link is broken")
    func noWarningsWithBrokenLinks() {
        let result = ScenarioChecking.story(
            """
            title: Sam's night
            scenes:
              - id: kitchen
                text: Sam hasn't slept.
                next: the-cal
              - id: the-call
                text: Maya picks up her phone.
            """)
        #expect(result.lines == ["5:11 error: `next` leads to `the-cal`, but no scene has that id"])
    }

    @Test("text over 1,200 characters is a warning at `text`; 1,200 is fine")
    func longText() {
        func story(length: Int) -> String {
            "title: Sam's night\nscenes:\n  - id: kitchen\n    text: "
                + String(repeating: "a", count: length) + "\n"
        }
        #expect(ScenarioChecking.story(story(length: 1_200)).lines == [])
        let long = ScenarioChecking.story(story(length: 1_201))
        #expect(
            long.lines == [
                "4:5 warning: the text of scene `kitchen` is 1,201 characters long; more than 1,200 is hard to "
                    + "read on a phone"
            ])
        #expect(long.hints == ["shorten it, or split the scene in two joined by `next`"])
        #expect(long.story != nil)
    }

    @Test("every mistake of one file is reported in one pass, sorted by line and column")
    func manyMistakesAtOnce() {
        let result = ScenarioChecking.story(
            """
            tile: Sam's night
            scenes:
              - id: Kitchen
                text: Sam hasn't slept.
                next: nowhere
              - id: Kitchen
            """)
        #expect(
            Diagnostic.sorted(result.diagnostics).map(ScenarioChecking.line) == [
                "1:1 error: unknown key `tile`",
                "3:9 error: `Kitchen` cannot be used as a scene id",
                "5:11 error: `next` leads to `nowhere`, but no scene has that id",
                "6:5 error: scene `Kitchen` has no `text`",
                "6:9 error: `Kitchen` cannot be used as a scene id",
                "6:9 error: this story has two scenes with the id `Kitchen`",
            ])
    }

    // MARK: Helpers

    @Test("suggestions allow about one typo in three letters, and count swapped letters as one")
    func suggestions() {
        #expect(Suggestion.closest(to: "tittle", among: ["title", "text"]) == "title")
        #expect(Suggestion.closest(to: "titel", among: ["title", "text"]) == "title")
        #expect(Suggestion.closest(to: "venue", among: ["title", "text"]) == nil)
        #expect(
            Suggestion.closest(to: "police-arive", among: ["police-arrive", "crisis-line"])
                == "police-arrive")
        #expect(Suggestion.editDistance("kitchen", "kitchne") == 1)
        #expect(Suggestion.editDistance("", "abc") == 3)
        #expect(Suggestion.list(["a", "b", "c"]) == "`a`, `b` and `c`")
        #expect(Suggestion.list(["a", "b", "c"], limit: 2) == "`a`, `b` and 1 more")
    }

    @Test("ids that break the rule get a valid suggestion")
    func identifierSuggestions() {
        #expect(Identifier.isValid("a-and-e-at-16"))
        #expect(!Identifier.isValid(""))
        #expect(!Identifier.isValid("café"))
        #expect(Identifier.suggestion(for: "The Call") == "the-call")
        #expect(Identifier.suggestion(for: "sam's_night.") == "sams-night")
        #expect(Identifier.suggestion(for: "!!!") == nil)
    }
}
