import ForumCore
import Foundation
import Testing

@Suite("Show engine: devices, votes and tallies")
struct ShowVotingTests {
    let t0 = ShowFixtures.t0

    @Test func aKnownDeviceKeepsItsTokenAnUnknownOneGetsAFreshToken() {
        var show = Show(library: ShowFixtures.library)
        let first = show.join(device: nil, freshToken: "tok1", at: t0)
        #expect(first.token == "tok1")
        #expect(first.records == [.deviceJoined(DeviceJoin(device: "tok1", at: t0))])
        let again = show.join(device: "tok1", freshToken: "tok2", at: t0)
        #expect(again.token == "tok1")
        #expect(again.records.isEmpty)
        #expect(show.join(device: "forged", freshToken: "tok3", at: t0).token == "tok3")
    }

    @Test func theLatestVoteCounts() throws {
        var show = try ShowFixtures.showWithOpenRound()
        try ShowFixtures.vote(&show, device: "a", option: "police")
        try ShowFixtures.vote(&show, device: "a", option: "crisis")
        #expect(show.tally?.counts == ["police": 0, "crisis": 1, "wait": 0])
        #expect(show.tally?.total == 1)
        #expect(show.vote(of: "a") == "crisis")
    }

    @Test func aVoteBeforeAnyRoundIsUnknownNotACrash() {
        var show = Show(library: ShowFixtures.library)
        _ = show.join(device: nil, freshToken: "a", at: t0)
        for round in ["D1", "D0", "D-1", "D", "", "X1", "D99999999999999999999"] {
            #expect(throws: ShowError("unknown_decision", "There is no vote '\(round)'.")) {
                try show.checkVote(device: "a", round: round, option: "police", at: t0)
            }
        }
    }

    @Test func votesAreCheckedAgainstTheRound() throws {
        var show = try ShowFixtures.showWithOpenRound()
        _ = show.join(device: nil, freshToken: "a", at: t0)
        #expect(throws: ShowError("unknown_option", "That is not one of the options of this vote.")) {
            try show.checkVote(device: "a", round: "D1", option: "ambulance", at: t0)
        }
        #expect(throws: ShowError("unknown_decision", "There is no vote 'D9'.")) {
            try show.checkVote(device: "a", round: "D9", option: "police", at: t0)
        }
        _ = try show.perform(.close, at: t0)
        #expect(throws: ShowError("decision_closed", "That vote has closed.")) {
            try show.checkVote(device: "a", round: "D1", option: "police", at: t0)
        }
        _ = try show.perform(.replay(scene: nil), at: t0)
        _ = try show.perform(.open(seconds: nil), at: t0)
        #expect(throws: ShowError("decision_closed", "That vote has closed.")) {
            try show.checkVote(device: "a", round: "D1", option: "police", at: t0)
        }
        #expect(show.tally?.total == 0)
    }

    @Test func aVoteStoredAfterTheRoundWasLeftIsNotCountedInTheNewRound() throws {
        var show = try ShowFixtures.showWithOpenRound()
        _ = show.join(device: nil, freshToken: "a", at: t0)
        let record = try show.checkVote(device: "a", round: "D1", option: "police", at: t0)
        _ = try show.perform(.replay(scene: nil), at: t0)
        _ = try show.perform(.open(seconds: nil), at: t0)
        show.count(record)
        #expect(show.tally?.total == 0)
    }

    @Test func byPerspectiveBreakdownAndSmallGroups() throws {
        var show = try ShowFixtures.showWithOpenRound()
        for index in 0..<5 {
            try ShowFixtures.vote(&show, device: "p\(index)", option: "police", perspective: "police")
        }
        try ShowFixtures.vote(&show, device: "c1", option: "crisis", perspective: "carer")
        try ShowFixtures.vote(&show, device: "n1", option: "crisis")
        let tally = try #require(show.tally)
        #expect(tally.byPerspective["police"] == ["police": 5, "crisis": 0, "wait": 0])
        #expect(tally.byPerspective["carer"] == ["police": 0, "crisis": 1, "wait": 0])
        #expect(tally.noPerspective == ["police": 0, "crisis": 1, "wait": 0])
        // The carer and the one with no perspective make 2 left over: the police are
        // folded in too, so the room sees no split.
        let split = ShownSplit(of: tally, threshold: Show.smallGroupThreshold)
        #expect(split.small == [.noPerspective, .perspective("carer")])
        #expect(split.folded == [.perspective("police")])
        #expect(split.withheld == .tooFew)
    }

    @Test func changingPerspectiveAfterVotingReRecordsTheVote() throws {
        var show = try ShowFixtures.showWithOpenRound()
        try ShowFixtures.vote(&show, device: "a", option: "police")
        let records = try show.setPerspective(device: "a", to: "carer", at: t0)
        let reRecorded = VoteRecord(
            roundID: "D1", device: "a", optionID: "police", perspective: "carer", reason: .perspective, at: t0)
        #expect(
            records == [
                .devicePerspective(DevicePerspective(device: "a", perspective: "carer", at: t0)), .vote(reRecorded),
            ])
        show.count(reRecorded)
        #expect(show.tally?.byPerspective["carer"]?["police"] == 1)
        #expect(show.tally?.noPerspective["police"] == 0)
        #expect(throws: ShowError("unknown_perspective", "There is no perspective 'pilot' at this event.")) {
            try show.setPerspective(device: "a", to: "pilot", at: t0)
        }
    }

    @Test func resumingFromASnapshotRestoresPositionAndVotes() throws {
        var show = try ShowFixtures.showWithOpenRound()
        try ShowFixtures.vote(&show, device: "a", option: "police", perspective: "carer")
        let resumed = Show(
            library: ShowFixtures.library, snapshot: show.snapshot, devices: ["a": "carer"],
            roundVotes: ["a": Ballots.Ballot(optionID: "police", perspective: "carer")])
        #expect(resumed.scene?.id == "call")
        #expect(resumed.round?.status == .open)
        #expect(resumed.tally == show.tally)
        #expect(resumed.vote(of: "a") == "police")
        #expect(resumed.perspective(of: "a") == "carer")
    }

    @Test func aSnapshotNamingAStoryThatIsGoneResumesWithNothingRunning() throws {
        let snapshot = ShowSnapshot(
            run: RunPosition(runID: "R4", storyID: "deleted", sceneID: "x"), runsStarted: 4, roundsOpened: 9)
        var show = Show(library: ShowFixtures.library, snapshot: snapshot)
        #expect(show.story == nil)
        _ = try show.perform(.start(story: "night"), at: t0)
        #expect(show.snapshot.run?.runID == "R5")
    }
}
