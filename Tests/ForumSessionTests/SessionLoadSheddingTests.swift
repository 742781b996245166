import ForumCore
import ForumSession
import Testing

/// Offered more votes than the IO loop can take, the session refuses new votes with
/// `overloaded` at once instead of letting every vote wait longer and longer.
@Suite struct SessionLoadSheddingTests {
    /// A room with a host and 5 phones, a round open.
    func openRound() -> (driver: SessionDriver, phones: [ConnectionID]) {
        let driver = SessionDriver()
        let host = driver.join(.host).id
        let phones = (0..<5).map { _ in driver.join(.audience).id }
        for command in [HostCommand.start(story: "night"), .next, .open(seconds: nil)] {
            driver.command(host, command)
        }
        for id in phones { _ = driver.take(id) }
        return (driver, phones)
    }

    /// What answered the phone's message with ref "r", once the store has committed.
    func answer(to phone: ConnectionID, in driver: SessionDriver) -> ServerMessage? {
        driver.commit()
        return driver.take(phone).first { $0.ref == "r" }
    }

    @Test func aSaturatedLoopRefusesVotesAndTakesThemAgainOnceItCatchesUp() throws {
        let (driver, phones) = openRound()
        driver.session.sheddingFloor = 1  // a flood in miniature: every vote is demand enough
        driver.load = LoopLoad(turn: 0.15, busy: 0.97)
        driver.say(phones[0], .vote(decision: "D1", option: "police"), ref: "r")
        #expect(driver.storing.isEmpty, "a refused vote is not stored")
        guard case .error(let refusal) = answer(to: phones[0], in: driver) else {
            Issue.record("a vote in a saturated loop must be refused")
            return
        }
        #expect(refusal.code == ErrorCode.overloaded.rawValue)
        #expect(refusal.ref == "r")

        driver.load = LoopLoad(turn: 0.01, busy: 0.97)
        driver.say(phones[1], .vote(decision: "D1", option: "police"), ref: "r")
        guard case .ack = answer(to: phones[1], in: driver) else {
            Issue.record("short turns: the loop keeps up, the vote is taken")
            return
        }
        driver.load = LoopLoad()
        driver.say(phones[0], .vote(decision: "D1", option: "crisis"), ref: "r")
        guard case .ack = answer(to: phones[0], in: driver) else {
            Issue.record("an idle loop takes the vote")
            return
        }
    }

    /// A small room on a slow machine (a starved CPU, a disk whose flush takes seconds):
    /// its votes wait for the store and are acknowledged, never refused. CI once refused a
    /// 20-phone bench's vote on a busy machine before this floor.
    @Test func aSmallRoomIsNeverRefusedHoweverSlowTheMachine() {
        let (driver, phones) = openRound()
        driver.load = LoopLoad(turn: 0.5, busy: 1)
        for (index, phone) in phones.enumerated() {
            driver.say(phone, .vote(decision: "D1", option: "police"), ref: "r")
            driver.seconds += 0.4  // the store has not answered for up to 2 s
            #expect(driver.storing.count >= index + 1, "the vote waits for the store")
        }
        driver.commit()
        for phone in phones {
            #expect(driver.take(phone).first { $0.ref == "r" }?.type == .ack)
        }
        #expect(driver.session.show.tally?.total == phones.count)
    }

    /// Shedding answers demand: at the floor the flood is refused, and a second after the
    /// flood stops the floor is clear again.
    @Test func theFloorCountsTheLastSecondsVotes() {
        let (driver, phones) = openRound()
        driver.session.sheddingFloor = 3
        driver.load = LoopLoad(turn: 0.15, busy: 0.97)
        driver.say(phones[0], .vote(decision: "D1", option: "police"), ref: "r")
        driver.say(phones[1], .vote(decision: "D1", option: "police"), ref: "r")
        #expect(answer(to: phones[0], in: driver)?.type == .ack, "1 vote a second is under the floor")
        #expect(answer(to: phones[1], in: driver)?.type == .ack, "2 votes a second are under the floor")
        driver.say(phones[2], .vote(decision: "D1", option: "police"), ref: "r")
        #expect(answer(to: phones[2], in: driver)?.errorCode == .overloaded, "3 a second meet it")
        driver.seconds += 1
        driver.say(phones[2], .vote(decision: "D1", option: "police"), ref: "r")
        #expect(answer(to: phones[2], in: driver)?.errorCode == .overloaded, "the last second still counts")
        driver.seconds += 2
        driver.say(phones[2], .vote(decision: "D1", option: "police"), ref: "r")
        #expect(answer(to: phones[2], in: driver)?.type == .ack, "the flood stopped: taken")
    }

    /// A whole room voting at once keeps the loop busy for a fraction of a second: long
    /// turns, but not a second of work, so nothing is refused.
    @Test func aBurstIsNotSaturation() {
        #expect(!LoopLoad(turn: 0.56, busy: 0.84).saturated)
        #expect(!LoopLoad(turn: 0.05, busy: 1).saturated)
        #expect(LoopLoad(turn: 0.1, busy: 0.95).saturated)
    }
}
