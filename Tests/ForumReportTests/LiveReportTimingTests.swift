import ForumCore
import ForumStore
import Foundation
import Testing

@testable import ForumReport

/// The live report of a 1,000-vote show, as `forum serve` builds it for a host: from the
/// database on a read-only connection, with the story map. Prints how long it took.
@Suite struct LiveReportTimingTests {
    static let library = Library(
        programme: EventProgramme(
            title: "Timing", perspectives: EventProgramme.defaultPerspectives,
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
                                Option(id: "wait", label: "Wait", next: "police"),
                            ])),
                    Scene(id: "police", text: "Officers."),
                    Scene(id: "crisis", text: "A calm voice."),
                ])
        ])

    /// 100 phones in 4 perspectives vote in 10 rounds of one decision (replayed): 1,000 votes.
    static func makeShow(at path: String) throws {
        let database = try ForumDatabase(path: path)
        defer { database.close() }
        var show = Show(library: library)
        var clock = Date(timeIntervalSince1970: 1_800_000_000)
        func perform(_ command: HostCommand) throws {
            clock += 1
            try database.write(try show.perform(command, at: clock))
        }
        let perspectives = EventProgramme.defaultPerspectives.prefix(4).map(\.id)
        var devices: [String] = []
        for index in 0..<100 {
            let joined = show.join(device: nil, freshToken: "device-\(index)", at: clock)
            try database.write(joined.records)
            try database.write(try show.setPerspective(device: joined.token, to: perspectives[index % 4], at: clock))
            devices.append(joined.token)
        }
        try perform(.start(story: "night"))
        try perform(.next)
        for round in 0..<10 {
            if round > 0 { try perform(.replay(scene: nil)) }
            try perform(.open(seconds: nil))
            for (index, device) in devices.enumerated() {
                let option = ["police", "crisis", "wait"][(index + round) % 3]
                let record = try show.checkVote(device: device, round: show.round!.roundID, option: option, at: clock)
                try database.write([.vote(record)])
                show.count(record)
            }
            try perform(.note(text: "Round \(round + 1) talked through"))
            try perform(.close)
        }
        try perform(.follow)
    }

    @Test func aThousandVoteShowsReportIsBuiltFromTheDatabase() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("forum-timing-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("show.sqlite").path
        try Self.makeShow(at: path)
        let reporter = Reporter(databasePath: path, library: Self.library)
        let clock = ContinuousClock()
        for edition in ReportEdition.allCases {
            var html = ""
            let took = try clock.measure { html = try reporter.html(edition: edition) }
            #expect(html.contains("<dt>Votes cast</dt><dd>1000</dd>"))
            #expect(html.contains("Round 10 talked through"))
            print(
                "live report, \(edition.rawValue) edition, 1,000 votes in 10 rounds: \(took), \(html.utf8.count) bytes")
        }
    }
}
