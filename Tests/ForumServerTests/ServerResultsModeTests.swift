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
        try voter.state { $0.status == .open }
        _ = try voter.vote("police")
        // Four more voters: below 5 the room sees no counts at all.
        for _ in 0..<4 {
            let other = try harness.join(.audience)
            try other.state { $0.status == .open }
            #expect(try other.vote("police").type == .ack)
        }
        let hidden = try watcher.state { $0.status == .open }
        #expect(hidden["tally"] == .null)
        #expect(hidden.decision?.results == .hidden)

        #expect(try host.command(.results(.everyone)).type == .ack)
        let live = try watcher.state { $0.decision?.results == .everyone }
        #expect(live.tally?.counts.dictionary["police"] == 5)
        _ = try voter.vote("crisis")
        var tally = try watcher.next(TallyMessage.self)
        while tally.tally.counts.dictionary["crisis"] != 1 { tally = try watcher.next(TallyMessage.self) }
        #expect(tally.audience == nil)

        #expect(
            try host.command(
                raw: #"{"type":"command","command":"results","args":{"mode":"loud"},"ref":"bad-results"}"#,
                ref: "bad-results"
            ).errorCode == .badMessage)
        #expect(try host.command(.split(true)).type == .ack)
        let split = try watcher.state { $0.decision?.split == true }
        #expect(split.tally != nil)
    }

    @Test func theHostIsToldHowTheDatabaseKeepsUp() throws {
        let harness = try ServerHarness()
        let host = try harness.join(.host)
        let store = try #require(host.state.store)
        #expect(store.pending >= 0)
        #expect(store.failed == 0)
        let screen = try harness.join(.screen)
        #expect(screen.state["store"] == nil)
    }
}
