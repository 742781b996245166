import ForumCore
import ForumStore

extension ReportBuilder {
    /// The room's voice as this edition shows it.
    func voiceReport() -> VoiceReport {
        let voice = stage.voice
        let stops = voice.stops.map { visit in
            StopReport(
                run: visit.runID, scene: visit.sceneID, visit: visit.visit, stopped: shown(visit.stopped),
                everStopped: shown(visit.everStopped), acknowledged: visit.acknowledged.flatMap(shown))
        }
        let proposals = voice.proposals.map { proposal in
            let tallies = results.tallies.filter { $0.optionID == proposal.optionID && proposal.optionID != nil }
            let rounds = tallies.map(\.round.roundID)
            let roundsShown = rounds.allSatisfy { round in roundCountsShown(round) }
            return ProposalReport(
                id: proposal.id, run: proposal.runID, scene: proposal.sceneID, status: proposal.status,
                text: !community || proposal.status == "approved" ? ControlCharacters.cleaned(proposal.text) : nil,
                mergedInto: proposal.mergedInto, sameIdea: voice.proposals.count { $0.mergedInto == proposal.id },
                option: proposal.optionID, rounds: rounds,
                votes: proposal.optionID == nil || !roundsShown ? nil : tallies.reduce(0) { $0 + $1.count })
        }
        var outcomes = Dictionary(uniqueKeysWithValues: ProposalStatus.allCases.map { ($0.rawValue, 0) })
        for proposal in voice.proposals { outcomes[proposal.status, default: 0] += 1 }
        return VoiceReport(recorded: voice.recorded, stops: stops, proposals: proposals, outcomes: outcomes)
    }

    /// Whether a round's counts are shown in this edition (not for 1 to 4 voters, community).
    private func roundCountsShown(_ round: String) -> Bool {
        let voters = results.tallies.filter { $0.round.roundID == round }.reduce(0) { $0 + $1.count }
        return !community || !(1..<Self.threshold).contains(voters)
    }
}
