import ForumCore
import ForumExport
import ForumStore

extension ReportBuilder {
    func roundReports() -> [RoundReport] {
        let timelines = Dictionary(uniqueKeysWithValues: stage.rounds.map { ($0.roundID, $0) })
        return talliesByRound.map { id, tallies in
            let voters = tallies.reduce(0) { $0 + $1.count }
            let countsShown = !community || !(1..<Self.threshold).contains(voters)
            let context = tallies[0].round
            let timeline = timelines[id]
            let changed = results.finalVotes.filter { $0.round.roundID == id && $0.timesChanged > 0 }.count
            let options = tallies.map { tally in
                let interval = ReportStatistics.wilson(tally.count, of: voters)
                return OptionReport(
                    id: tally.optionID, label: tally.optionLabel, votes: countsShown ? tally.count : nil,
                    percent: countsShown && voters > 0 ? 100 * Double(tally.count) / Double(voters) : nil,
                    low: countsShown ? interval.map { 100 * $0.lowerBound } : nil,
                    high: countsShown ? interval.map { 100 * $0.upperBound } : nil,
                    fromAudience: AudienceOption.isAudience(tally.optionID))
            }
            let tally = SmallGroupSuppression.tally(of: tallies)
            let (groups, hidden) = countsShown ? split(of: tally, label: label(ofPerspective:)) : ([], [])
            let perspectiveGroups = programme?.perspectiveGroups ?? []
            let (byGroup, hiddenByGroup) =
                countsShown && !perspectiveGroups.isEmpty
                ? split(of: tally.grouped(by: perspectiveGroups), label: label(ofGroup:)) : ([], [])
            // A row of everyone (all gave no perspective) says no more than the overall counts.
            let perspectiveShown = (groups + byGroup).contains { $0.voters < voters }
            let place = placeSplit(of: tally, countsShown: countsShown, perspectiveShown: perspectiveShown)
            let byVenue = venueSplit(
                of: tallies, tally: tally, countsShown: countsShown,
                anotherShown: perspectiveShown || place.groups.contains { $0.voters < voters })
            return RoundReport(
                round: id, run: context.runID, story: context.storyID, scene: context.sceneID,
                question: context.question, replayOf: timeline?.replayOf, openedAt: timeline?.openedAt ?? "",
                closedAt: timeline?.closedAt, revealedAt: timeline?.revealedAt, voters: voters,
                countsShown: countsShown, options: options, byPerspective: groups, hiddenGroups: hidden,
                byGroup: byGroup, hiddenByGroup: hiddenByGroup,
                changedVote: countsShown ? shown(changed) : nil,
                summary: Self.summary(options: options, voters: voters, countsShown: countsShown),
                byPlace: place.groups, hiddenPlaces: place.hidden, placeWithheld: place.withheld, byVenue: byVenue)
        }
    }

    /// The name of a perspective group (event.yaml `perspective_groups`), or of a perspective
    /// in no group.
    func label(ofGroup id: String) -> String {
        programme?.perspectiveGroups.first { $0.id == id }?.label ?? label(ofPerspective: id)
    }

    /// The split of `tally` (by perspective, or by group) this edition shows, and the groups it
    /// hides: the room's own rule (``ShownSplit``) in the community edition.
    private func split(of tally: Tally, label: (String) -> String) -> ([GroupReport], [String]) {
        func report(_ group: VoterGroup, _ counts: [String: Int]) -> GroupReport {
            let id = group.perspectiveID
            return GroupReport(
                group: id ?? "no_perspective", label: id.map(label) ?? "No perspective given",
                voters: counts.values.reduce(0, +), votes: counts)
        }
        guard community else {
            var groups = tally.byPerspective.keys.sorted().map { report(.perspective($0), tally.byPerspective[$0]!) }
            if tally.noPerspective.values.reduce(0, +) > 0 {
                groups.append(report(.noPerspective, tally.noPerspective))
            }
            return (groups, [])
        }
        let shown = ShownSplit(of: tally, threshold: Self.threshold)
        var groups = shown.shown.keys.sorted().map { report($0, shown.shown[$0]!) }
        if let others = shown.others {
            groups.append(
                GroupReport(group: "everyone_else", label: "Everyone else", voters: others.voters, votes: others.counts)
            )
        }
        let hidden = (shown.small + shown.folded).sorted().map { $0.perspectiveID ?? "no_perspective" }
        return (groups, hidden)
    }

    /// What the result says, in plain words.
    static func summary(options: [OptionReport], voters: Int, countsShown: Bool) -> String {
        guard voters > 0 else { return "Nobody voted." }
        guard countsShown else {
            return "Fewer than 5 people voted, so the results are not shown: that keeps every vote private."
        }
        let ranked = options.sorted { ($0.votes ?? 0) > ($1.votes ?? 0) }
        guard let first = ranked.first, let votes = first.votes else { return "" }
        let share = "\(votes) of \(voters)"
        guard ranked.count > 1, let second = ranked.dropFirst().first else {
            return "“\(first.label)” had \(share) votes."
        }
        if second.votes == votes {
            let tied = ranked.filter { $0.votes == votes }.map { "“\($0.label)”" }
            return "A tie: \(tied.joined(separator: " and ")) had \(votes) votes each."
        }
        if let low = first.low, let high = second.high, low > high {
            return "“\(first.label)” was the clear choice of this room (\(share))."
        }
        return "“\(first.label)” had the most votes (\(share)), but with this few votes "
            + "“\(second.label)” could as well be the room's preference: too few to tell them apart."
    }
}
