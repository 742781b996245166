import ForumCore
import Testing

/// `translations:` in event.yaml: the event's own words in other languages.
@Suite("event.yaml: translations")
struct EventTranslationTests {
    static let event = """
        title: Urgent care
        perspectives:
          - { id: police, label: Police }
          - { id: carer, label: Family member or carer }
        sessions:
          - { id: morning, title: Crisis at night, stories: [sams-night] }
        translations:
          cy:
            title: Gofal brys
            perspectives: { police: Heddlu, carer: "Aelod o'r teulu neu ofalwr" }
            sessions: { morning: Argyfwng yn y nos }
            next_steps: Bydd adroddiad.
          ar:
            perspectives: { police: الشرطة }
        """

    @Test func translationsAreReadByLanguage() throws {
        let result = ScenarioChecking.event(Self.event)
        #expect(result.lines == [])
        let programme = try #require(result.programme)
        #expect(
            programme.translations["cy"]
                == EventTranslation(
                    title: "Gofal brys", nextSteps: "Bydd adroddiad.",
                    perspectives: ["police": "Heddlu", "carer": "Aelod o'r teulu neu ofalwr"],
                    sessions: ["morning": "Argyfwng yn y nos"]))
        #expect(programme.translations["ar"] == EventTranslation(perspectives: ["police": "الشرطة"]))
        // Welcome carries them to every role, as text.
        let welcome = ServerMessages.welcome(
            role: .audience, device: "d", perspective: nil, library: Library(programme: programme, stories: []),
            joinURLs: [])
        #expect(welcome["translations"]?["cy"]?["perspectives"]?["police"] == .string("Heddlu"))
        #expect(welcome["translations"]?["ar"]?["title"] == .null)
    }

    @Test func mistakesAreReportedWhereTheyAre() {
        let result = ScenarioChecking.event(
            """
            title: Urgent care
            perspectives:
              - { id: police, label: Police }
            translations:
              Welsh!:
                title: x
              cy:
                titel: Gofal
                perspectives: { polise: Heddlu, police: [a, b] }
                sessions: { evening: Nos }
            """)
        #expect(
            result.lines == [
                "5:3 error: `Welsh!` is not a language tag",
                "8:5 error: unknown key `titel`",
                "9:21 error: the event has no perspective `polise` to translate",
                "9:45 error: the translation of perspective `police` should be a piece of text",
                "10:17 error: the event has no session `evening` to translate",
            ])
        #expect(result.hints[1] == "did you mean `title`?")
        #expect(result.hints[2] == "did you mean `police`?")
        #expect(result.programme == nil)
    }
}
