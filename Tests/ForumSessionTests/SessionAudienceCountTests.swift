import ForumCore
import ForumSession
import Foundation
import Logging
import Testing

/// The host's audience count by perspective and place is kept between ticks (counting walks
/// every phone): it must still follow every change, and a tick must send tallies only to the
/// connections that see them.
@Suite struct SessionAudienceCountTests {
    @Test func theHostsCountFollowsPhonesJoiningChoosingAndLeaving() throws {
        let room = SessionRoom()
        room.join(1, .host)
        for id in 2...4 { room.join(ConnectionID(id), .audience) }
        var count = try #require(room.hostCount())
        #expect(count.connected == 3)
        #expect(count.noPerspective == 3)

        room.say(2, .perspective("carer"))
        room.say(3, .perspective("carer"))
        count = try #require(room.hostCount())
        #expect(count.byPerspective?["carer"] == 2)
        #expect(count.noPerspective == 1)

        room.say(4, .place(.remote))
        count = try #require(room.hostCount())
        #expect(count.byPlace?["remote"] == 1)
        #expect(count.noPlace == 2)

        room.apply(.closed(3))
        count = try #require(room.hostCount())
        #expect(count.connected == 2)
        #expect(count.byPerspective?["carer"] == 1)

        room.join(5, .audience)
        room.say(5, .perspective("police"))
        count = try #require(room.hostCount())
        #expect(count.connected == 3)
        #expect(count.byPerspective?["police"] == 1)
        #expect(count.byPerspective?["carer"] == 1)
        #expect(count.noPerspective == 1)
    }

    @Test func aTickSendsTalliesOnlyToWhoSeesThem() throws {
        let room = SessionRoom()
        room.join(1, .host)
        room.join(2, .screen)
        for id in 3...12 { room.join(ConnectionID(id), .audience) }
        for command in [HostCommand.start(story: "night"), .next, .results(.screen), .open(seconds: nil)] {
            room.say(1, .command(command))
            room.commit()
        }
        func tallied(afterVotesFrom phones: ClosedRange<ConnectionID>) -> Set<ConnectionID> {
            for id in phones { room.say(id, .vote(decision: "D1", option: "police")) }
            room.commit()
            room.sent = []
            room.tick()
            return Set(
                room.sent.compactMap { id, message in
                    if case .tally = message { id } else { nil }
                })
        }
        #expect(tallied(afterVotesFrom: 3...8) == [1, 2])
        room.say(1, .command(.results(.everyone)))
        room.commit()
        #expect(tallied(afterVotesFrom: 9...9) == Set(1...12))
    }
}
