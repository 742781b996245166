import ForumCore
import Foundation
import GRDB
import Testing

@testable import ForumStore

/// `undo` over the wire: phones get the scene before back with the same round and their own
/// vote, the undo is stored, and a restart keeps what can be undone.
@Suite("Server: undo on a real port and a real database", .serialized)
struct ServerUndoTests {
    @Test func phonesGetTheSceneBeforeWithTheSameRoundAndTheirVoteAcrossARestart() throws {
        let harness = try ServerHarness()
        let host = try harness.join(.host)
        #expect(try host.command(.undo).errorCode == .nothingToUndo)
        try host.command(.start(story: "night"))
        try host.command(.next)
        try host.command(.open(seconds: nil))
        let phone = try harness.join(.audience)
        let screen = try harness.join(.screen)
        #expect(try phone.vote("police").type == .ack)
        try host.command(.close)
        try host.command(.choose(option: "crisis"))
        _ = try phone.state { $0.sceneID == "crisis" }
        _ = try screen.state { $0.sceneID == "crisis" }

        #expect(try host.command(.undo).type == .ack)
        _ = try phone.state { $0.sceneID == "call" }
        #expect(phone.decisionID == "D1")
        #expect(phone.status == .closed)
        #expect(phone.myVote == "police")
        // The projector gets the same scene and round back, with the votes it had.
        let screenState = try screen.state { $0.sceneID == "call" }
        #expect(screen.decisionID == "D1")
        #expect(screen.status == .closed)
        // One voter: the projector is shown no counts (fewer than 5), and told so.
        #expect(screenState["tally"] == .null)
        #expect(screenState["decision"]?["results_withheld"] == .string("too_few_voters"))
        let hostState = try host.state { $0.sceneID == "call" }
        #expect(hostState.tally?.total == 1)

        // A move, then a restart: the undo is still there, with the vote reloaded.
        try host.command(.choose(option: "police"))
        let device = try #require(phone.device)
        try harness.restart()
        let again = try harness.join(.audience, device: device)
        #expect(again.sceneID == "police")
        let host2 = try harness.join(.host)
        #expect(host2.state.host?.details?.undo?.command == "choose")
        #expect(try host2.command(.undo).type == .ack)
        _ = try again.state { $0.sceneID == "call" }
        #expect(again.decisionID == "D1")
        #expect(again.myVote == "police")
        #expect(again.status == .closed)
        harness.stop()

        let database = try ForumDatabase.openForReading(path: harness.databasePath)
        let rows = try database.pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT run_id, undone_command, from_scene, to_scene, round_id, round_status FROM undos ORDER BY id
                    """)
        }
        #expect(rows.count == 2)
        #expect(rows.map { $0["undone_command"] as String } == ["choose", "choose"])
        #expect(rows.map { $0["from_scene"] as String } == ["crisis", "police"])
        #expect(rows.allSatisfy { ($0["to_scene"] as String) == "call" && ($0["round_id"] as String) == "D1" })
        #expect(rows.allSatisfy { ($0["round_status"] as String) == "closed" })
    }

    @Test func undoReopensTheVoteAMoveClosedAndPhonesCanVoteAgain() throws {
        let harness = try ServerHarness()
        let host = try harness.join(.host)
        try host.command(.start(story: "night"))
        try host.command(.next)
        try host.command(.open(seconds: nil))
        let phone = try harness.join(.audience)
        #expect(try phone.vote("police").type == .ack)
        try host.command(.goto(scene: "crisis"))
        #expect(try phone.vote("crisis", decision: "D1").errorCode == .decisionClosed)
        try host.command(.undo)
        _ = try phone.state { $0.sceneID == "call" && $0.status == .open }
        #expect(phone.myVote == "police")
        #expect(try phone.vote("crisis", decision: "D1").type == .ack)
        _ = try phone.state { $0.myVote == "crisis" }
    }

    @Test func theHostSeesPhonesByPerspective() throws {
        let harness = try ServerHarness()
        let host = try harness.join(.host)
        let carer = try harness.join(.audience)
        try carer.send(.perspective("carer"), ref: "p")
        _ = try carer.reply(to: "p")
        let other = try harness.join(.audience)
        let state = try host.state { client in
            let audience = client.state.audience
            return audience?.connected == 2 && audience?.byPerspective?["carer"] == 1
        }
        let audience = try #require(state.audience)
        #expect(audience.noPerspective == 1)
        #expect(audience.byPerspective?["police"] == 0)
        #expect(other.device != carer.device)
        let screen = try harness.join(.screen)
        #expect(screen.state.audience?.byPerspective == nil)
        #expect(screen.state["audience"]?["by_perspective"] == nil)
    }
}
