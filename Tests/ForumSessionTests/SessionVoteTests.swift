import ForumCore
import ForumSession
import Foundation
import Testing

@Suite("Session: votes, the store and who gets which state, without a socket")
struct SessionVoteTests {
    /// A host, a screen and `phones` phones, the story at its decision with the vote open.
    static func openVote(phones: Int) -> (SessionDriver, host: ConnectionID, screen: ConnectionID, [ConnectionID]) {
        let driver = SessionDriver()
        let host = driver.join(.host).id
        let screen = driver.join(.screen).id
        let ids = (0..<phones).map { _ in driver.join(.audience).id }
        driver.command(host, .start(story: "night"))
        driver.command(host, .next)
        driver.command(host, .open(seconds: nil))
        for id in [host, screen] + ids { _ = driver.take(id) }
        return (driver, host, screen, ids)
    }

    @Test func aVoteIsAcknowledgedOnlyAfterItsCommit() {
        let (driver, host, _, phones) = Self.openVote(phones: 1)
        let phone = phones[0]
        driver.vote(phone, "crisis")
        #expect(driver.take(phone).isEmpty)
        // A phone's first vote stores its device first (a phone that only looks is not stored).
        #expect(driver.storing.count == 2)
        guard case .deviceJoined = driver.storing.first?.record, case .vote(let record) = driver.storing.last?.record
        else {
            Issue.record("the vote was not handed to the store")
            return
        }
        #expect(record.optionID == "crisis")
        #expect(driver.session.show.tally?.total == 0)
        driver.commit()
        let answers = driver.take(phone)
        #expect(answers.first?.type == .ack)
        #expect(answers.first?.ref == "v")
        #expect(answers.first?.ackSubject == .vote(decision: "D1", option: "crisis"))
        #expect(answers.last?.myVote == "crisis")
        #expect(driver.session.show.tally?.total == 1)
        // The host's tally comes at the next tick, not per vote.
        #expect(driver.take(host).isEmpty)
        driver.tick()
        let tally = driver.take(host)
        #expect(tally.map(\.type) == [.tally])
        #expect(tally.first?.tally?.tally.total == 1)
    }

