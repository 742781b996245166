import ForumCore
import Foundation
import GRDB
import Testing

@testable import ForumStore

/// `finish` over a real server and a real SQLite file: every phone and late arrival sees it,
/// it survives a restart of the server, and it is recorded.
@Suite struct ServerFinishTests {
    static let library = Library(
        programme: EventProgramme(
            title: "Test event", perspectives: EventProgramme.defaultPerspectives,
            sessions: [ProgrammeSession(id: "morning", title: "Morning", starts: "10:00", stories: ["night"])],
            support: [SupportLine(label: "Samaritans", number: "116 123", when: "Day or night")],
            nextSteps: "A report in June."),
        stories: [ServerHarness.story])

    @Test func finishReachesEveryoneSurvivesARestartAndIsRecorded() throws {
        let harness = try ServerHarness(library: Self.library)
        let host = try harness.join(.host)
        let phone = try harness.join(.audience)
        #expect(phone.state["finished"] as? Bool == false)
        #expect((phone.state["next_session"] as? [String: Any])?["starts"] as? String == "10:00")
        #expect((phone.welcome["event"] as? [String: Any])?["next_steps"] as? String == "A report in June.")
        let support = try #require(phone.welcome["support"] as? [[String: Any]])
        #expect(support.count == 1)
        #expect(support[0]["label"] as? String == "Samaritans")
        #expect(support[0]["dial"] as? String == "116123")
        #expect(support[0]["when"] as? String == "Day or night")

        try host.command(.start(story: "night"))
        #expect(try host.command(.finish)["type"] as? String == "ack")
        try phone.state { $0.state["finished"] as? Bool == true }
        #expect(phone.state["story"] is NSNull)
        let late = try harness.join(.audience)
        #expect(late.state["finished"] as? Bool == true)

        try harness.restart(library: Self.library)
        let afterRestart = try harness.join(.screen)
        #expect(afterRestart.state["finished"] as? Bool == true)
        let host2 = try harness.join(.host)
        try host2.command(.start(story: "night"))
        try afterRestart.state { $0.state["finished"] as? Bool == false && $0.sceneID == "kitchen" }
        harness.stop()

        let database = try ForumDatabase.openForReading(path: harness.databasePath)
        let changes = try database.pool.read { db in
            try String.fetchAll(db, sql: "SELECT change FROM show_finishes ORDER BY id")
        }
        #expect(changes == ["finished", "reopened"])
    }

    @Test func theJoinScreenIsForTheScreenAndTheHost() throws {
        let harness = try ServerHarness()
        let host = try harness.join(.host)
        let screen = try harness.join(.screen)
        let phone = try harness.join(.audience)
        #expect(screen.state["join_screen"] as? Bool == false)
        try host.command(.join(true))
        try screen.state { $0.state["join_screen"] as? Bool == true }
        #expect(phone.state["join_screen"] == nil)
        try host.command(.join(false))
        try screen.state { $0.state["join_screen"] as? Bool == false }
    }
}
