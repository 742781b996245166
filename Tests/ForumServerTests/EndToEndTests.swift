import ForumCore
import ForumExport
import Foundation
import Testing

@Suite("End to end: a host and 50 phones run a story through a vote", .serialized)
struct EndToEndTests {
    @Test func revealedTallyAndExportHoldExactlyTheAcknowledgedVotes() throws {
        let harness = try ServerHarness()
        let host = try harness.join(.host)
        try host.command(.start(story: "night"))
        try host.command(.next)
        let phones = try (0..<50).map { _ in try harness.join(.audience) }
        #expect(try host.command(.open(seconds: nil)).type == .ack)
        let options = ["police", "crisis"]
        var finalVotes: [String: String] = [:]  // device → option acknowledged last
        var changes: [String: Int] = [:]
        for (index, phone) in phones.enumerated() {
            try phone.state { $0.status == .open }
            if index % 5 == 0 {
                try phone.send(.perspective("police"), ref: "p")
                #expect(try phone.reply(to: "p").type == .ack)
            }
        }
        // Every phone votes at once (the writer commits them in groups), then some change.
        for (index, phone) in phones.enumerated() {
            try phone.send(.vote(decision: "D1", option: options[index % 2]), ref: "first")
        }
        for (index, phone) in phones.enumerated() {
            let ack = try phone.reply(to: "first")
            #expect(ack.type == .ack)
            if ack.type == .ack { finalVotes[phone.device!] = options[index % 2] }
        }
        for (index, phone) in phones.enumerated() where index % 7 == 0 {
            let second = options[(index + 1) % 2]
            #expect(try phone.vote(second).type == .ack)
            finalVotes[phone.device!] = second
            changes[phone.device!] = 1
        }
        try host.command(.reveal)
        let revealed = try phones[0].state { $0.status == .revealed }
        let tally = try #require(revealed.tally)
        let expected = Dictionary(grouping: finalVotes.values, by: { $0 }).mapValues(\.count)
        #expect(tally.counts.dictionary == expected)
        #expect(tally.counts.entries.count == tally.counts.dictionary.count, "each option once")
        #expect(tally.total == 50)
        // The room is sent no group until the host splits the results; then the police group.
        #expect(tally.byPerspective.isEmpty)
        #expect(revealed["tally"]?["by_perspective"] == .object([]))
        try host.command(.split(true))
        let split = try phones[0].state { $0.decision?.split == true }
        let splitTally = try #require(split.tally)
        #expect(splitTally.byPerspective.contains { $0.perspective == "police" })

        // The export, read while the server still runs, holds exactly the acknowledged votes.
        let out = harness.folder.appendingPathComponent("export")
        let files = try Exporter(databasePath: harness.databasePath).export(to: out)
        #expect(files.contains { $0.name == "votes.csv" && $0.rows == 50 })
        let exported = try ExportJSON.rows(out.appendingPathComponent("votes.json"))
        #expect(exported.count == 50)
        #expect(Set(exported.compactMap { $0["round"]?.stringValue }) == ["D1"])
        var exportedCounts: [String: Int] = [:]
        for row in exported { exportedCounts[row["option"]?.stringValue ?? "?", default: 0] += 1 }
        #expect(exportedCounts == expected)
        #expect(exported.filter { ($0["times_changed"]?.intValue ?? 0) == 1 }.count == changes.count)
        #expect(exported.filter { $0["perspective"]?.stringValue == "police" }.count == 10)
        let csv = try String(contentsOf: out.appendingPathComponent("votes.csv"), encoding: .utf8)
        #expect(!csv.contains(phones[0].device!), "device tokens stay out of exports")
    }
}
