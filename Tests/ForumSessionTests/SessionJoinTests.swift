import ForumCore
import ForumSession
import Foundation
import Testing

@Suite("Session: hello, roles and bad input, without a socket")
struct SessionJoinTests {
    @Test func eachRoleGetsItsWelcomeAndState() {
        let driver = SessionDriver()
        let phone = driver.join(.audience)
        #expect(phone.welcome != nil)
        #expect(phone.welcome.role == .audience)
        #expect(phone.welcome.device?.count == 32)
        #expect(phone.welcome["join_qr"] == nil)
        #expect(phone.state != nil)
        #expect(phone.state["audience"] == nil)
        // A phone that only looks is not stored: its device is stored at its first vote.
        #expect(driver.storing.isEmpty)
        let screen = driver.join(.screen)
        #expect(screen.welcome.joinQR == "/join-qr.svg")
        #expect(screen.state.audience?.connected == 1)
        #expect(screen.welcome["stories"] == nil)
        #expect(screen.welcome.catalogue == nil)
        let host = driver.join(.host)
        #expect(host.welcome.catalogue?.stories.first?.id == "night")
        #expect(host.welcome["stories"]?.arrayValue?.first?["id"] == .string("night"))
        #expect(host.state.store?.pending == 0)
        #expect(host.state["host_notes"] != nil)
    }

    @Test func aWrongHostKeyIsRefusedAndClosed() {
        let driver = SessionDriver()
        let intruder = driver.connect()
        driver.say(intruder, .hello(role: .host, device: nil, key: "guess"))
        #expect(driver.take(intruder).map(\.errorCode) == [.unauthorized])
        #expect(driver.closed == [intruder])
        // Nothing more is sent to a closing connection.
        driver.say(intruder, .ping)
        #expect(driver.take(intruder).isEmpty)
        let missing = driver.connect()
        driver.say(missing, .hello(role: .host, device: nil, key: nil))
        #expect(driver.take(missing).map(\.errorCode) == [.unauthorized])
        #expect(driver.join(.host).welcome.role == .host)
    }

