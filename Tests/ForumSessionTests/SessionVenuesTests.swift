import ForumCore
import ForumSession
import Testing

/// A show shared between venues, without NATS or sockets: sessions linked by ``VenueHub``.
@Suite struct SessionVenuesTests {
    let hub = VenueHub()
    let a: SessionDriver
    let b: SessionDriver
    let c: SessionDriver

    init() {
        a = hub.venue("a")
        b = hub.venue("b")
        c = hub.venue("c")
    }

    var all: [SessionDriver] { [a, b, c] }

    /// A host command at `venue`, carried through the hub; everything stored is committed.
    /// Returns what answered it.
    @discardableResult
    func run(_ command: HostCommand, at venue: SessionDriver, host: ConnectionID) -> ServerMessage? {
        let ref = "c-\(command.name.rawValue)"
        venue.say(host, .command(command), ref: ref)
        settle()
        return venue.take(host).first { $0.ref == ref }
    }

    /// The hub delivers everything and every store commits.
    func settle() {
        hub.settle()
        for venue in all { venue.commit() }
    }

    /// Every venue ticks (sends its report), the hub passes the reports, every venue ticks
    /// again (shows the sums).
    func exchangeReports() {
        for venue in all { venue.tick() }
        settle()
        for venue in all { venue.tick() }
        settle()
    }

    func phones(_ count: Int, at venue: SessionDriver) -> [ConnectionID] {
        (0..<count).map { _ in venue.join(.audience).id }
    }

