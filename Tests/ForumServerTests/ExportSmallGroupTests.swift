import ForumCore
import ForumExport
import ForumStore
import Testing

/// Reports shown to people hide small groups with the room's rule (``ShownSplit``).
@Suite struct ExportSmallGroupTests {
    let round = RoundContext(
        sessionID: "s", sessionTitle: "S", storyID: "t", storyTitle: "T", runID: "R1", roundID: "D1",
        sceneID: "x", question: "Q?")

    func option(_ position: Int, _ id: String, byPerspective: [String: Int], none: Int) -> OptionTally {
        OptionTally(
            round: round, position: position, optionID: id, optionLabel: id.uppercased(),
            count: byPerspective.values.reduce(none, +), byPerspective: byPerspective, noPerspective: none)
    }

    @Test func aRoundsOptionTalliesBecomeOneTally() {
        let tally = SmallGroupSuppression.tally(of: [
            option(1, "crisis", byPerspective: ["police": 2], none: 1),
            option(0, "police", byPerspective: ["police": 3, "carer": 15], none: 6),
        ])
        #expect(tally.roundID == "D1")
        #expect(tally.optionOrder == ["police", "crisis"])
        #expect(tally.counts == ["police": 24, "crisis": 3])
        #expect(tally.byPerspective == ["police": ["police": 3, "crisis": 2], "carer": ["police": 15, "crisis": 0]])
        #expect(tally.noPerspective == ["police": 6, "crisis": 1])
    }

    @Test func aReportShowsWhatTheRoomSaw() {
        // The trial run: 5 police and 1 carer. A report must not give the carer away either.
        let trial = SmallGroupSuppression.split(of: [
            option(0, "a", byPerspective: ["police": 5], none: 0),
            option(1, "c", byPerspective: ["carer": 1], none: 0),
        ])
        #expect(trial.shown.isEmpty && trial.withheld == .tooFew)

        let rounds = [
            option(0, "a", byPerspective: ["police": 2, "carer": 15], none: 6),
            option(1, "b", byPerspective: ["police": 1, "carer": 1], none: 0),
        ]
        let split = SmallGroupSuppression.split(of: rounds)
        #expect(split == ShownSplit(of: SmallGroupSuppression.tally(of: rounds), threshold: 5))
        // 3 police left over could be worked out: the no-perspective group (6) is folded in.
        #expect(split.shown == [.perspective("carer"): ["a": 15, "b": 1]])
        #expect(split.small == [.perspective("police")])
        #expect(split.folded == [.noPerspective])
        #expect(split.others == ShownSplit.Others(voters: 9, counts: ["a": 8, "b": 1]))
    }
}
