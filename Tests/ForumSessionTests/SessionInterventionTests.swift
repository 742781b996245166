import ForumCore
import ForumSession
import Foundation
import Logging
import Testing

@Suite("Session: Stop, proposals and the moderator, without a socket")
struct SessionInterventionTests {
    static let moderatorKey = "moderator-key-123"

    /// A session with a moderator key, a host, a screen, a moderator and `phones` phones, the
    /// story at its decision with the vote open.
    static func room(phones: Int) -> (
        SessionDriver, host: ConnectionID, screen: ConnectionID, moderator: ConnectionID, [ConnectionID]
    ) {
        let driver = SessionDriver(moderatorKey: moderatorKey)
        let host = driver.join(.host).id
        let screen = driver.join(.screen).id
        let moderator = driver.connect()
        driver.say(moderator, .hello(role: .moderator, device: nil, key: moderatorKey))
        let ids = (0..<phones).map { _ in driver.join(.audience).id }
        driver.command(host, .start(story: "night"))
        driver.command(host, .next)
        driver.command(host, .open(seconds: nil))
        for id in [host, screen, moderator] + ids { _ = driver.take(id) }
        return (driver, host, screen, moderator, ids)
    }

    /// The latest `room` member a connection was sent.
    static func room(_ messages: [ServerMessage]) -> StateMessage.Room? {
        messages.last { $0.type == .state }?.state?.room
    }

    /// The same member as sent on the wire, for what the typed one does not tell apart.
    static func roomJSON(_ messages: [ServerMessage]) -> JSONValue? {
        messages.last { $0.type == .state }?["room"]
    }

    @Test func stopsAreAcknowledgedAfterTheCommitAndTheHostSeesTheCountAtTheNextTick() {
        let (driver, host, screen, moderator, phones) = Self.room(phones: 3)
        driver.say(phones[0], .intervene(on: true), ref: "s")
        #expect(driver.take(phones[0]).isEmpty)
        driver.commit()
        let answer = driver.take(phones[0]).first
        #expect(answer?.type == .voice && answer?.ref == "s" && answer?.voice?.stop == true)
        driver.say(phones[1], .intervene(on: true))
        driver.say(phones[2], .intervene(on: true))
        driver.say(phones[2], .intervene(on: false))
        driver.commit()
        driver.tick()
        #expect(Self.room(driver.take(host))?.staff?.stops == 2)
        #expect(Self.room(driver.take(moderator))?.staff?.stops == 2)
        let screenBefore = driver.take(screen)
        #expect(Self.roomJSON(screenBefore)?["stops"] == .null)  // until the host shows it
        #expect(Self.room(screenBefore)?.screen?.stops == nil)
        #expect(driver.take(phones[1]).allSatisfy { $0.type == .voice })  // no state for phones
        #expect(driver.command(host, .acknowledge)?.type == .ack)
        driver.command(host, .stops(true))
        #expect(Self.room(driver.take(screen))?.screen?.stops == 2)
        #expect(Self.room(driver.take(host))?.staff?.acknowledged == 2)
        let rows = driver.committed.compactMap { if case .voice(.stop(let toggle)) = $0 { toggle } else { nil } }
        #expect(rows.count == 4 && rows.filter(\.on).count == 3)
    }

    @Test func proposalsGoThroughTheModeratorAndTheProposerHearsWhatBecameOfThem() {
        let (driver, host, screen, moderator, phones) = Self.room(phones: 2)
        driver.say(phones[0], .propose(text: "Call her sister"), ref: "p")
        #expect(driver.take(phones[0]).first?.errorCode == .proposalsClosed)
        driver.command(host, .proposals(true))
        #expect(Self.room(driver.take(phones[0]))?.proposalsOpen == true)
        driver.say(phones[0], .propose(text: "Call her sister"), ref: "p")
        driver.say(phones[1], .propose(text: "Phone her sister"))
        driver.commit()
        let ack = driver.take(phones[0]).first
        let mine = ack?.voice?.proposals
        #expect(ack?.ref == "p" && mine?.first?.status == .pending)
        driver.tick()
        let queue = Self.room(driver.take(moderator))?.staff?.queue
        #expect(queue?.map(\.id) == ["P1", "P2"])
        // A moderator moderates, and nothing else.
        driver.say(moderator, .command(.next), ref: "m")
        #expect(driver.take(moderator).first?.errorCode == .forbidden)
        driver.say(moderator, .command(.approve(proposal: "P1")), ref: "m1")
        driver.say(moderator, .command(.merge(proposal: "P2", into: "P1")))
        let told = driver.take(phones[0]).last?.voice?.proposals
        #expect(told?.first?.status == .approved)
        #expect(driver.take(phones[1]).last?.voice?.proposals.first?.status == .merged)
        driver.commit()
        #expect(driver.take(moderator).contains { $0.type == .ack && $0.ref == "m1" })
        driver.command(host, .showProposals(true))
        let screenShown = driver.take(screen)
        let shown = Self.room(screenShown)?.screen?.proposals
        #expect(shown?.count == 1 && shown?.first?.text == "Call her sister")
        #expect(shown?.first?.sameIdea == 1)
        #expect(Self.roomJSON(screenShown)?["proposals"]?.arrayValue?.first?["device"] == nil)
        // The host puts it to the vote: a new round with the audience's option.
        #expect(driver.command(host, .adopt(proposal: "P1"))?.type == .ack)
        driver.command(host, .open(seconds: nil))
        let state = driver.take(phones[1]).last { $0.type == .state }
        let options = state?.decision?.options
        #expect(options?.last?.id == "audience_1" && options?.last?.fromAudience == true)
        #expect(state?["decision"]?["options"]?.arrayValue?.last?["from"] == .string("audience"))
        driver.vote(phones[1], "audience_1", decision: "D2")
        driver.commit()
        #expect(driver.take(phones[1]).first?.type == .ack)
        #expect(driver.session.show.tally?.counts["audience_1"] == 1)
        let log = driver.committed.compactMap { if case .voice(.moderated(let entry, _)) = $0 { entry } else { nil } }
        #expect(log.map(\.action) == ["approve", "merge", "adopt"])
        #expect(log.map(\.by) == [.moderator, .moderator, .host])
    }

