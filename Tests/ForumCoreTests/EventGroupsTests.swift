import ForumCore
import Testing

/// `perspective_groups:` in event.yaml: perspectives read together in the report.
@Suite("event.yaml: perspective groups")
struct EventGroupsTests {
    static let head = """
        title: Urgent care
        perspectives:
          - { id: lived-experience, label: I have used services }
          - { id: carer, label: Carer }
          - { id: police, label: Police }
          - { id: ambulance, label: Ambulance }
        """

    @Test func groupsAreReadAndATallyAddsUpByGroup() throws {
        let result = ScenarioChecking.event(
            Self.head + """

                perspective_groups:
                  - { id: lived, label: Lived experience, perspectives: [lived-experience, carer] }
                  - { id: professionals, label: Professionals, perspectives: [police, ambulance] }
                """)
        #expect(result.lines == [])
        let groups = try #require(result.programme?.perspectiveGroups)
        #expect(groups.map(\.id) == ["lived", "professionals"])
        let tally = Tally(
            roundID: "D1", optionOrder: ["a", "b"], counts: ["a": 6, "b": 4],
            byPerspective: [
                "lived-experience": ["a": 3, "b": 0], "carer": ["a": 1, "b": 1], "police": ["a": 2, "b": 2],
            ],
            noPerspective: ["a": 0, "b": 1])
        let grouped = tally.grouped(by: groups)
        #expect(grouped.counts == tally.counts)
        #expect(grouped.byPerspective == ["lived": ["a": 4, "b": 1], "professionals": ["a": 2, "b": 2]])
        #expect(grouped.noPerspective == tally.noPerspective)
        // The room's rule applies to groups as to perspectives: Lived 5 shown, the 5 others together.
        let split = ShownSplit(of: grouped, threshold: 5)
        #expect(split.shown.keys.contains(.perspective("lived")))
    }

    @Test func mistakesAreReportedWhereTheyAre() {
        let result = ScenarioChecking.event(
            Self.head + """

                perspective_groups:
                  - { id: lived, label: Lived experience, perspectives: [lived-experience, carers] }
                  - { id: police, label: Police services, perspectives: [police, carer] }
                """)
        #expect(
            result.lines == [
                "8:76 error: there is no perspective `carers` to put in a group",
                "9:11 error: the group id `police` is also a perspective's id",
            ])
        #expect(result.hints[0] == "did you mean `carer`?")
        #expect(result.programme == nil)
    }
}
