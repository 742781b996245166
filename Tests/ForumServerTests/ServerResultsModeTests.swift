import ForumClient
import ForumCore
import Foundation
import Testing

@Suite("Server: who sees results live", .serialized)
struct ServerResultsModeTests {
    @Test func phonesGetLiveTalliesOnlyWhenTheHostChoosesEveryone() throws {
        let harness = try ServerHarness()
        let host = try harness.join(.host)
        let voter = try harness.join(.audience)
        let watcher = try harness.join(.audience)
        try host.command(.start(story: "night"))
        try host.command(.next)
        try host.command(.open(seconds: nil))
        try voter.state { $0.status == "open" }
        _ = try voter.vote("police")
        // Four more voters: below 5 the room sees no counts at all.
        for _ in 0..<4 {
            let other = try harness.join(.audience)
            try other.state { $0.status == "open" }
            #expect(try other.vote("police")["type"] as? String == "ack")
        }
        let hidden = try watcher.state { $0.status == "open" }
        #expect(hidden["tally"] is NSNull)
        #expect((hidden["decision"] as? [String: Any])?["results"] as? String == "hidden")

        #expect(try host.command(.results(.everyone))["type"] as? String == "ack")
        let live = try watcher.state { ($0.state["decision"] as? [String: Any])?["results"] as? String == "everyone" }
        #expect(((live["tally"] as? [String: Any])?["counts"] as? [String: Any])?["police"] as? Int == 5)
        _ = try voter.vote("crisis")
        var tally = try watcher.next(type: "tally")
        while (tally["counts"] as? [String: Any])?["crisis"] as? Int != 1 { tally = try watcher.next(type: "tally") }
        #expect(tally["audience"] == nil)

        #expect(
            try host.command(
                raw: #"{"type":"command","command":"results","args":{"mode":"loud"},"ref":"bad-results"}"#,
                ref: "bad-results")["code"] as? String == "bad_message")
        #expect(try host.command(.split(true))["type"] as? String == "ack")
        let split = try watcher.state { ($0.state["decision"] as? [String: Any])?["split"] as? Bool == true }
        #expect(split["tally"] is [String: Any])
    }

    @Test func theHostIsToldHowTheDatabaseKeepsUp() throws {
        let harness = try ServerHarness()
        let host = try harness.join(.host)
        let store = try #require(host.state["store"] as? [String: Any])
        #expect(store["pending"] is Int)
        #expect(store["failed"] as? Int == 0)
        let screen = try harness.join(.screen)
        #expect(screen.state["store"] == nil)
    }
}