    @Test func aFloodFromOnePhoneIsRefusedAndTheOthersGoOn() {
        let (driver, host, _, _, phones) = Self.room(phones: 2)
        driver.command(host, .proposals(true))
        for phone in phones { _ = driver.take(phone) }
        for index in 0..<12 { driver.say(phones[0], .intervene(on: index % 2 == 0)) }
        for index in 0..<5 { driver.say(phones[0], .propose(text: "idea \(index)")) }
        let refused = driver.take(phones[0]).filter { $0.errorCode == .tooManyInterventions }
        #expect(refused.count == 4)  // 2 stops over 10, 2 proposals over 3
        driver.say(phones[1], .intervene(on: true), ref: "ok")
        driver.say(phones[1], .propose(text: "mine"), ref: "ok2")
        driver.commit()
        #expect(driver.take(phones[1]).map { $0.ref } == ["ok", "ok2"])
        driver.seconds += 60
        driver.say(phones[0], .propose(text: "later"), ref: "later")
        driver.commit()
        #expect(driver.take(phones[0]).last?.ref == "later")
    }

    @Test func badInputIsRefusedWithTheProtocolsErrors() {
        let (driver, host, screen, _, phones) = Self.room(phones: 1)
        driver.say(screen, .intervene(on: true))
        #expect(driver.take(screen).first?.errorCode == .forbidden)
        driver.say(phones[0], #"{"type":"intervene","on":"yes"}"#)
        driver.say(phones[0], #"{"type":"propose"}"#)
        driver.say(phones[0], .propose(text: String(repeating: "x", count: 5000)))
        #expect(driver.take(phones[0]).map(\.errorCode) == [.badMessage, .badMessage, .badMessage])
        driver.command(host, .proposals(true))
        _ = driver.take(phones[0])
        driver.say(phones[0], .propose(text: String(repeating: "x", count: 281)))
        driver.say(phones[0], .propose(text: "\u{7}\u{1B} "))
        #expect(driver.take(phones[0]).map(\.errorCode) == [.badMessage, .badMessage])
        #expect(driver.command(host, .approve(proposal: "P7"))?.errorCode == .unknownProposal)
        #expect(driver.command(host, .adopt(proposal: "P7"))?.errorCode == .unknownProposal)
        let wrong = driver.connect()
        driver.say(wrong, .hello(role: .moderator, device: nil, key: "guess"))
        #expect(driver.take(wrong).first?.errorCode == .unauthorized && driver.closed.contains(wrong))
        // The moderator key lets a moderator in, never a host.
        let impostor = driver.connect()
        driver.say(impostor, .hello(role: .host, device: nil, key: Self.moderatorKey))
        #expect(driver.take(impostor).first?.errorCode == .unauthorized)
        let byHostKey = driver.connect()
        driver.say(byHostKey, .hello(role: .moderator, device: nil, key: SessionDriver.hostKey))
        #expect(driver.take(byHostKey).first?.type == .welcome)
    }

    @Test func aPhoneBackAfterReconnectingGetsItsOwnStopAndProposals() {
        let (driver, host, _, _, phones) = Self.room(phones: 1)
        driver.command(host, .proposals(true))
        driver.say(phones[0], .intervene(on: true))
        driver.say(phones[0], .propose(text: "Call her sister"))
        driver.commit()
        let device = driver.session.show.voice.queue.proposals.first?.device
        let again = driver.connect()
        driver.say(again, .hello(role: .audience, device: device ?? "", key: nil))
        let voice = driver.take(again).first { $0.type == .voice }
        #expect(voice?.voice?.stop == true && voice?.voice?.proposals.count == 1)
        let fresh = driver.connect()
        driver.say(fresh, .hello(role: .audience, device: nil, key: nil))
        #expect(driver.take(fresh).map(\.type) == [.welcome, .state])  // nothing to tell a new phone
    }

    /// A phone that has never voted is stored as a device before its first stop or proposal:
    /// the stops and proposals tables refer to the devices table.
    @Test func aPhonesFirstStopOrProposalStoresItsDeviceFirst() {
        let (driver, host, _, _, phones) = Self.room(phones: 2)
        driver.command(host, .proposals(true))
        driver.say(phones[0], .intervene(on: true))
        driver.say(phones[1], .propose(text: "Call her sister"))
        driver.commit()
        var firstRecordOf: [String: String] = [:]
        for record in driver.committed {
            switch record {
            case .deviceJoined(let join): firstRecordOf[join.device] = firstRecordOf[join.device] ?? "device"
            case .voice(.stop(let toggle)): firstRecordOf[toggle.device] = firstRecordOf[toggle.device] ?? "stop"
            case .voice(.proposed(let proposal)):
                firstRecordOf[proposal.device] = firstRecordOf[proposal.device] ?? "proposal"
            default: break
            }
        }
        #expect(firstRecordOf.count == 2)
        #expect(firstRecordOf.values.allSatisfy { $0 == "device" })
        #expect(driver.session.show.devices.count == 2)
    }
}