    @Test func badInputGetsErrorsAndNothingChanges() {
        let driver = SessionDriver()
        let phone = driver.connect()
        driver.say(phone, #"{"type":"vote","decision":"D1","option":"x","ref":"early"}"#)
        let early = driver.take(phone)
        #expect(early.map(\.errorCode) == [.notJoined])
        #expect(early.first?.ref == "early")
        driver.say(phone, "this is not json")
        #expect(driver.take(phone).map(\.errorCode) == [.badJSON])
        driver.say(phone, .hello(role: .audience, device: nil, key: nil))
        #expect(driver.take(phone).map(\.type) == [.welcome, .state])
        driver.say(phone, .hello(role: .audience, device: nil, key: nil))
        #expect(driver.take(phone).map(\.errorCode) == [.alreadyJoined])
        driver.say(phone, #"{"type":"teleport"}"#)
        #expect(driver.take(phone).map(\.errorCode) == [.unknownType])
        driver.say(phone, .command(.start(story: "night")))
        #expect(driver.take(phone).map(\.errorCode) == [.forbidden])
        driver.vote(phone, "police")
        #expect(driver.take(phone).map(\.errorCode) == [.unknownDecision])
        driver.say(phone, .ping)
        #expect(driver.take(phone).map(\.type) == [.pong])
        #expect(driver.session.show.story == nil)
    }

    @Test func aTooLargeMessageIsSkippedWholeAcrossFragments() {
        let driver = SessionDriver()
        let phone = driver.join(.audience).id
        let big = Array(#"{"type":"ping","pad":""#.utf8) + Array(repeating: UInt8(ascii: "x"), count: 5000)
        driver.apply(.received(phone, fragment: big, binary: false, last: false))
        driver.apply(.received(phone, fragment: big, binary: false, last: false))
        #expect(driver.take(phone).map(\.errorCode) == [.tooLarge])
        driver.apply(.received(phone, fragment: Array(#""}"#.utf8), binary: false, last: true))
        #expect(driver.take(phone).isEmpty)
        // A message in two fragments under the limit is put back together.
        driver.apply(.received(phone, fragment: Array(#"{"type":"#.utf8), binary: false, last: false))
        driver.apply(.received(phone, fragment: Array(#""ping"}"#.utf8), binary: false, last: true))
        #expect(driver.take(phone).map(\.type) == [.pong])
    }

    @Test func aBinaryMessageIsRefusedAndTheNextTextOneWorks() {
        let driver = SessionDriver()
        let phone = driver.join(.audience).id
        driver.apply(.received(phone, fragment: [1, 2, 3], binary: true, last: false))
        driver.apply(.received(phone, fragment: [4, 5], binary: true, last: true))
        #expect(driver.take(phone).map(\.errorCode) == [.badMessage])
        driver.say(phone, .ping)
        #expect(driver.take(phone).map(\.type) == [.pong])
    }

    @Test func aFloodIsRateLimitedThenClosedAndOthersAreUnaffected() {
        let driver = SessionDriver()
        let flooder = driver.join(.audience).id
        let calm = driver.join(.audience).id
        for _ in 0..<60 { driver.say(flooder, .ping) }
        let answers = driver.take(flooder)
        // The device's bucket of 40 (the hello was the connection's): 40 pongs, then one
        // rate_limited error and silence.
        #expect(answers.filter { $0.type == .pong }.count == 40)
        #expect(answers.compactMap(\.errorCode) == [.rateLimited])
        driver.say(calm, .ping)
        #expect(driver.take(calm).map(\.type) == [.pong])
        // The bucket refills at 20 a second.
        driver.seconds += 0.5
        for _ in 0..<10 { driver.say(flooder, .ping) }
        #expect(driver.take(flooder).filter { $0.type == .pong }.count == 10)
        #expect(driver.closed.isEmpty)
        for _ in 0..<250 { driver.say(flooder, .ping) }
        #expect(driver.closed == [flooder])
    }

    @Test func tooManyErrorsCloseTheConnection() {
        let driver = SessionDriver()
        let phone = driver.join(.audience).id
        for _ in 0..<51 {
            driver.seconds += 0.1
            driver.say(phone, #"{"type":"teleport"}"#)
        }
        #expect(driver.closed == [phone])
    }

    @Test func aReconnectingPhoneKeepsItsDeviceVoteAndPerspective() {
        let driver = SessionDriver()
        let host = driver.join(.host).id
        driver.command(host, .start(story: "night"))
        driver.command(host, .next)
        driver.command(host, .open(seconds: nil))
        let first = driver.join(.audience)
        let device = first.welcome.device ?? ""
        #expect(!device.isEmpty)
        driver.say(first.id, .perspective("carer"), ref: "p")
        driver.vote(first.id, "police")
        driver.commit()
        driver.apply(.closed(first.id))
        let again = driver.join(.audience, device: device)
        #expect(again.welcome?.device == device)
        #expect(again.welcome.perspective == "carer")
        #expect(again.state.decision?.myVote == "police")
        #expect(again.state.decision?.status == .open)
        let stranger = driver.join(.audience, device: "not-a-token")
        #expect(stranger.welcome?.device != "not-a-token")
    }

    @Test func aLateJoinerGetsTheCurrentSceneAndOpenVote() {
        let driver = SessionDriver()
        let host = driver.join(.host).id
        driver.command(host, .start(story: "night"))
        driver.command(host, .next)
        driver.command(host, .open(seconds: nil))
        let late = driver.join(.audience)
        #expect(late.state.scene?.id == "call")
        #expect(late.state.decision?.status == .open)
        #expect((late.state.decision?.myVote ?? nil) == nil)
    }

    @Test func closingAPhoneUpdatesTheCountsAtTheNextTick() {
        let driver = SessionDriver()
        let screen = driver.join(.screen).id
        let phone = driver.join(.audience).id
        driver.tick()
        #expect(driver.take(screen).last?.state?.audience?.connected == 1)
        driver.apply(.closed(phone))
        driver.tick()
        #expect(driver.take(screen).last?.state?.audience?.connected == 0)
    }
}
