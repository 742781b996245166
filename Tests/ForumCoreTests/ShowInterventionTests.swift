import ForumCore
import Foundation
import Testing

@Suite("The room's voice: Stop, proposals, moderation and the audience's own option")
struct ShowInterventionTests {
    let t0 = ShowFixtures.t0

    /// Stores and applies a Stop as the session does after the commit.
    func stop(_ show: inout Show, _ device: String, _ on: Bool = true) throws {
        show.applyStop(try show.checkStop(device: device, on: on, at: t0))
    }

    /// Checks and adds a proposal as the session does after the commit.
    @discardableResult
    func propose(_ show: inout Show, _ device: String, _ text: String) throws -> Proposal {
        let proposal = try show.checkProposal(device: device, text: text, at: t0)
        show.addProposal(proposal)
        return proposal
    }

    @Test func stopsCountPerDeviceAreUndoableAndBelongToOneSceneVisit() throws {
        var show = Show(library: ShowFixtures.library)
        #expect(throws: ShowError.self) { try show.checkStop(device: "a", on: true, at: t0) }
        _ = try show.perform(.start(story: "night"), at: t0)
        try stop(&show, "a")
        try stop(&show, "a")
        try stop(&show, "b")
        #expect(show.stopCount == 2)
        try stop(&show, "a", false)
        #expect(show.stopCount == 1 && !show.stopped("a") && show.stopped("b"))
        let stale = try show.checkStop(device: "c", on: true, at: t0)
        _ = try show.perform(.next, at: t0)
        #expect(show.stopCount == 0)
        show.applyStop(stale)  // stored after the room moved on: not counted in the new visit
        #expect(show.stopCount == 0)
        #expect(show.voiceSettings.visit == 2)
    }

