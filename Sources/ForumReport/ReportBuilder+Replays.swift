import ForumExport
import ForumStore

extension ReportBuilder {
    /// Before and after for every round that replays another, paired by person: by the
    /// pseudonymous keys `forum export` gives (``ForumExport/VoterKeys``, drawn afresh for
    /// this report), never by the device token.
    func replayReports() -> [ReplayReport] {
        let voters = VoterKeys(results.finalVotes.map(\.device))
        return stage.rounds.compactMap { round in
            guard let before = round.replayOf else { return nil }
            return replay(round.roundID, of: before, voters: voters)
        }
    }

    /// Each voter's final option in `round`, by voter key.
    private func votes(in round: String, voters: VoterKeys) -> [String: String] {
        var byVoter: [String: String] = [:]
        for vote in results.finalVotes where vote.round.roundID == round {
            if let voter = voters.key(for: vote.device) { byVoter[voter] = vote.optionID }
        }
        return byVoter
    }

    private func replay(_ round: String, of earlier: String, voters: VoterKeys) -> ReplayReport {
        let before = votes(in: earlier, voters: voters)
        let after = votes(in: round, voters: voters)
        let pairs = before.keys.filter { after[$0] != nil }.map { (from: before[$0]!, to: after[$0]!) }
        let moved = pairs.filter { $0.from != $0.to }.count
        var counts: [String: [String: Int]] = [:]
        for pair in pairs where pair.from != pair.to { counts[pair.from, default: [:]][pair.to, default: 0] += 1 }
        let transitions = counts.keys.sorted().flatMap { from in
            counts[from]!.keys.sorted().map { Transition(from: from, to: $0, people: counts[from]![$0]!) }
        }
        // The option most chosen before by the people who voted in both (ties: first by id).
        var tally: [String: Int] = [:]
        for pair in pairs { tally[pair.from, default: 0] += 1 }
        let focus = tally.keys.sorted().max { tally[$0]! < tally[$1]! }
        var test: McNemarReport?
        if let focus {
            let left = pairs.filter { $0.from == focus && $0.to != focus }.count
            let joined = pairs.filter { $0.from != focus && $0.to == focus }.count
            let readable = !community || (shown(left) != nil && shown(joined) != nil)
            if left + joined >= ReportStatistics.mcNemarMinimumChanges, readable {
                test = McNemarReport(
                    option: focus, left: left, joined: joined, p: ReportStatistics.exactMcNemar(left, joined))
            }
        }
        let countsReadable = shown(pairs.count) != nil && shown(moved) != nil && shown(pairs.count - moved) != nil
        return ReplayReport(
            round: round, replayOf: earlier, paired: countsReadable ? pairs.count : nil,
            moved: countsReadable ? moved : nil, stayed: countsReadable ? pairs.count - moved : nil,
            transitions: community ? [] : transitions, mcnemar: test,
            summary: Self.replaySummary(paired: pairs.count, moved: moved, readable: countsReadable, test: test))
    }

    static func replaySummary(paired: Int, moved: Int, readable: Bool, test: McNemarReport?) -> String {
        guard paired > 0 else { return "Nobody voted in both rounds." }
        guard readable else {
            return "Too few people voted in both rounds, or changed their minds, to show how many did:"
                + " numbers under 5 are not shown, to keep every vote private."
        }
        var text = "\(moved) of the \(paired) people who voted both times changed their minds."
        if let test {
            text +=
                test.p < 0.05
                ? " A shift this one-sided is unlikely to be chance (exact McNemar test, p = \(pText(test.p)))."
                : " That shift could be chance (exact McNemar test, p = \(pText(test.p)))."
        } else if moved > 0 {
            text += " Too few changed their minds to test whether the shift is more than chance."
        }
        return text
    }

    static func pText(_ p: Double) -> String {
        p < 0.001 ? "< 0.001" : String(format: "%.3f", p)
    }
}
