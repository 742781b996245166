import ForumCore
import ForumExport
import ForumStore
import Foundation
import Testing

/// The exported files, byte for byte, and exports taken while the show is writing.
@Suite struct ExportFilesTests {
    typealias F = StoreFixtures

    /// A show whose community text needs quoting and defusing: round D1 with votes, a change
    /// of vote and a change of perspective; round D2 with none.
    static func makeShow(at path: String) throws {
        let database = try ForumDatabase(path: path)
        let options = [
            Option(id: "police", label: "Call the police, now"),
            Option(id: "crisis-line", label: "Ring the \"crisis line\""),
            Option(id: "wait", label: "Wait\nand see"),
            Option(id: "neighbour", label: "-ask a neighbour"),
        ]
        try database.write(
            F.opening + [
                .roundOpened(
                    RoundOpening(
                        roundID: "D1", runID: "R1", sceneID: "kitchen", question: "What should Sam do, \"now\"?",
                        options: options, at: F.time(2))),
                F.join("a"), F.join("b"), F.join("c"),
                .devicePerspective(DevicePerspective(device: "a", perspective: "police", at: F.time(2))),
                .devicePerspective(DevicePerspective(device: "c", perspective: "carer", at: F.time(2))),
                F.vote("a", "police", perspective: "police", at: 3),
                F.vote("a", "neighbour", perspective: "police", at: 4),
                F.vote("b", "wait", at: 5),
                F.vote("c", "crisis-line", perspective: "carer", at: 6),
                .devicePerspective(DevicePerspective(device: "c", perspective: "lived-experience", at: F.time(7))),
                F.vote("c", "crisis-line", perspective: "lived-experience", reason: .perspective, at: 7),
                .roundStatus(RoundStatusChange(roundID: "D1", status: .revealed, at: F.time(8))),
                .sceneShown(SceneShown(runID: "R1", sceneID: "street", at: F.time(9))),
                .roundOpened(
                    RoundOpening(
                        roundID: "D2", runID: "R1", sceneID: "street", question: "=1+1", options: F.options,
                        at: F.time(10))),
            ])
    }

