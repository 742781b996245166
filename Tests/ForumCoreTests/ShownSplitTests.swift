import ForumCore
import Testing

/// A room of voters for tests: (perspective or nil, option) per person, tallied over options
/// A, B, C (or `options`).
func roomTally(_ people: [(String?, String)], options: [String] = ["A", "B", "C"]) -> Tally {
    var ballots = Ballots(roundID: "D1")
    for (index, person) in people.enumerated() {
        ballots.record(device: "d\(index)", Ballots.Ballot(optionID: person.1, perspective: person.0))
    }
    return ballots.tally(options: options.map { Option(id: $0, label: $0) })
}

/// `count` people of `perspective` voting `option`.
func people(_ count: Int, _ perspective: String?, _ option: String) -> [(String?, String)] {
    Array(repeating: (perspective, option), count: count)
}

/// The small-group rule for the room (``ShownSplit``), on the cases that matter.
@Suite struct ShownSplitTests {
    @Test func theTrialRunCaseFivePoliceAndOneCarerShowsNoSplitAtAll() {
        // The projector showed A 5 / C 1 overall and Police A 5 / C 0: the carer voted C.
        let tally = roomTally(people(5, "police", "A") + people(1, "carer", "C"))
        let split = ShownSplit(of: tally, threshold: 5)
        #expect(split.shown.isEmpty, "showing the police row would give the carer's vote away")
        #expect(split.others == nil)
        #expect(split.small == [.perspective("carer")])
        #expect(split.folded == [.perspective("police")])
        #expect(split.withheld == .tooFew)
        #expect(split.hides(.perspective("police")) && split.hides(.perspective("carer")))
    }

    @Test func fivePoliceAndFourWithNoPerspectiveIsWithheldToo() {
        let tally = roomTally(people(5, "police", "A") + people(4, nil, "B"))
        let split = ShownSplit(of: tally, threshold: 5)
        #expect(split.shown.isEmpty)
        #expect(split.small == [.noPerspective])
        #expect(split.folded == [.perspective("police")])
        #expect(split.withheld == .tooFew)
    }

    @Test func smallGroupsThatAddUpToFiveAreShownTogetherAsEveryoneElse() {
        let tally = roomTally(
            people(6, "police", "A") + people(2, "carer", "B") + people(2, "ambulance", "C") + people(1, nil, "C"))
        let split = ShownSplit(of: tally, threshold: 5)
        #expect(split.shown == [.perspective("police"): ["A": 6, "B": 0, "C": 0]])
        #expect(split.others == ShownSplit.Others(voters: 5, counts: ["A": 0, "B": 2, "C": 3]))
        #expect(split.small == [.noPerspective, .perspective("ambulance"), .perspective("carer")])
        #expect(split.folded.isEmpty)
        #expect(split.withheld == nil)
    }

    @Test func whenTheLeftOverIsUnderFiveTheSmallestShownGroupIsFoldedIn() {
        // 6 police, 7 lived experience, 2 ambulance, 2 with none: 4 left over would be known.
        let tally = roomTally(
            people(3, "police", "A") + people(3, "police", "B") + people(6, "lived", "B") + people(1, "lived", "C")
                + people(2, "ambulance", "A") + people(2, nil, "C"))
        let split = ShownSplit(of: tally, threshold: 5)
        #expect(split.shown.keys.sorted() == [.perspective("lived")])
        #expect(split.folded == [.perspective("police")])
        #expect(split.others == ShownSplit.Others(voters: 10, counts: ["A": 5, "B": 3, "C": 2]))
    }

    @Test func onEqualSizesTheNoPerspectiveGroupIsFoldedFirstThenPerspectivesById() {
        let none = roomTally(people(5, "police", "A") + people(5, nil, "B") + people(1, "carer", "A"))
        #expect(ShownSplit(of: none, threshold: 5).folded == [.noPerspective])
        #expect(ShownSplit(of: none, threshold: 5).shown.keys.sorted() == [.perspective("police")])
        let byID = roomTally(people(6, "police", "A") + people(6, "carer", "B") + people(3, "gp", "A"))
        #expect(ShownSplit(of: byID, threshold: 5).folded == [.perspective("carer")])
        #expect(ShownSplit(of: byID, threshold: 5).others?.voters == 9)
    }

    @Test func theNoPerspectiveGroupIsShownUnderItsOwnNameWhenBigEnough() {
        let tally = roomTally(people(5, "police", "A") + people(7, nil, "B"))
        let split = ShownSplit(of: tally, threshold: 5)
        #expect(split.shown[.noPerspective] == ["A": 0, "B": 7, "C": 0])
        #expect(split.shown[.perspective("police")] == ["A": 5, "B": 0, "C": 0])
        #expect(split.others == nil && split.withheld == nil && !split.hides(.noPerspective))
    }

    @Test func bigGroupsCoveringEveryoneAreAllShown() {
        let tally = roomTally(people(5, "police", "A") + people(9, "carer", "C"))
        let split = ShownSplit(of: tally, threshold: 5)
        #expect(split.shown.count == 2 && split.others == nil && split.small.isEmpty && split.folded.isEmpty)
    }

    @Test func onlySmallGroupsOrNobodyAtAll() {
        let small = ShownSplit(of: roomTally(people(3, "police", "A") + people(4, "carer", "B")), threshold: 5)
        #expect(small.shown.isEmpty && small.others == nil && small.withheld == .tooFew)
        let nobody = ShownSplit(of: roomTally([]), threshold: 5)
        #expect(nobody.shown.isEmpty && nobody.others == nil && nobody.withheld == nil && nobody.small.isEmpty)
    }

    @Test func theThresholdIsAParameter() {
        let ten = roomTally(people(9, "police", "A") + people(12, "carer", "B") + people(1, nil, "A"))
        #expect(ShownSplit(of: ten, threshold: 10).small == [.noPerspective, .perspective("police")])
        #expect(ShownSplit(of: ten, threshold: 10).others?.voters == 10)
        #expect(ShownSplit(of: ten, threshold: 10).folded.isEmpty)
        let nine = roomTally(people(8, "police", "A") + people(12, "carer", "B") + people(1, nil, "A"))
        #expect(ShownSplit(of: nine, threshold: 10).folded == [.perspective("carer")])
        #expect(ShownSplit(of: nine, threshold: 10).withheld == .tooFew)
        #expect(ShownSplit(of: nine, threshold: 5).shown.keys.sorted() == [.perspective("carer")])
        #expect(ShownSplit(of: nine, threshold: 5).others?.voters == 9)
    }
}
