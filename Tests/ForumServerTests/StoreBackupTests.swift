import ForumCore
import ForumStore
import Foundation
import Testing

/// `ForumDatabase.backup(to:)`: a whole copy while the show is still writing.
@Suite struct StoreBackupTests {
    typealias F = StoreFixtures

    @Test func aBackupWhileTheShowRunsHoldsEveryVoteInOneFile() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("show.sqlite")
        let devices = (1...40).map { "device-\($0)" }
        let live = try F.database(at: path, devices: devices)
        try live.write(devices.enumerated().map { F.vote($1, F.options[$0 % 3].id, at: 3 + Double($0)) })
        // The votes are still in the write-ahead log: the database file alone lacks them,
        // which is why a plain `cp` during a show loses them.
        let walPath = path + "-wal"
        #expect(((try? FileManager.default.attributesOfItem(atPath: walPath)[.size] as? Int) ?? 0) > 0)

        let copyPath = directory.path("copy.sqlite")
        let summary = try ForumDatabase.openForReading(path: path).backup(to: copyPath)
        #expect(summary.votes == 40)
        #expect(summary.rounds == 1)
        #expect(summary.bytes > 0)
        #expect(!FileManager.default.fileExists(atPath: copyPath + "-wal"))

        // The show goes on writing; the copy is the instant it was taken.
        try live.write([F.vote("device-1", "wait", at: 90)])
        let copy = try ForumDatabase.openForReading(path: copyPath)
        #expect(try copy.latestVotes(round: "D1").count == 40)
        #expect(try copy.latestVotes(round: "D1").first { $0.device == "device-1" }?.optionID == "police")
        #expect(try live.latestVotes(round: "D1").first { $0.device == "device-1" }?.optionID == "wait")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.url.path)
            .filter { $0.contains("partial") }
        #expect(leftovers.isEmpty)
    }

    @Test func aBackupNeverOverwritesAFileNorTheDatabaseItself() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("show.sqlite")
        _ = try F.database(at: path, devices: ["a"])
        let existing = directory.path("keep.txt")
        try Data("notes".utf8).write(to: URL(fileURLWithPath: existing))
        let reader = try ForumDatabase.openForReading(path: path)
        #expect(throws: BackupError.destinationExists(path: existing)) { try reader.backup(to: existing) }
        #expect(try String(contentsOfFile: existing, encoding: .utf8) == "notes")
        #expect(throws: BackupError.sameFile(path: path)) { try reader.backup(to: path) }
    }

    @Test func aBackupIntoAFolderThatCannotBeWrittenLeavesNothing() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("show.sqlite")
        _ = try F.database(at: path, devices: ["a"])
        let missing = directory.path("no-such-folder/copy.sqlite")
        #expect(throws: (any Error).self) { try ForumDatabase.openForReading(path: path).backup(to: missing) }
        #expect(!FileManager.default.fileExists(atPath: missing))
    }
}