    @Test func writesGoldenCSVFiles() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("show.sqlite")
        try Self.makeShow(at: path)
        let out = directory.url.appendingPathComponent("export")
        let files = try Exporter(databasePath: path).export(to: out)
        #expect(
            files == [
                ExportedFile(name: "votes.csv", rows: 3), ExportedFile(name: "rounds.csv", rows: 7),
                ExportedFile(name: "votes.json", rows: 3), ExportedFile(name: "rounds.json", rows: 7),
                ExportedFile(name: "timeline.csv", rows: 2), ExportedFile(name: "timeline.json", rows: 2),
                ExportedFile(name: "route.csv", rows: 1), ExportedFile(name: "route.json", rows: 1),
                ExportedFile(name: "notes.csv", rows: 0), ExportedFile(name: "notes.json", rows: 0),
                ExportedFile(name: "stops.csv", rows: 0), ExportedFile(name: "stops.json", rows: 0),
                ExportedFile(name: "proposals.csv", rows: 0), ExportedFile(name: "proposals.json", rows: 0),
                ExportedFile(name: "moderation.csv", rows: 0), ExportedFile(name: "moderation.json", rows: 0),
            ])

        let context = "morning,Morning session,sams-night,Sam's night,R1"
        let d1 = "\(context),D1,kitchen,\"What should Sam do, \"\"now\"\"?\""
        let d2 = "\(context),D2,street,'=1+1"
        // Read as bytes: String(contentsOf:) would drop the byte-order mark.
        let written = String(decoding: try Data(contentsOf: out.appendingPathComponent("votes.csv")), as: UTF8.self)
        // The voter keys are random (VoterKeysTests): three different ones, written here as KEY.
        let keys = written.matches(of: /,(V[2-9a-z]{8}),,\r\n/).map { String($0.output.1) }
        #expect(keys.count == 3 && Set(keys).count == 3)
        let votes = written.replacing(/,V[2-9a-z]{8},,\r\n/, with: ",KEY,,\r\n")
        #expect(
            votes == "\u{FEFF}"
                + "session,session_title,story,story_title,run,round,scene,question,option,option_label,perspective,"
                + "voted_at,times_changed,voter,place,venue\r\n"
                + "\(d1),neighbour,'-ask a neighbour,police,2025-05-14T09:00:04.000Z,1,KEY,,\r\n"
                + "\(d1),wait,\"Wait\nand see\",,2025-05-14T09:00:05.000Z,0,KEY,,\r\n"
                + "\(d1),crisis-line,\"Ring the \"\"crisis line\"\"\",lived-experience,2025-05-14T09:00:06.000Z,0,KEY,,\r\n"
        )

        let rounds = String(decoding: try Data(contentsOf: out.appendingPathComponent("rounds.csv")), as: UTF8.self)
        #expect(
            rounds == "\u{FEFF}"
                + "session,session_title,story,story_title,run,round,scene,question,option,option_label,count,"
                + "perspective_lived-experience,perspective_police,no_perspective,place_room,place_remote,no_place,no_venue,from_audience\r\n"
                + "\(d1),police,\"Call the police, now\",0,0,0,0,0,0,0,0,no\r\n"
                + "\(d1),crisis-line,\"Ring the \"\"crisis line\"\"\",1,1,0,0,0,0,1,1,no\r\n"
                + "\(d1),wait,\"Wait\nand see\",1,0,0,1,0,0,1,1,no\r\n"
                + "\(d1),neighbour,'-ask a neighbour,1,0,1,0,0,0,1,1,no\r\n"
                + "\(d2),police,Call the police,0,0,0,0,0,0,0,0,no\r\n"
                + "\(d2),crisis-line,Ring the crisis line,0,0,0,0,0,0,0,0,no\r\n"
                + "\(d2),wait,Wait and see,0,0,0,0,0,0,0,0,no\r\n")
    }

    @Test func writesJSONWithTheSameContent() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("show.sqlite")
        try Self.makeShow(at: path)
        let out = directory.url.appendingPathComponent("export")
        _ = try Exporter(databasePath: path).export(to: out)

        let votesText = try String(contentsOf: out.appendingPathComponent("votes.json"), encoding: .utf8)
        let votes = try ExportJSON.rows(text: votesText)
        #expect(votes.count == 3)
        let expectedKeys = [
            "option", "option_label", "perspective", "place", "question", "round", "run", "scene", "session",
            "session_title",
            "story", "story_title", "times_changed", "venue", "voted_at", "voter",
        ]
        #expect(votes.allSatisfy { $0.members?.map(\.0).sorted() == expectedKeys })
        #expect(votes[0]["option_label"]?.stringValue == "-ask a neighbour")  // no defusing in JSON
        #expect(votes[0]["question"]?.stringValue == "What should Sam do, \"now\"?")
        #expect(votes[0]["times_changed"]?.intValue == 1)
        #expect(votes[0]["voted_at"]?.stringValue == "2025-05-14T09:00:04.000Z")
        #expect(votes[1]["perspective"] == .null)
        #expect(votes[2]["perspective"]?.stringValue == "lived-experience")
        // Pretty printed, keys sorted: the first object's keys appear in sorted order.
        let firstObject = votesText.split(separator: "}", maxSplits: 1)[0]
        let keysInText = firstObject.split(separator: "\n").compactMap { line in
            line.split(separator: "\"", maxSplits: 2).dropFirst().first.map(String.init)
        }
        #expect(keysInText == expectedKeys)

        let roundsText = try String(contentsOf: out.appendingPathComponent("rounds.json"), encoding: .utf8)
        let rounds = try ExportJSON.rows(text: roundsText)
        #expect(rounds.count == 7)
        #expect(
            rounds.map { $0["option"]?.stringValue } == [
                "police", "crisis-line", "wait", "neighbour", "police", "crisis-line", "wait",
            ])
        #expect(rounds.map { $0["count"]?.intValue } == [0, 1, 1, 1, 0, 0, 0])
        #expect(rounds.map { $0["no_perspective"]?.intValue } == [0, 0, 1, 0, 0, 0, 0])
        #expect(rounds[1]["by_perspective"] == .object([("lived-experience", .int(1)), ("police", .int(0))]))
        #expect(rounds[3]["by_perspective"] == .object([("lived-experience", .int(0)), ("police", .int(1))]))
        #expect(rounds[4]["question"]?.stringValue == "=1+1")
    }

    @Test func refusesAMissingDatabaseWithoutCreatingOne() throws {
        let directory = try TemporaryDirectory()
        let missing = directory.path("nope.sqlite")
        let out = directory.url.appendingPathComponent("export")
        #expect(throws: StoreError.noDatabase(path: missing)) {
            try Exporter(databasePath: missing).export(to: out)
        }
        #expect(!FileManager.default.fileExists(atPath: missing))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func exportsWhileTheShowIsWriting() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("show.sqlite")
        let devices = (0..<200).map { "device-\($0)" }
        let database = try F.database(at: path, devices: devices)
        let writer = StoreWriter(database: database) { _ in }
        let chunks = 100
        let chunkSize = 200
        let done = DispatchSemaphore(value: 0)
        Thread {
            for chunk in 0..<chunks {
                for index in 0..<chunkSize {
                    let device = devices[(chunk * chunkSize + index) % devices.count]
                    writer.submit(F.vote(device, F.options[chunk % 3].id), ticket: UInt64(chunk * chunkSize + index))
                }
                Thread.sleep(forTimeInterval: 0.003)
            }
            done.signal()
        }.start()

        var exports = 0
        var rowsSeen: [Int] = []
        repeat {
            let out = directory.url.appendingPathComponent("export-\(exports)")
            let files = try Exporter(databasePath: path).export(to: out)
            let rounds = try ExportJSON.rows(out.appendingPathComponent("rounds.json"))
            let votes = try ExportJSON.rows(out.appendingPathComponent("votes.json"))
            // One transaction: the final votes and the tallies describe the same commit.
            #expect(rounds.compactMap { $0["count"]?.intValue }.reduce(0, +) == votes.count)
            #expect(files.first?.rows == votes.count)
            // Vote rows seen so far only grow.
            rowsSeen.append(votes.compactMap { $0["times_changed"]?.intValue }.reduce(votes.count, +))
            exports += 1
        } while done.wait(timeout: .now()) == .timedOut
        writer.close()

        #expect(exports >= 2, "no export ran while the writer was writing")
        #expect(rowsSeen == rowsSeen.sorted())
        let final = try Exporter(databasePath: path).export(to: directory.url.appendingPathComponent("final"))
        #expect(final.map(\.rows).prefix(4) == [200, 3, 200, 3])
        let results = try ForumDatabase.openForReading(path: path).results()
        #expect(results.finalVotes.map(\.timesChanged).reduce(0, +) == chunks * chunkSize - devices.count)
        print("export during writes: \(exports) exports while \(chunks * chunkSize) votes were written")
    }
}
