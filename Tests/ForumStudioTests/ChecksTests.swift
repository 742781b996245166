import ForumCore
import ForumStudio
import Testing

@Suite("Checks at the field")
struct ChecksTests {
    func story(_ scenes: [Scene], title: String = "Sam's night") -> Story {
        Story(id: "sams-night", title: title, start: scenes[0].id, scenes: scenes)
    }

    @Test("the decision template has no problems")
    func template() {
        let checks = StudioChecks.check(StoryTemplate.decision.story(id: "t", title: "A night"))
        #expect(checks.isEmpty, "\(checks)")
    }

    @Test("an option leading to a missing scene is placed at that option's destination")
    func missingScene() throws {
        let decision = Decision(
            question: "What now?",
            options: [Option(id: "a", label: "Wait", next: "end"), Option(id: "b", label: "Call", next: "nowhere")])
        let checks = StudioChecks.check(
            story([Scene(id: "start", text: "Night.", decision: decision), Scene(id: "end", text: "The end.")]))
        let check = try #require(checks.first { $0.severity == "error" })
        #expect(check.scene == "start")
        #expect(check.option == 1)
        #expect(check.field == "next")
        #expect(check.message == "This option leads to a scene that does not exist yet.")
        #expect(check.detail.contains("nowhere"))
    }

    @Test("an empty scene text and a one-option decision are found where they are")
    func emptyAndOneOption() throws {
        let decision = Decision(question: "What now?", options: [Option(id: "a", label: "Wait", next: "end")])
        let checks = StudioChecks.check(
            story([Scene(id: "start", text: "Night.", decision: decision), Scene(id: "end", text: "")]))
        let empty = try #require(checks.first { $0.field == "text" })
        #expect(empty.scene == "end")
        #expect(empty.message == "This scene has no text yet: write what happens.")
        let options = try #require(checks.first { $0.message.contains("at least 2 options") })
        #expect(options.scene == "start")
        #expect(options.field == "options")
        #expect(!StudioChecks.isPublishable(checks))
    }

    @Test("unreachable scenes and a missing picture description are warned or refused")
    func unreachableAndAlt() throws {
        let checks = StudioChecks.check(
            story([
                Scene(id: "start", text: "Night.", image: "images/a.jpg", next: "end"),
                Scene(id: "end", text: "The end."), Scene(id: "lost", text: "Nobody comes here."),
            ]))
        let lost = try #require(checks.first { $0.scene == "lost" })
        #expect(lost.severity == "warning")
        #expect(lost.field == "scene")
        let alt = try #require(checks.first { $0.message.contains("Describe the picture") })
        #expect(alt.scene == "start")
        #expect(alt.severity == "error")
    }

    @Test("text is cleaned of control characters and sizes are limited")
    func limits() throws {
        let cleaned = try TextLimits.validated(story([Scene(id: "start", text: "a\u{1B}[31mb\r\nc")])).get()
        #expect(cleaned.scenes[0].text == "a[31mb\nc")
        let long = story([Scene(id: "start", text: String(repeating: "x", count: TextLimits.sceneText + 1))])
        #expect(throws: StudioError.self) { try TextLimits.validated(long).get() }
        let many = story((0...TextLimits.scenes).map { Scene(id: "s\($0)", text: "x") })
        #expect(throws: StudioError.self) { try TextLimits.validated(many).get() }
    }

    @Test("checks after a scene text of several paragraphs are still placed at their option")
    func afterABlock() throws {
        let decision = Decision(
            question: "What now?\nThink about it.",
            options: [Option(id: "a", label: "Wait", next: "end"), Option(id: "b", label: "", next: "end")])
        let checks = StudioChecks.check(
            story([
                Scene(id: "start", text: "Night: 2am.\n\nNobody: answers.", decision: decision),
                Scene(id: "end", text: "The end."),
            ]))
        let label = try #require(checks.first { $0.severity == "error" })
        #expect(label.scene == "start")
        #expect(label.option == 1)
        #expect(label.field == "label")
        #expect(label.message == "This option has no words yet: write what the audience can choose.")
    }
}
