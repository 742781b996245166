import ForumClient
import ForumCore
import Foundation
import Testing

@Suite("Server: the live protocol on a real port", .serialized)
struct ServerProtocolTests {
    @Test func audienceJoinsAndGetsWelcomeAndState() throws {
        let harness = try ServerHarness()
        let phone = try harness.join(.audience)
        #expect(phone.welcome["role"] as? String == "audience")
        #expect((phone.device ?? "").count == 32)
        #expect((phone.welcome["event"] as? [String: Any])?["title"] as? String == "Test event")
        #expect((phone.welcome["perspectives"] as? [[String: Any]])?.count == 9)
        #expect(phone.state["story"] is NSNull)
        #expect(phone.state["tally"] is NSNull)
    }

    @Test func hostRunsAStoryAndEveryoneFollows() throws {
        let harness = try ServerHarness()
        let host = try harness.join(.host)
        let phone = try harness.join(.audience)
        let screen = try harness.join(.screen)
        #expect(try host.command(.start(story: "night"))["type"] as? String == "ack")
        try phone.state { $0.sceneID == "kitchen" }
        #expect((phone.state["scene"] as? [String: Any])?["text"] as? String == "Sam is <b>awake</b>.")
        #expect(phone.state["host_notes"] == nil)
        try host.state { $0.sceneID == "kitchen" }
        #expect(host.state["host_notes"] as? String == "Ask the room.")
        try host.command(.next)
        try host.command(.open(seconds: nil))
        try phone.state { $0.status == "open" }
        #expect(phone.decisionID == "D1")
        let ack = try phone.vote("crisis")
        #expect(ack["type"] as? String == "ack")
        #expect(ack["option"] as? String == "crisis")
        let mine = try phone.state { $0.myVote == "crisis" }
        #expect(mine["tally"] is NSNull)
        // One voter: the projector is told a vote came in, but sees no counts.
        let counted = try screen.state { ($0.state["audience"] as? [String: Any])?["voted"] as? Int == 1 }
        #expect(counted["tally"] is NSNull)
        #expect((counted["audience"] as? [String: Any])?["connected"] as? Int == 1)
        #expect((counted["decision"] as? [String: Any])?["results_withheld"] as? String == "too_few_voters")
        var tally = try host.next(type: "tally")
        while tally["total"] as? Int != 1 { tally = try host.next(type: "tally") }
        try host.command(.reveal)
        let revealed = try phone.state { $0.status == "revealed" }
        #expect(revealed["tally"] is NSNull)
        #expect((revealed["decision"] as? [String: Any])?["results_withheld"] as? String == "too_few_voters")
        try host.command(.follow)
        try phone.state { $0.sceneID == "crisis" }
    }

    @Test func badInputGetsErrorsAndNothingChanges() throws {
        let harness = try ServerHarness()
        let phone = try TestClient(url: harness.url)
        try phone.sendRaw(#"{"type":"vote","decision":"D1","option":"x","ref":"early"}"#)
        #expect(try phone.next()["code"] as? String == "not_joined")
        try phone.sendRaw("this is not json")
        #expect(try phone.next()["code"] as? String == "bad_json")
        try phone.send(.hello(role: .audience, device: nil, key: nil))
        _ = try phone.next(type: "welcome")
        _ = try phone.next(type: "state")
        try phone.send(.hello(role: .audience, device: nil, key: nil))
        #expect(try phone.next()["code"] as? String == "already_joined")
        try phone.sendRaw(#"{"type":"teleport"}"#)
        #expect(try phone.next()["code"] as? String == "unknown_type")
        #expect(try phone.command(.start(story: "night"))["code"] as? String == "forbidden")
        #expect(try phone.vote("police", decision: "D1")["code"] as? String == "unknown_decision")
        try phone.sendRaw(#"{"type":"ping","pad":""# + String(repeating: "x", count: 20_000) + #""}"#)
        #expect(try phone.next()["code"] as? String == "too_large")
        try phone.send(.ping)
        #expect(try phone.next()["type"] as? String == "pong")

        let host = try harness.join(.host)
        try host.command(.start(story: "night"))
        #expect(try host.command(.open(seconds: nil))["code"] as? String == "no_decision")
        #expect(
            try host.command(.goto(scene: "cal"))["message"] as? String
                == "There is no scene 'cal' in A night. Did you mean 'call'?")
        #expect(
            try host.command(raw: #"{"type":"command","command":"fly","ref":"bad-fly"}"#, ref: "bad-fly")["code"]
                as? String == "unknown_command")
        try host.command(.next)
        try host.command(.open(seconds: nil))
        try phone.state { $0.status == "open" }
        #expect(try phone.vote("ambulance")["code"] as? String == "unknown_option")
        try host.command(.close)
        try phone.state { $0.status == "closed" }
        #expect(try phone.vote("police")["code"] as? String == "decision_closed")
        #expect(harness.server.port > 0)
    }

    @Test func wrongHostKeyIsRefusedAndClosed() throws {
        let harness = try ServerHarness()
        let intruder = try TestClient(url: harness.url)
        try intruder.send(.hello(role: .host, device: nil, key: "guess"))
        #expect(try intruder.next()["code"] as? String == "unauthorized")
        #expect(throws: (any Error).self) { _ = try intruder.next(timeout: 2) }
        let host = try harness.join(.host)
        #expect(host.welcome["role"] as? String == "host")
    }

    @Test func aFloodIsRateLimitedAndOthersAreUnaffected() throws {
        let harness = try ServerHarness()
        let flooder = try harness.join(.audience)
        let calm = try harness.join(.audience)
        for _ in 0..<120 { try flooder.send(.ping) }
        var codes: [String] = []
        var pongs = 0
        while let message = try? flooder.next(timeout: 1) {
            if let code = message["code"] as? String { codes.append(code) }
            if message["type"] as? String == "pong" { pongs += 1 }
        }
        #expect(codes.contains("rate_limited"))
        #expect(pongs >= 30 && pongs < 120)
        try calm.send(.ping)
        #expect(try calm.next()["type"] as? String == "pong")
    }

    @Test func aReconnectingPhoneKeepsItsVoteAndPerspectiveAcrossARestart() throws {
        let harness = try ServerHarness()
        let host = try harness.join(.host)
        try host.command(.start(story: "night"))
        try host.command(.next)
        try host.command(.open(seconds: nil))
        let phone = try harness.join(.audience)
        try phone.send(.perspective("carer"), ref: "p")
        #expect(try phone.reply(to: "p")["type"] as? String == "ack")
        #expect(try phone.vote("police")["type"] as? String == "ack")
        let device = try #require(phone.device)
        try harness.restart()
        let again = try harness.join(.audience, device: device)
        #expect(again.device == device)
        #expect(again.welcome["perspective"] as? String == "carer")
        #expect(again.sceneID == "call")
        #expect(again.myVote == "police")
        #expect(again.status == "open")
        let stranger = try harness.join(.audience, device: "not-a-token")
        #expect(stranger.device != "not-a-token")
    }

    @Test func aBusyPortIsAClearError() throws {
        let harness = try ServerHarness()
        #expect(throws: (any Error).self) {
            _ = try ServerHarness.startServer(
                folder: harness.folder, library: ServerHarness.library, database: harness.database,
                port: harness.server.port)
        }
    }
}
