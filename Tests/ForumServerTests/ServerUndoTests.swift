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
        #expect(try host.command(.undo)["code"] as? String == "nothing_to_undo")
        try host.command(.start(story: "night"))
        try host.command(.next)
        try host.command(.open(seconds: nil))
        let phone = try harness.join(.audience)
        let screen = try harness.join(.screen)
        #expect(try phone.vote("police")["type"] as? String == "ack")
        try host.command(.close)
        try host.command(.choose(option: "crisis"))
        _ = try phone.state { $0.sceneID == "crisis" }
        _ = try screen.state { $0.sceneID == "crisis" }

        #expect(try host.command(.undo)["type"] as? String == "ack")
        _ = try phone.state { $0.sceneID == "call" }
        #expect(phone.decisionID == "D1")
        #expect(phone.status == "closed")
        #expect(phone.myVote == "police")
        // The projector gets the same scene and round back, with the votes it had.
        let screenState = try screen.state { $0.sceneID == "call" }
        #expect(screen.decisionID == "D1")
        #expect(screen.status == "closed")
        // One voter: the projector is shown no counts (fewer than 5), and told so.
        #expect(screenState["tally"] is NSNull)
        #expect((screenState["decision"] as? [String: Any])?["results_withheld"] as? String == "too_few_voters")
        let hostState = try host.state { $0.sceneID == "call" }
        #expect((hostState["tally"] as? [String: Any])?["total"] as? Int == 1)

        // A move, then a restart: the undo is still there, with the vote reloaded.
        try host.command(.choose(option: "police"))
        let device = try #require(phone.device)
        try harness.restart()
        let again = try harness.join(.audience, device: device)
        #expect(again.sceneID == "police")
        let host2 = try harness.join(.host)
        let undo = (host2.state["host"] as? [String: Any])?["undo"] as? [String: Any]
        #expect(undo?["command"] as? String == "choose")
        #expect(try host2.command(.undo)["type"] as? String == "ack")
        _ = try again.state { $0.sceneID == "call" }
        #expect(again.decisionID == "D1")
        #expect(again.myVote == "police")
        #expect(again.status == "closed")
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
        #expect(try phone.vote("police")["type"] as? String == "ack")
        try host.command(.goto(scene: "crisis"))
        #expect(try phone.vote("crisis", decision: "D1")["code"] as? String == "decision_closed")
        try host.command(.undo)
        _ = try phone.state { $0.sceneID == "call" && $0.status == "open" }
        #expect(phone.myVote == "police")
        #expect(try phone.vote("crisis", decision: "D1")["type"] as? String == "ack")
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
            let audience = client.state["audience"] as? [String: Any]
            let by = audience?["by_perspective"] as? [String: Any]
            return audience?["connected"] as? Int == 2 && by?["carer"] as? Int == 1
        }
        let audience = try #require(state["audience"] as? [String: Any])
        #expect(audience["no_perspective"] as? Int == 1)
        #expect((audience["by_perspective"] as? [String: Any])?["police"] as? Int == 0)
        #expect(other.device != carer.device)
        let screen = try harness.join(.screen)
        #expect((screen.state["audience"] as? [String: Any])?["by_perspective"] == nil)
    }
}
