import ForumCore
import Testing

/// The event file (`event.yaml`) and the library built from a whole scenarios folder.
@Suite("Event parser and library builder")
struct EventParserTests {
    static let event = """
        title: Urgent mental health care — Test My Story live
        perspectives:
          - { id: lived-experience, label: I have used mental health services }
          - { id: police,           label: Police }
        sessions:
          - { id: morning,   title: Crisis at night,  starts: "10:00", stories: [sams-night] }
          - id: afternoon
            title: After the crisis
            starts: 9:30
            stories:
              - coming-home
              - sams-night
        """

    @Test("a complete event file becomes the programme")
    func completeEvent() {
        let result = ScenarioChecking.event(Self.event)
        #expect(result.lines == [])
        #expect(
            result.programme
                == EventProgramme(
                    title: "Urgent mental health care — Test My Story live",
                    perspectives: [
                        Perspective(id: "lived-experience", label: "I have used mental health services"),
                        Perspective(id: "police", label: "Police"),
                    ],
                    sessions: [
                        ProgrammeSession(
                            id: "morning", title: "Crisis at night", starts: "10:00", stories: ["sams-night"]),
                        ProgrammeSession(
                            id: "afternoon", title: "After the crisis", starts: "9:30",
                            stories: ["coming-home", "sams-night"]),
                    ]))
    }

    @Test(
        "absent keys take the defaults: title, the default perspectives, one session of every story")
    func defaults() {
        for yaml in ["", "# nothing yet\n", "title: Forum day\n"] {
            let result = ScenarioChecking.event(yaml, stories: ["coming-home", "sams-night"])
            #expect(result.lines == [])
            #expect(result.programme?.perspectives == EventProgramme.defaultPerspectives)
            #expect(
                result.programme?.sessions == [
                    ProgrammeSession(id: "all", title: "All stories", stories: ["coming-home", "sams-night"])
                ])
        }
        #expect(ScenarioChecking.event("").programme?.title == EventProgramme.defaultTitle)
        #expect(ScenarioChecking.event("title: Forum day\n").programme?.title == "Forum day")
    }

    @Test("unknown keys in the event file are errors with the closest key")
    func unknownKeys() {
        let result = ScenarioChecking.event(
            """
            titel: Forum day
            perspectives:
              - { id: police, lable: Police }
            sessions:
              - { id: morning, title: Morning, start: "10:00", stories: [sams-night] }
            """)
        #expect(
            result.lines == [
                "1:1 error: unknown key `titel`",
                "3:19 error: unknown key `lable`",
                "5:36 error: unknown key `start`",
            ])
        #expect(
            result.hints == ["did you mean `title`?", "did you mean `label`?", "did you mean `starts`?"])
        #expect(result.programme == nil)
    }

    @Test("sessions naming unknown stories are errors with the closest story id")
    func unknownStories() {
        let result = ScenarioChecking.event(
            """
            sessions:
              - { id: morning, title: Morning, stories: [sams-nite, a-and-e] }
            """)
        #expect(
            result.lines == [
                "2:46 error: there is no story `sams-nite` in the scenarios folder",
                "2:57 error: there is no story `a-and-e` in the scenarios folder",
            ])
        #expect(
            result.hints == [
                "did you mean `sams-night`?",
                "stories are named by their file name without `.yaml`; the stories here are `coming-home` and "
                    + "`sams-night`",
            ])
    }

    @Test("duplicate session and perspective ids are errors at the second")
    func duplicateIDs() {
        let result = ScenarioChecking.event(
            """
            perspectives:
              - { id: police, label: Police }
              - { id: police, label: Police officer }
            sessions:
              - { id: morning, title: Morning, stories: [sams-night] }
              - { id: morning, title: Afternoon, stories: [coming-home] }
            """)
        #expect(
            result.lines == [
                "3:11 error: this event has two perspectives with the id `police`",
                "6:11 error: this event has two sessions with the id `morning`",
            ])
        #expect(
            result.hints == [
                "give each perspective its own id (the first `police` is on line 2)",
                "give each session its own id (the first `morning` is on line 5)",
            ])
    }

    @Test("perspectives must each have an id following the id rule and a label")
    func perspectiveFormat() {
        let result = ScenarioChecking.event(
            """
            perspectives:
              - Police
              - { id: Lived Experience, label: I have used services }
              - { id: carer }
              - label: Something else
              - { id: gp, label: [GP, Practice nurse] }
            """)
        #expect(
            result.lines == [
                "2:5 error: a perspective should be written as `key: value` lines, but this is a piece of text",
                "3:11 error: `Lived Experience` cannot be used as a perspective id",
                "4:5 error: perspective `carer` has no `label`",
                "5:5 error: this perspective has no `id`",
                "6:15 error: `label` should be a piece of text, but here it is a list",
            ])
        #expect(result.hints[0] == "write each perspective as `- { id: police, label: Police }`")
        #expect(
            result.hints[1]
                == "use only lowercase letters (a-z), digits and `-`, with no spaces, for example `lived-experience`"
        )
    }

    @Test("sessions need an id, a title and stories; `starts` is a time of day")
    func sessionFormat() {
        let result = ScenarioChecking.event(
            """
            sessions:
              - { title: Morning, stories: [sams-night] }
              - { id: noon, stories: [sams-night] }
              - { id: late, title: Late, starts: "25:00", stories: [sams-night] }
              - { id: early, title: Early, starts: half past nine, stories: [sams-night] }
              - { id: empty, title: Empty, stories: [] }
              - { id: missing, title: Missing }
              - { id: single, title: Single, stories: sams-night }
            """)
        #expect(
            result.lines == [
                "2:5 error: this session has no `id`",
                "3:5 error: session `noon` has no `title`",
                "4:38 error: `25:00` is not a time of day",
                "5:40 error: `half past nine` is not a time of day",
                "6:32 error: this session lists no stories",
                "7:5 error: session `missing` has no `stories`",
                "8:34 error: `stories` should be a list, but here it is a piece of text",
            ])
        #expect(
            result.hints[2]
                == "write the start time in 24-hour form with quotes, such as `starts: \"13:30\"`")
        #expect(
            result.hints[6]
                == "put each entry on its own line below `stories:`, starting with `- `, or write the list in square "
                + "brackets: `stories: [sams-night]`")
    }

    @Test(
        "empty lists of perspectives or sessions are errors, since removing the key gives the defaults")
    func emptyLists() {
        let result = ScenarioChecking.event("perspectives: []\nsessions: []\n")
        #expect(
            result.lines == [
                "1:1 error: `perspectives` lists no perspectives",
                "2:1 error: `sessions` lists no sessions",
            ])
        #expect(
            result.hints == [
                "list at least one, or remove `perspectives:` to use the default ones",
                "list at least one, or remove `sessions:` to play every story in one session",
            ])
    }

    @Test("a YAML syntax error in the event file is reported like in a story")
    func eventSyntaxError() {
        let result = ScenarioChecking.event("title: Forum: the day\n")
        #expect(result.lines == ["1:13 error: a colon followed by a space cannot be used here"])
        #expect(result.programme == nil)
    }

    // MARK: Library

    static func story(_ id: String, title: String) -> SourceFile {
        SourceFile(
            path: "scenarios/\(id).yaml",
            text: "title: \(title)\nscenes:\n  - id: start\n    text: It begins.\n")
    }

    @Test(
        "without an event file every story is one session `all`, in id order, with the default perspectives"
    )
    func libraryWithoutEventFile() throws {
        let built = LibraryBuilder.build(
            storyFiles: [
                Self.story("sams-night", title: "Sam's night"),
                Self.story("coming-home", title: "Coming home"),
            ],
            eventFile: nil, availableFiles: [])
        #expect(built.diagnostics == [])
        let library = try #require(built.library)
        #expect(library.stories.map(\.id) == ["coming-home", "sams-night"])
        #expect(
            library.programme
                == EventProgramme(
                    title: "Forum theatre", perspectives: EventProgramme.defaultPerspectives,
                    sessions: [
                        ProgrammeSession(
                            id: "all", title: "All stories", stories: ["coming-home", "sams-night"])
                    ]))
    }

    @Test("stories come in programme order, then the others by id")
    func libraryOrder() throws {
        let event = SourceFile(
            path: "scenarios/event.yaml",
            text: """
                sessions:
                  - { id: morning, title: Morning, stories: [sams-night, coming-home] }
                  - { id: afternoon, title: Afternoon, stories: [coming-home, a-and-e] }
                """)
        let built = LibraryBuilder.build(
            storyFiles: ["zebra", "coming-home", "a-and-e", "sams-night", "b-side"].map {
                Self.story($0, title: $0)
            }, eventFile: event, availableFiles: [])
        #expect(built.diagnostics == [])
        let library = try #require(built.library)
        #expect(
            library.stories.map(\.id) == ["sams-night", "coming-home", "a-and-e", "b-side", "zebra"])
        #expect(library.programme.sessions.map(\.id) == ["morning", "afternoon"])
        #expect(library.programme.perspectives == EventProgramme.defaultPerspectives)
    }

    @Test(
        "any error in any file refuses the library; diagnostics are sorted by file, line and column")
    func libraryRefusedOnError() {
        let broken = SourceFile(
            path: "scenarios/broken.yaml",
            text: "title: Broken\nscenes:\n  - id: a\n    txt: b\n    next: c\n")
        let event = SourceFile(
            path: "scenarios/event.yaml", text: "sessions:\n  - { id: x, title: X, stories: [brokn] }\n")
        let built = LibraryBuilder.build(
            storyFiles: [Self.story("sams-night", title: "Sam's night"), broken], eventFile: event,
            availableFiles: [])
        #expect(built.library == nil)
        #expect(
            built.diagnostics.map(\.description) == [
                "scenarios/broken.yaml:4:5: error: unknown key `txt`\n  hint: did you mean `text`?",
                "scenarios/broken.yaml:5:11: error: `next` leads to `c`, but no scene has that id\n  hint: the scenes "
                    + "of this story are `a`; check the spelling, or add the scene",
                "scenarios/event.yaml:2:34: error: there is no story `brokn` in the scenarios folder\n  hint: did you "
                    + "mean `broken`?",
            ])
    }

    @Test("warnings alone still give a library")
    func warningsKeepTheLibrary() {
        let orphan = SourceFile(
            path: "scenarios/orphan.yaml",
            text: "title: Orphan\nscenes:\n  - id: a\n    text: A\n  - id: b\n    text: B\n")
        let built = LibraryBuilder.build(storyFiles: [orphan], eventFile: nil, availableFiles: [])
        #expect(built.diagnostics.map { "\($0.line):\($0.column) \($0.severity)" } == ["5:9 warning"])
        #expect(built.library?.stories.map(\.id) == ["orphan"])
    }

    @Test("two files with the same story id are refused")
    func duplicateStoryIDs() {
        let built = LibraryBuilder.build(
            storyFiles: [
                Self.story("sams-night", title: "One"),
                SourceFile(
                    path: "other/sams-night.yaml", text: "title: Two\nscenes:\n  - id: a\n    text: b\n"),
            ], eventFile: nil, availableFiles: [])
        #expect(built.library == nil)
        #expect(
            built.diagnostics.map(\.description) == [
                "other/sams-night.yaml:1:1: error: another file, `scenarios/sams-night.yaml`, already holds the story "
                    + "`sams-night`\n  hint: each story needs a file name of its own; rename or remove one of the two"
            ])
    }

    @Test("when only some files are checked, sessions may name the folder's other stories")
    func otherStoriesInTheFolder() throws {
        let event = SourceFile(
            path: "scenarios/event.yaml",
            text:
                "sessions:\n  - { id: morning, title: Morning, stories: [sams-night, coming-home, a-and-e] }\n"
        )
        let built = LibraryBuilder.build(
            storyFiles: [Self.story("sams-night", title: "Sam's night")], eventFile: event,
            availableFiles: [],
            otherStoryIDs: ["coming-home"])
        #expect(
            built.diagnostics.map(\.description) == [
                "scenarios/event.yaml:2:71: error: there is no story `a-and-e` in the scenarios folder\n  hint: "
                    + "stories are named by their file name without `.yaml`; the stories here are `coming-home` and "
                    + "`sams-night`"
            ])
        let withoutSessions = LibraryBuilder.build(
            storyFiles: [Self.story("sams-night", title: "Sam's night")],
            eventFile: SourceFile(path: "scenarios/event.yaml", text: "title: Forum day\n"),
            availableFiles: [],
            otherStoryIDs: ["coming-home"])
        let library = try #require(withoutSessions.library)
        #expect(library.programme.sessions.map(\.stories) == [["sams-night"]])
        #expect(library.stories.map(\.id) == ["sams-night"])
    }

    @Test("images are checked against the files available in the scenarios folder")
    func libraryImages() {
        let story = SourceFile(
            path: "scenarios/kitchen.yaml",
            text:
                "title: Kitchen\nscenes:\n  - id: a\n    text: b\n    image: images/a.jpg\n    image_alt: A\n"
        )
        let present = LibraryBuilder.build(
            storyFiles: [story], eventFile: nil, availableFiles: ["images/a.jpg"])
        #expect(present.diagnostics == [])
        let absent = LibraryBuilder.build(
            storyFiles: [story], eventFile: nil, availableFiles: ["images/b.jpg"])
        #expect(absent.library == nil)
        #expect(absent.diagnostics.map { "\($0.line):\($0.column)" } == ["5:12"])
    }
}
