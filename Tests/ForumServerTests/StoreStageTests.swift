import ForumCore
import Foundation
import GRDB
import Testing

@testable import ForumExport
@testable import ForumStore

/// The stage record end to end without sockets: a real ``Show`` performs commands, the store
/// writes its records, and the stage reader gives back the route (undone moves left out),
/// the replay link and the notes.
@Suite struct StoreStageTests {
    static let library = Library(
        programme: EventProgramme(
            title: "Stage", perspectives: EventProgramme.defaultPerspectives,
            sessions: [ProgrammeSession(id: "morning", title: "Morning", stories: ["night"])]),
        stories: [
            Story(
                id: "night", title: "A night", start: "kitchen",
                scenes: [
                    Scene(id: "kitchen", text: "Awake.", next: "call"),
                    Scene(
                        id: "call", text: "Phone.",
                        decision: Decision(
                            question: "Who?",
                            options: [
                                Option(id: "police", label: "Police", next: "police"),
                                Option(id: "crisis", label: "Crisis line", next: "crisis"),
                            ])),
                    Scene(id: "police", text: "Officers."),
                    Scene(id: "crisis", text: "A calm voice."),
                ])
        ])

    /// Runs `steps` against a show, writing every record, and returns the database.
    private func play(_ path: String) throws -> ForumDatabase {
        let database = try ForumDatabase(path: path)
        var show = Show(library: Self.library)
        var clock = StoreFixtures.time(0)
        func perform(_ command: HostCommand) throws {
            clock += 1
            try database.write(try show.perform(command, at: clock))
        }
        func vote(_ device: String, _ option: String) throws {
            clock += 1
            let joined = show.join(device: nil, freshToken: device, at: clock)
            try database.write(joined.records)
            let record = try show.checkVote(device: device, round: show.round!.roundID, option: option, at: clock)
            try database.write([.vote(record)])
            show.count(record)
        }
        try perform(.start(story: "night"))
        try perform(.next)
        try perform(.open(seconds: nil))
        for (device, option) in [("a", "police"), ("b", "police"), ("c", "crisis")] { try vote(device, option) }
        try perform(.note(text: "Police said a 2am call would wait 4 hours"))
        try perform(.choose(option: "crisis"))  // against the room ...
        try perform(.undo)  // ... taken back
        try perform(.replay(scene: nil))
        try perform(.open(seconds: nil))
        try perform(.choose(option: "crisis"))  // the room of D2 did not vote: the host chose
        return database
    }

    @Test func theRouteLeavesOutUndoneMovesAndTellsWhoChose() throws {
        let directory = try TemporaryDirectory()
        let stage = try play(directory.path("show.sqlite")).stage()
        let run = try #require(stage.runs.first)
        #expect(run.scenes == ["kitchen", "call", "call", "crisis"])
        #expect(run.moves.map(\.command) == ["next", "replay", "choose"])
        let decision = try #require(run.moves.last)
        #expect(decision.roundID == "D2" && decision.optionID == "crisis" && decision.roomChoice == nil)
        #expect(decision.followedRoom == false)
        #expect(stage.rounds.map(\.roundID) == ["D1", "D2"])
        #expect(stage.rounds.map(\.replayOf) == [nil, "D1"])
        #expect(stage.rounds[0].closedAt != nil && stage.rounds[0].revealedAt == nil)
        #expect(stage.notes.map(\.text) == ["Police said a 2am call would wait 4 hours"])
        #expect(stage.notes.first?.roundID == "D1")
    }

    @Test func theExportCarriesTheRouteTheTimelineTheNotesAndVoterKeys() throws {
        let directory = try TemporaryDirectory()
        let (results, stage) = try play(directory.path("show.sqlite")).resultsAndStage()
        let documents = Dictionary(
            uniqueKeysWithValues: try Exporter.documents(for: results, stage: stage).map { ($0.name, $0) })
        let route = try #require(documents["route.csv"]).contents
        #expect(route.contains("morning,night,R1,3,crisis,choose,D2,crisis,,no\r\n"))
        #expect(route.contains("morning,night,R1,0,kitchen,start,,,,\r\n"))
        let timeline = try #require(documents["timeline.csv"]).contents
        #expect(timeline.contains(",D2,call,Who?,D1,closed,"))
        #expect(try #require(documents["notes.json"]).rows == 1)
        let votes = try #require(documents["votes.csv"]).contents
        #expect(votes.contains(/,0,V[2-9a-z]{8},,\r\n$/))
        #expect(!votes.contains(",a\r\n") && !votes.contains(",b,"))
    }

    @Test func aVersion3DatabaseStillReadsItsStage() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("v3.sqlite")
        do {
            let queue = try DatabaseQueue(path: path)
            try Schema.migrator.migrate(queue, upTo: "v3")
        }
        let stage = try ForumDatabase.openForReading(path: path).stage()
        #expect(stage == ShowStage(recorded: false))
    }
}
