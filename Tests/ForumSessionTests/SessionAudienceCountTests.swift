import ForumCore
import ForumSession
import Foundation
import Logging
import Testing

/// The host's audience count by perspective and place is kept between ticks (counting walks
/// every phone): it must still follow every change, and a tick must send tallies only to the
/// connections that see them.
@Suite struct SessionAudienceCountTests {
    /// A session with a host (connection 1) and `phones` phones (2...), as the IO side feeds it.
    final class Room {
        let session = Session(
            show: Show(library: SessionDriver.library), hostKey: "k", joinURLs: [], joinQR: nil,
            logger: Logger(label: "test"))
        var seconds = 0.0
        var sent: [(ConnectionID, ServerMessage)] = []
        var storing: [UInt64] = []
        var devices: [ConnectionID: String] = [:]

        func apply(_ event: SessionEvent) {
            let time = SessionTime(date: Date(timeIntervalSince1970: 1_800_000_000 + seconds), seconds: seconds)
            for action in session.handle(event, at: time) {
                switch action {
                case .send(let id, let bytes, _):
                    let message = ServerMessage(bytes: bytes)
                    #expect(message != nil, "unreadable: \(String(decoding: bytes, as: UTF8.self))")
                    if let message { sent.append((id, message)) }
                case .store(_, let ticket): storing.append(ticket)
                case .close, .buildReport: break
                }
            }
        }

        func say(_ id: ConnectionID, _ message: ClientMessage) {
            apply(.received(id, fragment: message.json(ref: "r").bytes, binary: false, last: true))
        }

        func commit() {
            let tickets = storing
            storing = []
            apply(.stored(committed: tickets, failed: []))
        }

        func tick() {
            seconds += 0.25
            apply(.tick)
        }

        func join(_ id: ConnectionID, _ role: ClientMessage.Role) {
            apply(.connected(id, source: nil))
            say(id, .hello(role: role, device: nil, key: role == .host ? "k" : nil, stateAfterAck: false))
            for case (id, .welcome(let welcome)) in sent { devices[id] = welcome.device }
        }

        /// The audience count in the host's latest state, after a tick.
        func hostCount() -> AudienceCount? {
            sent = []
            commit()
            tick()
            return sent.compactMap { id, message -> AudienceCount? in
                guard id == 1, case .state(let state) = message else { return nil }
                return state.audience
            }.last
        }
    }

    @Test func theHostsCountFollowsPhonesJoiningChoosingAndLeaving() throws {
        let room = Room()
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
        let room = Room()
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
