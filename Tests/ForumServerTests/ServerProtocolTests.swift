import ForumClient
import ForumCore
import Foundation
import Testing

@Suite("Server: the live protocol on a real port", .serialized)
struct ServerProtocolTests {
    @Test func audienceJoinsAndGetsWelcomeAndState() throws {
        let harness = try ServerHarness()
        let phone = try harness.join(.audience)
        #expect(phone.welcome.role == .audience)
        #expect((phone.device ?? "").count == 32)
        #expect(phone.welcome.eventTitle == "Test event")
        #expect(phone.welcome.perspectives.count == 9)
        #expect(phone.state["story"] == .null)
        #expect(phone.state["tally"] == .null)
    }

    @Test func hostRunsAStoryAndEveryoneFollows() throws {
        let harness = try ServerHarness()
        let host = try harness.join(.host)
        let phone = try harness.join(.audience)
        let screen = try harness.join(.screen)
        #expect(try host.command(.start(story: "night")).type == .ack)
        try phone.state { $0.sceneID == "kitchen" }
        #expect(phone.state.scene?.text == "Sam is <b>awake</b>.")
        #expect(phone.state["host_notes"] == nil)
        try host.state { $0.sceneID == "kitchen" }
        #expect(host.state.host?.notes == "Ask the room.")
        try host.command(.next)
        try host.command(.open(seconds: nil))
        try phone.state { $0.status == .open }
        #expect(phone.decisionID == "D1")
        let ack = try phone.vote("crisis")
        #expect(ack.type == .ack)
        #expect(ack.ackSubject == .vote(decision: "D1", option: "crisis"))
        let mine = try phone.state { $0.myVote == "crisis" }
        #expect(mine["tally"] == .null)
        // One voter: the projector is told a vote came in, but sees no counts.
        let counted = try screen.state { $0.state.audience?.voted == 1 }
        #expect(counted["tally"] == .null)
        #expect(counted.audience?.connected == 1)
        #expect(counted.decision?.resultsWithheld == true)
        #expect(counted["decision"]?["results_withheld"] == .string("too_few_voters"))
        var tally = try host.next(TallyMessage.self)
        while tally.tally.total != 1 { tally = try host.next(TallyMessage.self) }
        try host.command(.reveal)
        let revealed = try phone.state { $0.status == .revealed }
        #expect(revealed["tally"] == .null)
        #expect(revealed["decision"]?["results_withheld"] == .string("too_few_voters"))
        try host.command(.follow)
        try phone.state { $0.sceneID == "crisis" }
    }

    @Test func badInputGetsErrorsAndNothingChanges() throws {
        let harness = try ServerHarness()
        let phone = try TestClient(url: harness.url)
        try phone.sendRaw(#"{"type":"vote","decision":"D1","option":"x","ref":"early"}"#)
        #expect(try phone.next().errorCode == .notJoined)
        try phone.sendRaw("this is not json")
        #expect(try phone.next().errorCode == .badJSON)
        try phone.send(.hello(role: .audience, device: nil, key: nil))
        _ = try phone.next(type: .welcome)
        _ = try phone.next(type: .state)
        try phone.send(.hello(role: .audience, device: nil, key: nil))
        #expect(try phone.next().errorCode == .alreadyJoined)
        try phone.sendRaw(#"{"type":"teleport"}"#)
        #expect(try phone.next().errorCode == .unknownType)
        #expect(try phone.command(.start(story: "night")).errorCode == .forbidden)
        #expect(try phone.vote("police", decision: "D1").errorCode == .unknownDecision)
        try phone.sendRaw(#"{"type":"ping","pad":""# + String(repeating: "x", count: 20_000) + #""}"#)
        #expect(try phone.next().errorCode == .tooLarge)
        try phone.send(.ping)
        #expect(try phone.next().type == .pong)

        let host = try harness.join(.host)
        try host.command(.start(story: "night"))
        #expect(try host.command(.open(seconds: nil)).errorCode == .noDecision)
        #expect(
            try host.command(.goto(scene: "cal")).errorText
                == "There is no scene 'cal' in A night. Did you mean 'call'?")
        #expect(
            try host.command(raw: #"{"type":"command","command":"fly","ref":"bad-fly"}"#, ref: "bad-fly").errorCode
                == .unknownCommand)
        try host.command(.next)
        try host.command(.open(seconds: nil))
        try phone.state { $0.status == .open }
        #expect(try phone.vote("ambulance").errorCode == .unknownOption)
        try host.command(.close)
        try phone.state { $0.status == .closed }
        #expect(try phone.vote("police").errorCode == .decisionClosed)
        #expect(harness.server.port > 0)
    }

    @Test func wrongHostKeyIsRefusedAndClosed() throws {
        let harness = try ServerHarness()
        let intruder = try TestClient(url: harness.url)
        try intruder.send(.hello(role: .host, device: nil, key: "guess"))
        #expect(try intruder.next().errorCode == .unauthorized)
        #expect(throws: (any Error).self) { _ = try intruder.next(timeout: 2) }
        let host = try harness.join(.host)
        #expect(host.welcome.role == .host)
    }

    @Test func aFloodIsRateLimitedAndOthersAreUnaffected() throws {
        let harness = try ServerHarness()
        let flooder = try harness.join(.audience)
        let calm = try harness.join(.audience)
        for _ in 0..<120 { try flooder.send(.ping) }
        var codes: [ErrorCode] = []
        var pongs = 0
        while let message = try? flooder.next(timeout: 1) {
            if let code = message.errorCode { codes.append(code) }
            if message.type == .pong { pongs += 1 }
        }
        #expect(codes.contains(.rateLimited))
        #expect(pongs >= 30 && pongs < 120)
        try calm.send(.ping)
        #expect(try calm.next().type == .pong)
    }

    @Test func aReconnectingPhoneKeepsItsVoteAndPerspectiveAcrossARestart() throws {
        let harness = try ServerHarness()
        let host = try harness.join(.host)
        try host.command(.start(story: "night"))
        try host.command(.next)
        try host.command(.open(seconds: nil))
        let phone = try harness.join(.audience)
        try phone.send(.perspective("carer"), ref: "p")
        #expect(try phone.reply(to: "p").type == .ack)
        #expect(try phone.vote("police").type == .ack)
        let device = try #require(phone.device)
        try harness.restart()
        let again = try harness.join(.audience, device: device)
        #expect(again.device == device)
        #expect(again.welcome.perspective == "carer")
        #expect(again.sceneID == "call")
        #expect(again.myVote == "police")
        #expect(again.status == .open)
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
