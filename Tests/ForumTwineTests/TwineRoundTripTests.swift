import Testing

@testable import ForumCore

/// Taking stories out to Twee and back: nothing is lost, the passages themselves carry the
/// story, and an edit made in Twine counts.
@Suite("Twee round trips")
struct TwineRoundTripTests {
    @Test("each bundled story comes back from Twee exactly as it was")
    func bundled() throws {
        for original in try TwineFixtures.bundledStories() {
            var story = original
            story.ifid = TwineFixtures.fixedIFID()
            let back = try TwineFixtures.throughTwee(story)
            #expect(back == story, "\(story.id)")
        }
    }

    @Test("the bundled stories' passages carry their text and links: ForumData needs no copies of them")
    func passagesCarryTheStory() throws {
        for story in try TwineFixtures.bundledStories() {
            let twee = TweeWriter.twee(story, newIFID: TwineFixtures.fixedIFID)
            let json = try #require(twee.components(separatedBy: "\n:: ForumData ").last)
            let data = try #require(TwineJSON.decode(ForumData.self, from: String(json.drop { $0 != "\n" })))
            #expect(data.passages.count == story.scenes.count)
            for (name, part) in data.passages {
                #expect(part.text == nil, "\(story.id): \(name)")
                #expect(part.route == nil, "\(story.id): \(name)")
            }
        }
    }

    @Test("Twee -> Forum -> Twee -> Forum is stable")
    func stable() throws {
        let first = TwineFixtures.importing(
            String(decoding: try TwineFixtures.bytes("night-shift.twee"), as: UTF8.self))
        let story = try #require(first.story)
        let twee = TweeWriter.twee(story, newIFID: TwineFixtures.fixedIFID)
        let again = try TwineFixtures.throughTwee(story)
        #expect(again == story)
        #expect(TweeWriter.twee(again, newIFID: { "UNUSED-IFID" }) == twee)
    }

    @Test("a passage edited in Twine is read as Twine has it; Forum's ids and notes stay")
    func editedInTwine() throws {
        let story = try #require(try TwineFixtures.bundledStories().first { $0.id == "sams-night" })
        let twee = TweeWriter.twee(story, newIFID: TwineFixtures.fixedIFID)
        let edited = twee.replacingOccurrences(
            of: "[[NHS 111 and choose the mental health option->On the phone]]",
            with: "[[Ring NHS 111->On the phone]]")
        #expect(edited != twee)
        let result = TwineFixtures.importing(edited, path: "sams-night.twee")
        let back = try #require(result.story)
        let call = try #require(back.scene("the-call"))
        #expect(call.decision?.options.map(\.label).contains("Ring NHS 111") == true)
        #expect(call.decision?.options.map(\.id) == ["police", "ring-nhs-111", "wait-for-gp"])
        #expect(call.decision?.options.map(\.next) == story.scene("the-call")?.decision?.options.map(\.next))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(call.hostNotes == story.scene("the-call")?.hostNotes)
        #expect(back.scenes.map(\.id) == story.scenes.map(\.id))
    }

    @Test("hostile text, labels and titles survive the round trip exactly")
    func hostile() throws {
        let story = Story(
            id: "hostile", title: ":: StoryData [x] {y}", summary: "a: b # c", authors: ["- dash", "yes"],
            language: "cy", contentNotes: ["&amp;", "\"quoted\""], start: "one",
            scenes: [
                Scene(
                    id: "one", title: "Kitchen [2am]",
                    text: ":: Not a header\n\\:: neither\n[[Not a link]]\n  indented",
                    image: "images/k.jpg", imageAlt: "A <b>kitchen</b>", hostNotes: "Ask: why?",
                    decision: Decision(
                        question: "Who?\n\nReally?",
                        options: [
                            Option(id: "a", label: "Police ]] here", next: "two"),
                            Option(id: "b", label: "Nobody"),
                            Option(id: "c", label: "x->y|z", next: "one"),
                        ], next: nil)),
                Scene(id: "two", title: "two", text: "<script>alert(1)</script>\u{2028}end", next: "three"),
                Scene(id: "three", title: "StoryTitle", text: "   leading spaces"),
            ], ifid: "ABCDEFGH-1234")
        #expect(try TwineFixtures.throughTwee(story) == story)
    }
}