    @Test func aPhoneThatNeedsNoStateAfterItsAckGetsTheAckAlone() {
        let (driver, _, _, _) = Self.openVote(phones: 0)
        let phone = driver.connect()
        driver.say(phone, #"{"type":"hello","role":"audience","state_after_ack":false}"#)
        #expect(driver.take(phone).map(\.type) == [.welcome, .state])
        driver.vote(phone, "crisis")
        driver.commit()
        let answers = driver.take(phone)
        #expect(answers.map(\.type) == [.ack])
        #expect(answers.first?.ackSubject == .vote(decision: "D1", option: "crisis"))
        // Its vote is still in every later state.
        driver.say(phone, #"{"type":"hello","role":"audience","state_after_ack":"no"}"#)
        #expect(driver.take(phone).map(\.errorCode) == [.badMessage])
        #expect(driver.session.show.tally?.total == 1)
    }

    @Test func aFailedCommitIsToldToTheVoterAndTheHostAndNotCounted() {
        let (driver, host, _, phones) = Self.openVote(phones: 1)
        let phone = phones[0]
        driver.vote(phone, "police")
        driver.fail()
        let answers = driver.take(phone)
        #expect(answers.map(\.errorCode) == [.storageFailed])
        #expect(answers.first?.ref == "v")
        #expect(driver.session.show.tally?.total == 0)
        driver.tick()
        let hostState = driver.take(host).last { $0.type == .state }
        // The vote and, before it, its device's first record.
        #expect(hostState?.state?.store?.failed == 2)
        // The next vote, stored, counts.
        driver.vote(phone, "police")
        driver.commit()
        #expect(driver.take(phone).first?.type == .ack)
        #expect(driver.session.show.tally?.total == 1)
    }

    @Test func theHostSeesTheStoreFallBehindAndCatchUp() {
        let (driver, host, _, phones) = Self.openVote(phones: 2)
        for phone in phones { driver.vote(phone, "police") }
        driver.tick()
        let behind = driver.take(host).last { $0.type == .state }
        // Each vote and, before it, its device's first record.
        #expect(behind?.state?.store?.pending == 4)
        driver.commit()
        driver.tick()
        let caughtUp = driver.take(host).last { $0.state?.store != nil }
        #expect(caughtUp?.state?.store?.pending == 0)
    }

    @Test func aSceneChangeReachesEveryRoleWithWhatItMaySee() {
        let (driver, host, screen, phones) = Self.openVote(phones: 5)
        for (index, phone) in phones.enumerated() { driver.vote(phone, index < 3 ? "police" : "crisis") }
        driver.commit()
        for phone in phones { _ = driver.take(phone) }
        driver.sends = []
        #expect(driver.command(host, .close)?.type == .ack)
        let phoneStates = phones.map { driver.take($0).last { $0.type == .state } }
        #expect(phoneStates.allSatisfy { $0?.status == .closed })
        #expect(phoneStates.allSatisfy { $0?["host_notes"] == nil && $0?["audience"] == nil })
        #expect(phoneStates[0]?.myVote == "police")
        #expect(phoneStates[4]?.myVote == "crisis")
        // Results are hidden from phones until the reveal; the projector has the counts
        // and the audience count (its page shows them once revealed), never host notes.
        #expect(phoneStates.allSatisfy { $0?["tally"] == .null })
        let screenState = driver.take(screen).last { $0.type == .state }
        #expect(screenState?.state?.tally?.total == 5)
        #expect(screenState?.state?.audience?.connected == 5)
        #expect(screenState?["host_notes"] == nil)
        let hostState = driver.take(host).last { $0.type == .state }
        #expect(hostState?.state?.tally?.total == 5)
        #expect(hostState?["host_notes"] != nil)
        // Phones with the same vote share one encoding of the state.
        let police = driver.sends.filter { phones.prefix(3).contains($0.0) && $0.2 == .state }.map(\.1)
        #expect(police.count == 3 && Set(police).count == 1)
        driver.command(host, .reveal)
        let revealed = driver.take(phones[0]).last { $0.type == .state }
        #expect(revealed?.status == .revealed)
        #expect(revealed?.state?.tally?.total == 5)
    }

    @Test func withFewerThanFiveVotersTheRoomSeesNoCounts() {
        let (driver, host, screen, phones) = Self.openVote(phones: 4)
        for phone in phones { driver.vote(phone, "police") }
        driver.commit()
        driver.command(host, .reveal)
        let phoneState = driver.take(phones[0]).last { $0.type == .state }
        #expect(phoneState?["tally"] == .null)
        #expect(phoneState?["decision"]?["results_withheld"] == .string("too_few_voters"))
        let screenState = driver.take(screen).last { $0.type == .state }
        #expect(screenState?["tally"] == .null)
        #expect(screenState?.state?.audience?.voted == 4)
        let hostState = driver.take(host).last { $0.type == .state }
        #expect(hostState?.state?.tally?.total == 4)
    }

    @Test func aPerspectiveChangeReRecordsTheVoteAndIsAcknowledgedOnceStored() {
        let (driver, _, _, phones) = Self.openVote(phones: 1)
        let phone = phones[0]
        driver.vote(phone, "police")
        driver.commit()
        _ = driver.take(phone)
        driver.say(phone, .perspective("carer"), ref: "p")
        #expect(driver.take(phone).isEmpty)
        #expect(driver.storing.count == 2)
        driver.commit()
        let ack = driver.take(phone).first
        #expect(ack?.type == .ack)
        #expect(ack?.ackSubject == .perspective("carer"))
        #expect(driver.session.show.tally?.total == 1)
        driver.say(phone, .perspective("astronaut"), ref: "q")
        #expect(driver.take(phone).map(\.errorCode) == [.unknownPerspective])
    }

    @Test func aTimedVoteClosesAtTheTickAfterItsTime() {
        let (driver, host, _, phones) = Self.openVote(phones: 1)
        driver.command(host, .close)
        driver.command(host, .replay(scene: nil))
        driver.command(host, .open(seconds: 5))
        _ = driver.take(phones[0])
        driver.tick(after: 4)
        #expect(driver.take(phones[0]).allSatisfy { $0.type != .state })
        driver.tick(after: 1.5)
        #expect(driver.take(phones[0]).last { $0.type == .state }?.status == .closed)
        #expect(!driver.storing.isEmpty)
    }

    @Test func hostCommandErrorsCarryTheirCodeAndOptions() {
        let driver = SessionDriver()
        let host = driver.join(.host).id
        #expect(
            driver.command(host, raw: #"{"type":"command","command":"fly","ref":"bad-fly"}"#, ref: "bad-fly")?.errorCode
                == .unknownCommand)
        driver.command(host, .start(story: "night"))
        #expect(driver.command(host, .open(seconds: nil))?.errorCode == .noDecision)
        #expect(
            driver.command(host, .goto(scene: "cal"))?.errorText
                == "There is no scene 'cal' in A night. Did you mean 'call'?")
    }

    @Test func undoFinishAndTheJoinScreenReachEveryone() {
        let (driver, host, screen, phones) = Self.openVote(phones: 1)
        driver.vote(phones[0], "police")
        driver.commit()
        driver.command(host, .goto(scene: "police"))
        #expect(driver.take(phones[0]).last { $0.type == .state }?.sceneID == "police")
        #expect(driver.command(host, .undo)?.type == .ack)
        let undone = driver.take(phones[0]).last { $0.type == .state }
        #expect(undone?.sceneID == "call")
        #expect(undone?.status == .open)
        #expect(undone?.myVote == "police")
        #expect(driver.command(host, .join(true))?.type == .ack)
        #expect(driver.take(screen).last { $0.type == .state }?.state?.joinScreen == true)
        #expect(driver.take(phones[0]).last { $0.type == .state }?["join_screen"] == nil)
        #expect(driver.command(host, .finish)?.type == .ack)
        #expect(driver.take(phones[0]).last { $0.type == .state }?.state?.finished == true)
        #expect(driver.take(screen).last { $0.type == .state }?.state?.finished == true)
        #expect(driver.session.show.isFinished)
    }
}

@Suite("Session: live results on phones and the fewer-than-5 rule, without a socket")
struct SessionLiveResultsTests {
    @Test func phonesAreToldWhenTheCountsStartAndStopBeingHeldBack() {
        let (driver, host, _, phones) = SessionVoteTests.openVote(phones: 0)
        let lean = (0..<5).map { _ in driver.connect() }
        for phone in lean { driver.say(phone, #"{"type":"hello","role":"audience","state_after_ack":false}"#) }
        driver.command(host, .close)
        driver.command(host, .replay(scene: nil))
        #expect(driver.command(host, .results(.everyone))?.type == .ack)
        driver.command(host, .open(seconds: nil))
        driver.commit()
        for phone in lean + phones { _ = driver.take(phone) }
        // The first vote: every phone is told the counts are held back.
        driver.vote(lean[0], "police", decision: "D2")
        driver.commit()
        let first = driver.take(lean[1]).last { $0.type == .state }
        #expect(first?["decision"]?["results_withheld"] == .string("too_few_voters"))
        #expect(first?["tally"] == .null)
        #expect(driver.take(lean[0]).map(\.type).first == .ack)
        for phone in lean { _ = driver.take(phone) }
        // Votes 2 to 4 change nothing the phones may see.
        for phone in lean[1...3] { driver.vote(phone, "crisis", decision: "D2") }
        driver.commit()
        #expect(driver.take(lean[4]).filter { $0.type == .state }.isEmpty)
        // The fifth: the counts are shown to every phone.
        driver.vote(lean[4], "crisis", decision: "D2")
        driver.commit()
        let shown = driver.take(lean[0]).last { $0.type == .state }
        #expect(shown?["decision"]?["results_withheld"] == nil)
        #expect(shown?.state?.tally?.total == 5)
    }
}
