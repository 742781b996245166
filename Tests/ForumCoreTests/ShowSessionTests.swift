import ForumCore
import Foundation
import Testing

/// Which programme session a started story is filed under.
@Suite struct ShowSessionTests {
    let t0 = ShowFixtures.t0
    static let loose = Story(id: "loose", title: "Loose", start: "only", scenes: [Scene(id: "only", text: "Only.")])
    static let library = Library(
        programme: ShowFixtures.library.programme, stories: ShowFixtures.library.stories + [loose])

    @Test func aStoryInNoSessionIsFiledUnderNoneNotTheCurrentOne() throws {
        var show = Show(library: Self.library)
        _ = try show.perform(.start(story: "night"), at: t0)
        #expect(show.session?.id == "morning")
        let records = try show.perform(.start(story: "loose"), at: t0)
        #expect(show.session?.id == "unscheduled")
        #expect(show.session?.title == "Not in the programme")
        #expect(
            records.contains(
                .sessionEntered(SessionEntry(sessionID: "unscheduled", title: "Not in the programme", at: t0))))
        #expect(
            records.contains(
                .runStarted(
                    RunStart(runID: "R2", sessionID: "unscheduled", storyID: "loose", storyTitle: "Loose", at: t0))))
        // Running it again stays there without entering the session a second time.
        let again = try show.perform(.start(story: "loose"), at: t0)
        #expect(!again.contains { if case .sessionEntered = $0 { true } else { false } })
        // A story of the programme moves the show back into its own session.
        _ = try show.perform(.start(story: "other"), at: t0)
        #expect(show.session?.id == "afternoon")
    }
}
