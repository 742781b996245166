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
        #expect(phone.state.finished == false)
        #expect(phone.state.nextSession?.starts == "10:00")
        #expect(phone.welcome.nextSteps == "A report in June.")
        let support = phone.welcome.support
        #expect(support.count == 1)
        #expect(support.first?.label == "Samaritans")
        #expect(support.first?.dial == "116123")
        #expect(support.first?.when == "Day or night")
        #expect(phone.welcome["support"]?.arrayValue?.first?["dial"] == .string("116123"), "on the wire too")

        try host.command(.start(story: "night"))
        #expect(try host.command(.finish).type == .ack)
        try phone.state { $0.state.finished }
        #expect(phone.state["story"] == .null)
        let late = try harness.join(.audience)
        #expect(late.state.finished)

        try harness.restart(library: Self.library)
        let afterRestart = try harness.join(.screen)
        #expect(afterRestart.state.finished)
        let host2 = try harness.join(.host)
        try host2.command(.start(story: "night"))
        try afterRestart.state { !$0.state.finished && $0.sceneID == "kitchen" }
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
        #expect(screen.state.joinScreen == false)
        try host.command(.join(true))
        try screen.state { $0.state.joinScreen == true }
        #expect(phone.state["join_screen"] == nil)
        try host.command(.join(false))
        try screen.state { $0.state.joinScreen == false }
    }
}
