import ForumCore
import ForumSession
import Testing

/// Offered more votes than the IO loop can take, the session refuses new votes with
/// `overloaded` at once instead of letting every vote wait longer and longer.
@Suite struct SessionLoadSheddingTests {
    /// A room with a host and 5 phones, a round open.
    func openRound() -> SessionRoom {
        let room = SessionRoom()
        room.join(1, .host)
        for id in 2...6 { room.join(ConnectionID(id), .audience) }
        for command in [HostCommand.start(story: "night"), .next, .open(seconds: nil)] {
            room.say(1, .command(command))
            room.commit()
        }
        room.sent = []
        return room
    }

    func answer(to phone: ConnectionID, in room: SessionRoom) -> ServerMessage? {
        room.commit()
        return room.sent.last { $0.0 == phone }?.1
    }

    @Test func aSaturatedLoopRefusesVotesAndTakesThemAgainOnceItCatchesUp() throws {
        let room = openRound()
        room.load = LoopLoad(turn: 0.15, busy: 0.97)
        room.say(2, .vote(decision: "D1", option: "police"))
        #expect(room.storing.isEmpty, "a refused vote is not stored")
        guard case .error(let refusal) = answer(to: 2, in: room) else {
            Issue.record("a vote in a saturated loop must be refused")
            return
        }
        #expect(refusal.code == ErrorCode.overloaded.rawValue)
        #expect(refusal.ref == "r")

        room.load = LoopLoad(turn: 0.01, busy: 0.97)
        room.say(3, .vote(decision: "D1", option: "police"))
        guard case .ack = answer(to: 3, in: room) else {
            Issue.record("short turns: the loop keeps up, the vote is taken")
            return
        }
        room.load = LoopLoad()
        room.say(2, .vote(decision: "D1", option: "crisis"))
        guard case .ack = answer(to: 2, in: room) else {
            Issue.record("an idle loop takes the vote")
            return
        }
    }

    /// A whole room voting at once keeps the loop busy for a fraction of a second: long
    /// turns, but not a second of work, so nothing is refused.
    @Test func aBurstIsNotSaturation() {
        #expect(!LoopLoad(turn: 0.56, busy: 0.84).saturated)
        #expect(!LoopLoad(turn: 0.05, busy: 1).saturated)
        #expect(LoopLoad(turn: 0.1, busy: 0.95).saturated)
    }
}
