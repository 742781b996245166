import ForumCore
import Foundation
import Testing

@Suite("The host's view of the room: phones by perspective, what undo would bring back")
struct HostAudienceTests {
    @Test func phonesCountByPerspectiveExactlyWithEveryPerspectiveListed() throws {
        var show = Show(library: ShowFixtures.library)
        for device in ["a", "b", "c", "d"] { _ = show.join(device: nil, freshToken: device, at: ShowFixtures.t0) }
        _ = try show.setPerspective(device: "a", to: "carer", at: ShowFixtures.t0)
        _ = try show.setPerspective(device: "b", to: "carer", at: ShowFixtures.t0)
        _ = try show.setPerspective(device: "c", to: "police", at: ShowFixtures.t0)
        // Two tabs of "a" count twice, as `connected` counts connections.
        let count = AudienceCount.forHost(connected: 5, voted: 0, devices: ["a", "a", "b", "c", "d"], in: show)
        #expect(count.byPerspective?["carer"] == 3)
        #expect(count.byPerspective?["police"] == 1)
        #expect(count.byPerspective?["ambulance"] == 0)
        #expect(count.byPerspective?.count == EventProgramme.defaultPerspectives.count)
        #expect(count.noPerspective == 1)

        let host = StateView.state(of: show, for: .host, audience: count)
        #expect(host["audience"]?["by_perspective"]?["carer"] == .int(3))
        #expect(host["audience"]?["no_perspective"] == .int(1))
        #expect(host["audience"]?["connected"] == .int(5))
        // The screen's count carries no breakdown (small groups are never shown to the room).
        let screen = StateView.state(of: show, for: .screen, audience: AudienceCount(connected: 5, voted: 0))
        #expect(screen["audience"] == .object([("connected", .int(5)), ("voted", .int(0))]))
    }

    @Test func theHostStateSaysWhatUndoWouldBringBack() throws {
        var show = try ShowFixtures.showWithOpenRound()
        _ = try show.perform(.choose(option: "police"), at: ShowFixtures.t0)
        let host = StateView.state(of: show, for: .host)
        #expect(host["host"]?["undo"]?["command"] == .string("choose"))
        #expect(host["host"]?["undo"]?["scene"] == .string("call"))
        #expect(host["host"]?["undo"]?["round"] == .string("D1"))
        #expect(host["host"]?["undo"]?["status"] == .string("open"))
        _ = try show.perform(.end, at: ShowFixtures.t0)
        #expect(StateView.state(of: show, for: .host)["host"] == .null)
    }
}
