import ForumCore
import ForumSession
import Foundation
import Testing

@Suite("Session: host commands and the store, without a socket")
struct SessionStoreTests {
    @Test func aHostCommandIsAcknowledgedOnlyOnceItIsStored() {
        let driver = SessionDriver()
        let host = driver.join(.host).id
        let phone = driver.join(.audience).id
        _ = driver.take(phone)
        driver.commit()
        driver.say(host, .command(.start(story: "night")), ref: "s")
        #expect(!driver.storing.isEmpty)
        let before = driver.take(host)
        #expect(!before.contains { $0.ref == "s" })
        // The room already follows (a fan-out waits for no disk).
        #expect(driver.take(phone).last { $0.type == .state }?.sceneID == "kitchen")
        driver.commit()
        let ack = driver.take(host).first { $0.ref == "s" }
        #expect(ack?.type == .ack)
        #expect(ack?.ackSubject == .command(.start))
    }

    @Test func aCommandTheStoreRefusesIsAnErrorForTheHost() {
        let driver = SessionDriver()
        let host = driver.join(.host).id
        driver.say(host, .command(.start(story: "night")), ref: "s")
        driver.fail()
        let answer = driver.take(host).first { $0.ref == "s" }
        #expect(answer?.errorCode == .storageFailed)
        #expect((answer?.errorText)?.contains("database or disk is full") == true)
    }

    @Test func aFullDiskIsToldToTheHostOnceAndToEachVoterAndRecovers() {
        let driver = SessionDriver()
        let host = driver.join(.host).id
        let phones = (0..<2).map { _ in driver.join(.audience).id }
        driver.command(host, .start(story: "night"))
        driver.command(host, .next)
        driver.say(host, .command(.open(seconds: nil)), ref: "o")
        for phone in phones { driver.vote(phone, "police") }
        for id in [host] + phones { _ = driver.take(id) }
        driver.diskFull()
        for phone in phones { #expect(driver.take(phone).map(\.errorCode) == [.storageFailed]) }
        let told = driver.take(host)
        #expect(told.filter { $0.errorCode == .storageFailed && $0.ref == nil }.count == 1)
        #expect(!told.contains { $0.ref == "o" })
        // Still failing: the host is not told again, the round's records stay kept.
        driver.diskFull()
        #expect(driver.take(host).filter { $0.errorCode == .storageFailed }.isEmpty)
        #expect(driver.session.show.tally?.total == 0)
        // The disk has room: the kept records commit, the open is acknowledged, votes count.
        driver.commit()
        let recovered = driver.take(host)
        #expect(recovered.first { $0.ref == "o" }?.type == .ack)
        #expect(recovered.last { $0.type == .state }?.state?.store?.pending == 0)
        driver.vote(phones[0], "police")
        driver.commit()
        #expect(driver.take(phones[0]).first?.type == .ack)
        #expect(driver.session.show.tally?.total == 1)
    }
}

@Suite("Session: overload is shed, not queued without end")
struct SessionOverloadTests {
    @Test func votesAreRefusedWhileTheStoreIsBehindAndTakenAgainOnceItCatchesUp() {
        let driver = SessionDriver()
        driver.session.sheddingFloor = 1  // a flood in miniature: every vote is demand enough
        let host = driver.join(.host).id
        let phones = (0..<3).map { _ in driver.join(.audience).id }
        driver.command(host, .start(story: "night"))
        driver.command(host, .next)
        driver.command(host, .open(seconds: nil))
        for phone in phones { _ = driver.take(phone) }
        driver.vote(phones[0], "police")
        // The store has not answered for 0.6 s: the next vote is refused at once.
        driver.seconds += 0.6
        driver.vote(phones[1], "crisis")
        let refused = driver.take(phones[1])
        #expect(refused.map(\.errorCode) == [.overloaded])
        #expect(refused.first?.ref == "v")
        #expect(driver.storing.count == 2)  // the first vote and its device
        // Refusals are not the phone's misbehaviour: many of them never close it.
        for _ in 0..<60 {
            driver.seconds += 0.05
            driver.vote(phones[2], "crisis")
        }
        #expect(driver.closed.isEmpty)
        // The store catches up: the first vote is acknowledged and votes are taken again.
        driver.commit()
        #expect(driver.take(phones[0]).first?.type == .ack)
        driver.vote(phones[1], "crisis")
        driver.commit()
        #expect(driver.take(phones[1]).first?.type == .ack)
        #expect(driver.session.show.tally?.total == 2)
    }

    @Test func aBurstTheStoreTakesInTimeIsNeverRefused() {
        let driver = SessionDriver()
        let host = driver.join(.host).id
        let phones = (0..<50).map { _ in driver.join(.audience).id }
        driver.command(host, .start(story: "night"))
        driver.command(host, .next)
        driver.command(host, .open(seconds: nil))
        for phone in phones {
            driver.seconds += 0.005
            driver.vote(phone, "police")
        }
        driver.commit()
        #expect(phones.allSatisfy { driver.take($0).contains { $0.type == .ack } })
    }
}
