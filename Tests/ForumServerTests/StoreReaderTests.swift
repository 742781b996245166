import ForumCore
import ForumStore
import Foundation
import Testing

/// What the server reads back after a restart, and the result queries.
@Suite struct StoreReaderTests {
    typealias F = StoreFixtures

    @Test func everythingSurvivesAReopen() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("show.sqlite")
        let snapshot = ShowSnapshot(
            sessionID: "morning",
            run: RunPosition(
                runID: "R1", storyID: "sams-night", sceneID: "kitchen", trail: ["street"],
                round: RoundPosition(roundID: "D1", sceneID: "kitchen", status: .open)),
            runsStarted: 1, roundsOpened: 1)
        do {
            let database = try F.database(at: path, devices: ["a", "b"])
            #expect(try database.loadSnapshot() == nil)
            try database.write([
                .devicePerspective(DevicePerspective(device: "b", perspective: "police", at: F.time(3))),
                F.vote("a", "wait"),
                F.vote("b", "police", perspective: "police"),
                .snapshot(snapshot),
            ])
        }
        let reopened = try ForumDatabase(path: path)
        #expect(try reopened.loadSnapshot() == snapshot)
        #expect(
            try reopened.devices() == [
                StoredDevice(token: "a", perspective: nil), StoredDevice(token: "b", perspective: "police"),
            ])
        #expect(
            try reopened.latestVotes(round: "D1") == [
                LatestVote(device: "a", optionID: "wait", perspective: nil),
                LatestVote(device: "b", optionID: "police", perspective: "police"),
            ])
    }

    @Test func theLatestRowOfEachDeviceCounts() throws {
        let directory = try TemporaryDirectory()
        let database = try F.database(at: directory.path("show.sqlite"), devices: ["a", "b", "c"])
        try database.write([
            F.vote("a", "police", at: 3),
            F.vote("b", "wait", at: 4),
            F.vote("a", "crisis-line", at: 5),
            F.vote("a", "crisis-line", perspective: "carer", reason: .perspective, at: 6),
            F.round("D2", at: 7),
            F.vote("c", "wait", round: "D2", at: 8),
        ])
        #expect(
            try database.latestVotes(round: "D1") == [
                LatestVote(device: "b", optionID: "wait", perspective: nil),
                LatestVote(device: "a", optionID: "crisis-line", perspective: "carer"),
            ])
        #expect(try database.latestVotes(round: "D2") == [LatestVote(device: "c", optionID: "wait", perspective: nil)])
        #expect(try database.latestVotes(round: "D3").isEmpty)
    }

    @Test func finalVotesCountChangesButNotPerspectiveRows() throws {
        let directory = try TemporaryDirectory()
        let database = try F.database(at: directory.path("show.sqlite"), devices: ["a", "b"])
        try database.write([
            F.vote("a", "police", at: 3),
            F.vote("a", "wait", at: 4),
            F.vote("a", "crisis-line", at: 5),
            F.vote("a", "crisis-line", perspective: "carer", reason: .perspective, at: 6),
            F.vote("b", "wait", perspective: "police", at: 7),
        ])
        let context = RoundContext(
            sessionID: "morning", sessionTitle: "Morning session", storyID: "sams-night", storyTitle: "Sam's night",
            runID: "R1", roundID: "D1", sceneID: "kitchen", question: "What should Sam do?")
        #expect(
            try database.finalVotes() == [
                FinalVote(
                    round: context, device: "a", optionID: "crisis-line", optionLabel: "Ring the crisis line",
                    perspective: "carer", votedAt: F.time(5), timesChanged: 2),
                FinalVote(
                    round: context, device: "b", optionID: "wait", optionLabel: "Wait and see", perspective: "police",
                    votedAt: F.time(7), timesChanged: 0),
            ])
        // Nobody said where they take part from: every vote is in `noPlace`.
        let tallies = try database.tallies(round: "D1")
        #expect(tallies.allSatisfy { $0.noPlace == $0.count && $0.byPlace.isEmpty })
        // A single-machine show: every vote is in `noVenue` too.
        #expect(tallies.allSatisfy { $0.noVenue == $0.count && $0.byVenue.isEmpty })
        #expect(
            tallies.map { tally in
                var tally = tally
                tally.noPlace = 0
                tally.noVenue = 0
                return tally
            } == [
                OptionTally(
                    round: context, position: 0, optionID: "police", optionLabel: "Call the police", count: 0,
                    byPerspective: [:], noPerspective: 0),
                OptionTally(
                    round: context, position: 1, optionID: "crisis-line", optionLabel: "Ring the crisis line", count: 1,
                    byPerspective: ["carer": 1], noPerspective: 0),
                OptionTally(
                    round: context, position: 2, optionID: "wait", optionLabel: "Wait and see", count: 1,
                    byPerspective: ["police": 1], noPerspective: 0),
            ])
    }

    @Test func talliesSplitByPerspectiveAcrossRounds() throws {
        let directory = try TemporaryDirectory()
        let devices = (0..<12).map { "d\($0)" }
        let database = try F.database(at: directory.path("show.sqlite"), devices: devices)
        let perspectives: [String?] = ["police", "carer", nil]
        try database.write(
            devices.enumerated().map { index, device in
                F.vote(device, index < 8 ? "police" : "wait", perspective: perspectives[index % 3])
            } + [F.round("D2", at: 9), F.vote("d0", "wait", round: "D2", at: 10)])
        let results = try database.results()
        #expect(results.finalVotes.count == 13)
        #expect(results.tallies.map(\.round.roundID) == ["D1", "D1", "D1", "D2", "D2", "D2"])
        #expect(results.tallies.map(\.count) == [8, 0, 4, 0, 0, 1])
        #expect(results.tallies[0].byPerspective == ["police": 3, "carer": 3])
        #expect(results.tallies[0].noPerspective == 2)
        #expect(results.tallies[2].byPerspective == ["police": 1, "carer": 1])
        #expect(results.tallies[2].noPerspective == 2)
        #expect(try database.results(round: "D2").finalVotes.map(\.device) == ["d0"])
    }
}