    @Test func acknowledgingKeepsTheCountAndANewVisitResetsTheSettings() throws {
        var show = try ShowFixtures.showWithOpenRound()
        try stop(&show, "a")
        let records = try show.perform(.acknowledge, at: t0)
        #expect(records.contains(.voice(.acknowledged(visit: 2, runID: "R1", sceneID: "call", count: 1, at: t0))))
        _ = try show.perform(.stops(true), at: t0)
        _ = try show.perform(.proposals(true), at: t0)
        #expect(
            show.voiceSettings.acknowledged == 1 && show.voiceSettings.stopsShown && show.voiceSettings.proposalsOpen)
        _ = try show.perform(.replay(scene: nil), at: t0)
        #expect(show.voiceSettings == VoiceSettings(visit: 3))
        #expect(show.stopCount == 0)
    }

    @Test func proposalsNeedToBeOpenAndAreCleanedTextOfAtMost280Characters() throws {
        var show = try ShowFixtures.showWithOpenRound()
        #expect(throws: ShowError("proposals_closed", "Proposals are not open now.")) {
            try show.checkProposal(device: "a", text: "Call her sister", at: t0)
        }
        _ = try show.perform(.proposals(true), at: t0)
        let proposal = try propose(&show, "a", "  Call\u{1B}[31m her\n\tsister \u{202E}<b>now</b>  ")
        #expect(proposal.text == "Call[31m her sister <b>now</b>")
        #expect(proposal.id == "P1" && proposal.status == .pending && proposal.sceneID == "call")
        #expect(throws: ShowError.self) { try show.checkProposal(device: "a", text: " \n\u{7} ", at: t0) }
        #expect(throws: ShowError.self) {
            try show.checkProposal(device: "a", text: String(repeating: "é", count: 281), at: t0)
        }
        #expect(try show.checkProposal(device: "a", text: String(repeating: "é", count: 280), at: t0).id == "P2")
    }

    @Test func moderationMovesAProposalThroughItsStatesAndRefusesTheRest() throws {
        var show = try ShowFixtures.showWithOpenRound()
        _ = try show.perform(.proposals(true), at: t0)
        try propose(&show, "a", "Call her sister")
        try propose(&show, "b", "Phone her sister")
        try propose(&show, "c", "Something rude")
        let approved = try show.moderate(.approve(proposal: "P1"), by: .moderator, at: t0)
        guard case .voice(.moderated(let entry, let proposal)) = approved.first else {
            Issue.record("no moderation record")
            return
        }
        #expect(entry.by == .moderator && entry.action == "approve" && proposal.status == .approved)
        _ = try show.moderate(.merge(proposal: "P2", into: "P1"), by: .moderator, at: t0)
        _ = try show.perform(.reject(proposal: "P3"), at: t0)
        let queue = show.voice.queue
        #expect(queue.proposal("P2")?.status == .merged && queue.proposal("P2")?.mergedInto == "P1")
        #expect(queue.proposal("P3")?.status == .rejected)
        #expect(queue.mergedCount(into: "P1") == 1)
        #expect(throws: ShowError.self) { try show.moderate(.merge(proposal: "P1", into: "P2"), by: .host, at: t0) }
        #expect(throws: ShowError.self) { try show.moderate(.approve(proposal: "P2"), by: .host, at: t0) }
        #expect(throws: ShowError.self) { try show.moderate(.merge(proposal: "P1", into: "P1"), by: .host, at: t0) }
        #expect(throws: ShowError.self) { try show.moderate(.approve(proposal: "P9"), by: .host, at: t0) }
        #expect(throws: ShowError.self) { try show.moderate(.next, by: .moderator, at: t0) }
        #expect(show.approvedHere.map(\.id) == ["P1"])
    }

    @Test func anAdoptedProposalIsAnOptionOfANewRoundAndItsVotesCount() throws {
        var show = try ShowFixtures.showWithOpenRound()
        try ShowFixtures.vote(&show, device: "v1", option: "police")
        _ = try show.perform(.proposals(true), at: t0)
        try propose(&show, "a", "Call her sister")
        try propose(&show, "b", "Sit with her")
        #expect(throws: ShowError.self) { try show.perform(.adopt(proposal: "P1"), at: t0) }  // not approved
        _ = try show.perform(.approve(proposal: "P1"), at: t0)
        _ = try show.perform(.approve(proposal: "P2"), at: t0)
        _ = try show.perform(.adopt(proposal: "P1"), at: t0)
        #expect(show.round == nil && show.snapshot.run?.replaying == true)
        _ = try show.perform(.adopt(proposal: "P2"), at: t0)  // no round yet: joins the same new round
        #expect(throws: ShowError.self) { try show.perform(.adopt(proposal: "P2"), at: t0) }
        let records = try show.perform(.open(seconds: nil), at: t0)
        guard case .roundOpened(let opening) = records.first else {
            Issue.record("no round opened")
            return
        }
        #expect(opening.options.map(\.id) == ["police", "crisis", "wait", "audience_1", "audience_2"])
        #expect(opening.options[3].label == "Call her sister" && opening.replay)
        #expect(show.voice.queue.proposal("P1")?.optionID == "audience_1")
        #expect(throws: ShowError.self) { try show.moderate(.reject(proposal: "P1"), by: .host, at: t0) }
        try ShowFixtures.vote(&show, device: "v1", option: "audience_1")
        try ShowFixtures.vote(&show, device: "v2", option: "audience_1")
        try ShowFixtures.vote(&show, device: "v3", option: "crisis")
        #expect(show.tally?.counts == ["police": 0, "crisis": 1, "wait": 0, "audience_1": 2, "audience_2": 0])
        #expect(show.tally?.optionOrder == ["police", "crisis", "wait", "audience_1", "audience_2"])
        // The room chose its own idea: it has no branch, so the room stays and the host says where next.
        let followed = try show.perform(.follow, at: t0)
        #expect(show.scene?.id == "call" && show.round?.status == .closed)
        let move = followed.compactMap { if case .moved(let move) = $0 { move } else { nil } }.first
        #expect(move?.optionID == "audience_1" && move?.roomChoice == "audience_1" && move?.toScene == "call")
        _ = try show.perform(.goto(scene: "crisis"), at: t0)
        #expect(show.roundOptions.isEmpty && show.snapshot.run?.audienceOptions == [])
    }

    @Test func theSnapshotKeepsTheSettingsAndTheAudienceOptions() throws {
        var show = try ShowFixtures.showWithOpenRound()
        _ = try show.perform(.proposals(true), at: t0)
        try propose(&show, "a", "Call her sister")
        _ = try show.perform(.approve(proposal: "P1"), at: t0)
        _ = try show.perform(.adopt(proposal: "P1"), at: t0)
        _ = try show.perform(.showProposals(true), at: t0)
        let data = try JSONEncoder().encode(show.snapshot)
        let decoded = try JSONDecoder().decode(ShowSnapshot.self, from: data)
        #expect(decoded == show.snapshot)
        var resumed = Show(library: ShowFixtures.library, snapshot: decoded)
        resumed.resumeVoice(stops: ["x"], proposals: show.voice.queue.proposals)
        #expect(resumed.roundOptions.map(\.id).last == "audience_1")
        #expect(resumed.stopCount == 1 && resumed.voiceSettings.proposalsShown)
        _ = try resumed.perform(.proposals(true), at: t0)
        #expect(try resumed.checkProposal(device: "b", text: "again", at: t0).id == "P2")
        let old = #"{"runsStarted":1,"roundsOpened":1}"#
        #expect(try JSONDecoder().decode(ShowSnapshot.self, from: Data(old.utf8)).voice == VoiceSettings())
    }

    @Test func theStateShowsEachRoleItsShareAndNeverWhoProposed() throws {
        var show = try ShowFixtures.showWithOpenRound()
        try stop(&show, "device-a")
        _ = try show.perform(.proposals(true), at: t0)
        try propose(&show, "device-a", "<script>x</script>")
        _ = try show.perform(.approve(proposal: "P1"), at: t0)
        let screen = StateView.state(of: show, for: .screen).json.text
        #expect(screen.contains(#""stops":null"#) && screen.contains(#""proposals":null"#))
        _ = try show.perform(.stops(true), at: t0)
        _ = try show.perform(.showProposals(true), at: t0)
        let shown = StateView.state(of: show, for: .screen).json.text
        #expect(shown.contains(#""stops":1"#) && shown.contains("x</script>"))
        for role in [ClientMessage.Role.screen, .host, .moderator, .audience] {
            #expect(!StateView.state(of: show, for: role, device: "device-a").json.text.contains("device-a"))
        }
        let host = StateView.state(of: show, for: .moderator).json.text
        #expect(host.contains(#""status":"approved""#) && host.contains(#""stops":1"#))
        let mine = StateView.voiceMessage(of: show, device: "device-a").json.text
        #expect(mine.contains(#""stop":true"#) && mine.contains(#""status":"approved""#))
        #expect(StateView.voiceMessage(of: show, device: "other").json.text.contains(#""proposals":[]"#))
    }
}
