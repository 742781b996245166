import ForumCore
import Foundation
import GRDB
import Testing

@testable import ForumExport
@testable import ForumServer
@testable import ForumStore

/// The room's voice end to end without sockets: a real ``Show`` takes stops and proposals,
/// the store writes them, a restart gets them back, and the export carries the evidence.
@Suite struct StoreVoiceTests {
    /// Plays a show with stops, proposals, moderation and a vote on the audience's option.
    private func play(_ path: String) throws -> (ForumDatabase, Show) {
        let database = try ForumDatabase(path: path)
        var show = Show(library: StoreStageTests.library)
        var clock = StoreFixtures.time(0)
        func perform(_ command: HostCommand) throws {
            clock += 1
            try database.write(try show.perform(command, at: clock))
        }
        func join(_ device: String) throws {
            try database.write(show.join(device: nil, freshToken: device, at: clock).records)
        }
        func stop(_ device: String, _ on: Bool = true) throws {
            clock += 1
            let toggle = try show.checkStop(device: device, on: on, at: clock)
            try database.write([.voice(.stop(toggle))])
            show.applyStop(toggle)
        }
        func propose(_ device: String, _ text: String) throws {
            clock += 1
            let proposal = try show.checkProposal(device: device, text: text, at: clock)
            try database.write([.voice(.proposed(proposal))])
            show.addProposal(proposal)
        }
        func vote(_ device: String, _ option: String) throws {
            clock += 1
            let record = try show.checkVote(device: device, round: show.round!.roundID, option: option, at: clock)
            try database.write([.vote(record)])
            show.count(record)
        }
        for device in ["a", "b", "c"] { try join(device) }
        try perform(.start(story: "night"))
        try stop("a")
        try perform(.next)
        try perform(.open(seconds: nil))
        try vote("a", "police")
        try stop("a")
        try stop("b")
        try stop("c")
        try stop("c", false)
        try perform(.acknowledge)
        try perform(.proposals(true))
        try propose("a", "Call her sister,\n=first")
        try propose("b", "Phone the sister")
        try propose("c", "Name a real person")
        clock += 1
        try database.write(try show.moderate(.approve(proposal: "P1"), by: .moderator, at: clock))
        try database.write(try show.moderate(.merge(proposal: "P2", into: "P1"), by: .moderator, at: clock))
        try perform(.reject(proposal: "P3"))
        try perform(.adopt(proposal: "P1"))
        try perform(.open(seconds: nil))
        try vote("a", "audience_1")
        try vote("b", "audience_1")
        try vote("c", "crisis")
        try perform(.close)
        return (database, show)
    }

    @Test func aRestartGetsBackTheStopsTheQueueAndTheAudienceOption() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("show.sqlite")
        let (database, show) = try play(path)
        let resumed = try ShowResumption.resume(library: StoreStageTests.library, from: database)
        #expect(resumed.voice == show.voice)
        #expect(resumed.snapshot == show.snapshot)
        #expect(resumed.tally?.counts == show.tally?.counts)
        #expect(resumed.roundOptions.last == Option(id: "audience_1", label: "Call her sister, =first"))
        #expect(try database.stops(visit: 2) == ["a", "b"])
        #expect(try database.stops(visit: resumed.voiceSettings.visit).isEmpty)  // the replay began a new visit
        let log = try database.pool.read { try Row.fetchAll($0, sql: "SELECT action, by_role FROM moderation_log") }
        #expect(log.map { $0["action"] as String } == ["approve", "merge", "reject", "adopt"])
        #expect(throws: (any Error).self) {
            try database.pool.write { try $0.execute(sql: "DELETE FROM moderation_log") }
        }
        let marked = try database.pool.read {
            try Row.fetchAll($0, sql: "SELECT round_id, option_id, proposal_id FROM audience_options")
        }
        #expect(
            marked.map { [$0["round_id"], $0["option_id"], $0["proposal_id"]] as [String] } == [
                ["D2", "audience_1", "P1"]
            ])
    }

    @Test func theExportCarriesStopsProposalsTheLogAndVotesOnTheAudiencesOption() throws {
        let directory = try TemporaryDirectory()
        let (database, _) = try play(directory.path("show.sqlite"))
        let (results, stage) = try database.resultsAndStage()
        let documents = Dictionary(
            uniqueKeysWithValues: try Exporter.documents(for: results, stage: stage).map { ($0.name, $0) })
        let stops = try #require(documents["stops.csv"]).contents
        #expect(stops.contains("morning,night,R1,kitchen,1,1,1,,"))
        #expect(stops.contains("morning,night,R1,call,2,2,3,2,"))
        let proposals = try #require(documents["proposals.csv"]).contents
        #expect(proposals.contains(",D1,P1,\"Call her sister, =first\",approved,,1,audience_1,D2,2,"))
        #expect(proposals.contains(",P2,Phone the sister,merged,P1,0,,,,"))
        #expect(proposals.contains(",P3,Name a real person,rejected,,0,,,,"))
        #expect(try #require(documents["moderation.json"]).rows == 4)
        let rounds = try #require(documents["rounds.csv"]).contents
        #expect(rounds.contains(",D2,call,Who?,audience_1,\"Call her sister, =first\",2,"))
        let rows = rounds.split(separator: "\r\n")
        #expect(rows.contains { $0.contains(",audience_1,") && $0.hasSuffix(",yes") }, "the room's option says so")
        #expect(rows.contains { $0.contains(",D2,") && !$0.contains(",audience_1,") && $0.hasSuffix(",no") })
        for document in documents.values {
            #expect(!document.contents.contains(",a,") && !document.contents.contains("\"a\""))
        }
    }
}