    func vote(_ phones: [ConnectionID], _ option: String, at venue: SessionDriver, round: String = "D1") {
        for phone in phones { venue.vote(phone, option, decision: round) }
        venue.commit()
        for phone in phones { #expect(venue.take(phone).contains { $0.ref == "v" && $0.type == .ack }) }
    }

    func startRound(host: ConnectionID) {
        for command in [HostCommand.start(story: "night"), .next, .open(seconds: nil)] {
            #expect(run(command, at: a, host: host)?.type == .ack, "\(command.name)")
        }
    }

    @Test func oneHostMovesEveryVenueAndTheTallyIsTheSumOfThem() {
        let host = a.join(.host).id
        let inA = phones(3, at: a)
        let inB = phones(2, at: b)
        let inC = phones(1, at: c)
        startRound(host: host)
        for venue in all {
            #expect(venue.session.show.round?.roundID == "D1")
            #expect(venue.session.show.scene?.id == "call")
        }
        vote(inA, "police", at: a)
        vote(inB, "crisis", at: b)
        vote(inC, "crisis", at: c)
        exchangeReports()
        let tally = a.session.show.tally
        #expect(tally?.total == 6)
        #expect(tally?.counts == ["police": 3, "crisis": 3])
        #expect(b.session.show.tally?.total == 6, "every venue sums the others")
        let venues = a.take(host).compactMap(\.state).last?.venues
        #expect(venues?.map(\.name) == ["a", "b", "c"])
        #expect(venues?.map(\.phones) == [3, 2, 1])
        #expect(venues?.first { $0.name == "b" }?.connected == true)
        #expect(venues?.first { $0.name == "a" }?.here == true)
        #expect(a.session.show.localTally?.total == 3, "a venue reports only its own votes")
    }

    @Test func theSmallGroupRuleIsAppliedAfterSumming() {
        let host = a.join(.host).id
        let screen = c.join(.screen).id
        let inA = phones(2, at: a)
        let inB = phones(2, at: b)
        let inC = phones(1, at: c)
        startRound(host: host)
        run(.results(.everyone), at: a, host: host)
        vote(inA, "police", at: a)
        vote(inB, "crisis", at: b)
        exchangeReports()
        #expect(c.session.show.tally?.total == 4)
        #expect(c.session.show.tooFewVotersToShow, "4 voters across the venues are too few")
        _ = c.take(screen)
        c.tick()
        let withheld = c.take(screen).compactMap(\.state).last
        #expect(withheld?.decision?.resultsWithheld == true, "c's projector shows no counts for 4 voters")
        vote(inC, "crisis", at: c)
        exchangeReports()
        #expect(c.session.show.tally?.total == 5)
        #expect(!c.session.show.tooFewVotersToShow, "5 across the venues are shown")
        c.tick()
        let shown = c.take(screen).compactMap { $0.tally?.tally ?? $0.state?.tally }.last
        #expect(shown?.total == 5, "c's projector shows the sum of every venue")
    }

    @Test func aPerspectiveIsShownByItsVotersAtEveryVenueTogether() {
        let host = a.join(.host).id
        let screen = c.join(.screen).id
        func staff(_ count: Int, at venue: SessionDriver) -> [ConnectionID] {
            let made = phones(count, at: venue)
            for phone in made { venue.say(phone, .perspective("police"), ref: "p") }
            venue.commit()
            return made
        }
        let policeAtA = staff(3, at: a)
        let policeAtB = staff(1, at: b)
        let others = phones(6, at: c)
        startRound(host: host)
        run(.results(.everyone), at: a, host: host)
        run(.split(true), at: a, host: host)
        vote(policeAtA, "crisis", at: a)
        vote(policeAtB, "crisis", at: b)
        vote(others, "police", at: c)
        exchangeReports()
        _ = c.take(screen)
        func policeShownAtC() -> Bool? {
            c.tick()
            let shown = c.take(screen).compactMap { $0.tally?.tally ?? $0.state?.tally }.last
            return shown.map { $0.byPerspective.contains { $0.perspective == "police" } }
        }
        #expect(policeShownAtC() == false, "4 police voters across the venues are too few to show")
        let fifth = staff(1, at: b)
        vote(fifth, "crisis", at: b)
        exchangeReports()
        #expect(c.session.show.tally?.voters(of: "police") == 5)
        #expect(policeShownAtC() == true, "5 police voters across the venues are shown")
    }

    @Test func aStopAtAnyVenueReachesTheHost() {
        let host = a.join(.host).id
        let inB = phones(2, at: b)
        let inC = phones(1, at: c)
        startRound(host: host)
        for phone in inB { b.say(phone, .intervene(on: true), ref: "s") }
        b.commit()
        c.say(inC[0], .intervene(on: true), ref: "s")
        c.commit()
        _ = a.take(host)
        exchangeReports()
        #expect(a.session.show.stopCount == 3, "two at b and one at c")
        let staff = a.take(host).compactMap { $0.state?.room?.staff }.last
        #expect(staff?.stops == 3, "the host's state says so")
        #expect(run(.acknowledge, at: a, host: host)?.type == .ack)
        #expect(b.session.show.voiceSettings.acknowledged == 3, "every venue knows what the host acknowledged")
        b.say(inB[0], .intervene(on: false), ref: "s")
        b.commit()
        exchangeReports()
        #expect(a.session.show.stopCount == 2)
        #expect(run(.choose(option: "police"), at: a, host: host)?.type == .ack)
        #expect(b.session.show.localStopCount == 0, "the room moved on: b's stops were for the scene left")
        exchangeReports()
        #expect(a.session.show.stopCount == 0, "a new visit starts afresh at every venue")
    }

    @Test func twoHostsCannotForkTheShow() {
        let hostA = a.join(.host).id
        let hostB = b.join(.host).id
        startRound(host: hostA)
        run(.close, at: a, host: hostA)
        a.say(hostA, .command(.choose(option: "police")), ref: "a")
        b.say(hostB, .command(.choose(option: "crisis")), ref: "b")
        settle()
        let answerA = a.take(hostA).first { $0.ref == "a" }
        let answerB = b.take(hostB).first { $0.ref == "b" }
        #expect(answerA?.type == .ack)
        #expect(answerB?.errorCode == .stageMoved)
        for venue in all { #expect(venue.session.show.scene?.id == "police", "every venue took a's choice") }
    }

    @Test func aVenueCutOffKeepsVotingAndCatchesUpWhenHealed() {
        let host = a.join(.host).id
        let inA = phones(3, at: a)
        let inB = phones(4, at: b)
        startRound(host: host)
        hub.cut.insert("b")
        vote(inB, "crisis", at: b)
        vote(inA, "police", at: a)
        run(.reveal, at: a, host: host)
        run(.replay(scene: nil), at: a, host: host)
        run(.open(seconds: nil), at: a, host: host)
        #expect(b.session.show.round?.roundID == "D1", "cut off, b stays on the last scene, its round open")
        #expect(b.session.show.round?.status == .open)
        hub.heal("b")
        b.commit()
        #expect(b.session.show.round?.roundID == "D2", "healed, b catches up")
        let opened = b.committed.compactMap { record -> String? in
            if case .roundOpened(let opening) = record { opening.roundID } else { nil }
        }
        #expect(opened == ["D1", "D2"], "b's database gets the round it missed")
        let keptAtB = b.committed.filter { if case .vote(let vote) = $0 { vote.roundID == "D1" } else { false } }
        #expect(keptAtB.count == 4, "the votes b took while cut off are in its database")
        exchangeReports()
        #expect(a.session.show.elsewhere.counts(of: "b", round: "D2") != nil, "b reports the round it is on")
        #expect(a.take(host).compactMap(\.state).last?.venues?.first { $0.name == "b" }?.connected == true)
    }

    @Test func anEntryNotSealedWithTheHostKeyIsRefused() throws {
        let host = a.join(.host).id
        startRound(host: host)
        var entry = try StageEntry.decoded(Array(hub.entry!.drop { $0 != UInt8(ascii: ".") }.dropFirst()))
        entry.snapshot.run?.sceneID = "police"
        entry.previous = hub.revision
        let body = try entry.encoded()
        hub.overwrite(with: Array(String(repeating: "0", count: 64).utf8) + [UInt8(ascii: ".")] + body)
        for venue in all { #expect(venue.session.show.scene?.id == "call", "a forged entry moves nobody") }
    }

    @Test func aVenueWithoutTheHostKeyCannotMoveTheShowNorBlockTheHost() {
        let host = a.join(.host).id
        startRound(host: host)
        let rogue = hub.venue("rogue", hostKey: "not the host key")
        let rogueHost = rogue.join(.host, key: "not the host key").id
        rogue.say(rogueHost, .command(.close), ref: "r")
        settle()
        rogue.commit()
        for venue in all { #expect(venue.session.show.round?.status == .open, "the rogue entry moves nobody") }
        #expect(run(.close, at: a, host: host)?.type == .ack, "the host writes over it")
        for venue in all { #expect(venue.session.show.round?.status == .closed) }
    }

    @Test func anOldEntryWrittenAgainIsRefused() {
        let host = a.join(.host).id
        startRound(host: host)
        let opened = hub.entry!
        run(.close, at: a, host: host)
        hub.overwrite(with: opened)
        for venue in all { #expect(venue.session.show.round?.status == .closed, "the open entry replayed is refused") }
    }

    @Test func aHostCutOffIsToldAndTheShowDoesNotMove() {
        let host = a.join(.host).id
        startRound(host: host)
        hub.cut.insert("a")
        let answer = run(.close, at: a, host: host)
        #expect(answer?.errorCode == .venuesUnreachable)
        for venue in all { #expect(venue.session.show.round?.status == .open) }
    }

    @Test func undoBringsBackEveryVenuesVotes() {
        let host = a.join(.host).id
        let inA = phones(1, at: a)
        let inB = phones(2, at: b)
        startRound(host: host)
        vote(inA, "crisis", at: a)
        vote(inB, "police", at: b)
        exchangeReports()
        #expect(run(.choose(option: "police"), at: a, host: host)?.type == .ack)
        for venue in all { #expect(venue.session.show.scene?.id == "police") }
        #expect(run(.undo, at: a, host: host)?.type == .ack)
        for venue in all {
            #expect(venue.session.show.round?.roundID == "D1")
            #expect(venue.session.show.round?.status == .open, "the round brought back is open again")
        }
        #expect(b.session.show.localTally?.total == 2, "b has its own votes back")
        exchangeReports()
        #expect(a.session.show.tally?.counts == ["police": 2, "crisis": 1], "and a counts them again")
        vote(inB, "crisis", at: b)
        exchangeReports()
        #expect(a.session.show.tally?.counts == ["police": 0, "crisis": 3], "b's voters change their votes")
    }

    @Test func commandsSentQuicklyAreCarriedOutInOrder() {
        let host = a.join(.host).id
        a.say(host, .command(.start(story: "night")), ref: "1")
        a.say(host, .command(.next), ref: "2")
        a.say(host, .command(.open(seconds: nil)), ref: "3")
        settle()
        let answers = a.take(host).filter { $0.ref != nil }.map { "\($0.ref!):\($0.type)" }
        #expect(answers == ["1:ack", "2:ack", "3:ack"])
        #expect(c.session.show.round?.roundID == "D1")
    }

    @Test func aTimedVoteEndsOnceForEveryVenue() {
        let host = a.join(.host).id
        run(.start(story: "night"), at: a, host: host)
        run(.next, at: a, host: host)
        run(.open(seconds: 5), at: a, host: host)
        for venue in all { venue.seconds += 6 }
        exchangeReports()
        for venue in all { #expect(venue.session.show.round?.status == .closed) }
        let written = hub.results.filter { if case .written = $0.result { true } else { false } }
        #expect(written.count == 4, "start, next, open and one close")
    }
}
