import ForumExport
import ForumStore
import Testing

/// Hiding small groups in counts shown to people.
@Suite struct ExportSmallGroupTests {
    @Test func hidesGroupsUnderTheThreshold() {
        let rule = SmallGroupSuppression()
        #expect(rule.apply(to: [12, 3, 0, 7]) == [.exact(12), .fewerThan(5), .fewerThan(5), .exact(7)])
        #expect(rule.apply(to: [5, 6]) == [.exact(5), .exact(6)])
        #expect(ShownCount.fewerThan(5).description == "fewer than 5")
        #expect(ShownCount.exact(12).description == "12")
    }

    @Test func hidesASecondGroupSoTheFirstCannotBeSubtracted() {
        let rule = SmallGroupSuppression()
        #expect(rule.apply(to: [20, 2, 9, 30]) == [.exact(20), .fewerThan(5), .fewerThan(5), .exact(30)])
        #expect(rule.apply(to: [8, 8, 1]) == [.fewerThan(5), .exact(8), .fewerThan(5)])
        #expect(rule.apply(to: [3]) == [.fewerThan(5)])
        #expect(
            SmallGroupSuppression(threshold: 10).apply(to: [12, 9, 40]) == [.fewerThan(10), .fewerThan(10), .exact(40)])
    }

    @Test func appliesToATallysBreakdown() {
        let round = RoundContext(
            sessionID: "s", sessionTitle: "S", storyID: "t", storyTitle: "T", runID: "R1", roundID: "D1",
            sceneID: "x", question: "Q?")
        let tally = OptionTally(
            round: round, position: 0, optionID: "police", optionLabel: "Police", count: 23,
            byPerspective: ["police": 2, "carer": 15], noPerspective: 6)
        let shown = SmallGroupSuppression().apply(to: tally, perspectives: ["carer", "police", "ambulance"])
        #expect(shown.count == 23)
        #expect(shown.byPerspective == ["carer": .exact(15), "police": .fewerThan(5), "ambulance": .fewerThan(5)])
        #expect(shown.noPerspective == .exact(6))
    }
}
