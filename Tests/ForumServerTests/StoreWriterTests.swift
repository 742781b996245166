import ForumCore
import Foundation
import Synchronization
import Testing

@testable import ForumStore

/// The group-commit writer thread.
@Suite struct StoreWriterTests {
    typealias F = StoreFixtures

    /// Collects the writer's reports (called on the writer thread).
    final class Reports: Sendable {
        private let commits = Mutex<[StoreCommit]>([])

        func record(_ commit: StoreCommit) {
            commits.withLock { $0.append(commit) }
        }

        var all: [StoreCommit] { commits.withLock { $0 } }
        var committed: [UInt64] { all.flatMap(\.committed) }
        var failed: [StoreCommit.Failure] { all.flatMap(\.failed) }
    }

    @Test func groupCommitsManyConcurrentSubmitters() throws {
        let directory = try TemporaryDirectory()
        let threads = 10
        let votesPerThread = 1000
        let devices = (0..<100).map { "device-\($0)" }
        let database = try F.database(at: directory.path("show.sqlite"), devices: devices)
        let reports = Reports()
        let writer = StoreWriter(database: database) { reports.record($0) }
        let group = DispatchGroup()
        let started = Date()
        for thread in 0..<threads {
            group.enter()
            Thread {
                for index in 0..<votesPerThread {
                    let device = devices[thread * 10 + index % 10]
                    let option = F.options[index % 3].id
                    writer.submit(F.vote(device, option), ticket: UInt64(thread * votesPerThread + index))
                }
                group.leave()
            }.start()
        }
        group.wait()
        writer.close()
        let elapsed = Date().timeIntervalSince(started)
        let total = threads * votesPerThread

        let committed = reports.committed
        #expect(reports.failed.isEmpty)
        #expect(committed.count == total)
        #expect(Set(committed).count == total)
        for thread in 0..<threads {
            let mine = committed.filter { $0 / UInt64(votesPerThread) == UInt64(thread) }
            #expect(mine == mine.sorted(), "thread \(thread)'s tickets came back out of order")
        }
        #expect(reports.all.count < total, "one commit per vote: no batching happened")
        #expect(writer.backlog == 0)
        // Every vote is in the file: each device's final vote is its last one submitted.
        let latest = try database.latestVotes(round: "D1")
        #expect(latest.count == devices.count)
        #expect(try database.results().tallies.map(\.count).reduce(0, +) == devices.count)
        print(
            "group commit: \(total) votes from \(threads) threads in \(reports.all.count) commits,"
                + " \(Int(Double(total) / elapsed)) votes/s")
    }

    @Test func reportsTicketsInSubmissionOrder() throws {
        let directory = try TemporaryDirectory()
        let database = try F.database(at: directory.path("show.sqlite"), devices: ["a", "b"])
        let reports = Reports()
        let writer = StoreWriter(database: database, maxBatchSize: 7) { reports.record($0) }
        let tickets = (0..<500).map { UInt64($0 * 3 + 1) }
        for (index, ticket) in tickets.enumerated() {
            writer.submit(F.vote(index % 2 == 0 ? "a" : "b", F.options[index % 3].id), ticket: ticket)
        }
        writer.close()
        #expect(reports.committed == tickets)
        #expect(reports.all.allSatisfy { $0.committed.count <= 7 })
        #expect(try database.finalVotes().map(\.timesChanged) == [249, 249])
    }

    @Test func aBadRecordFailsAloneAndLaterBatchesGoOn() throws {
        let directory = try TemporaryDirectory()
        let database = try F.database(at: directory.path("show.sqlite"), devices: ["a", "b"])
        let reports = Reports()
        let writer = StoreWriter(database: database) { reports.record($0) }
        // However the writer batches these, only the bad one fails (see writeBatch below for
        // a bad record in the middle of one batch).
        writer.submit(F.vote("a", "police"), ticket: 1)
        writer.submit(F.vote("a", "wait"), ticket: 2)
        writer.submit(F.vote("b", "no-such-option"), ticket: 3)
        writer.submit(F.vote("b", "police"), ticket: 4)
        writer.close()

        #expect(reports.committed == [1, 2, 4])
        let failure = try #require(reports.failed.first)
        #expect(reports.failed.count == 1)
        #expect(failure.ticket == 3)
        #expect(failure.message.contains("FOREIGN KEY"))
        #expect(
            try database.latestVotes(round: "D1") == [
                LatestVote(device: "a", optionID: "wait", perspective: nil),
                LatestVote(device: "b", optionID: "police", perspective: nil),
            ])
    }

    @Test func aBadRecordInABatchIsRolledBackAlone() throws {
        let directory = try TemporaryDirectory()
        let database = try F.database(at: directory.path("show.sqlite"), devices: ["a", "b"])
        let failures = database.writeBatch([
            F.vote("a", "police"), F.join("c"), F.vote("b", "no-such-option"), F.vote("c", "wait"),
        ])
        #expect(failures.keys.sorted() == [2])
        #expect(failures[2]?.contains("FOREIGN KEY constraint failed") == true)
        #expect(try database.latestVotes(round: "D1").map(\.device) == ["a", "c"])
    }

    @Test func aFailingBatchDoesNotStopTheNext() throws {
        let directory = try TemporaryDirectory()
        let database = try F.database(at: directory.path("show.sqlite"), devices: ["a"])
        let reports = Reports()
        let writer = StoreWriter(database: database, maxBatchSize: 2) { reports.record($0) }
        writer.submit(F.vote("ghost", "police"), ticket: 1)
        writer.submit(F.vote("ghost", "wait"), ticket: 2)
        writer.submit(F.vote("a", "wait"), ticket: 3)
        writer.close()
        #expect(reports.failed.map(\.ticket) == [1, 2])
        #expect(reports.committed == [3])
    }

    @Test func submitAfterCloseIsReportedFailed() throws {
        let directory = try TemporaryDirectory()
        let database = try F.database(at: directory.path("show.sqlite"), devices: ["a"])
        let reports = Reports()
        let writer = StoreWriter(database: database) { reports.record($0) }
        writer.close()
        writer.close()
        writer.submit(F.vote("a", "police"), ticket: 9)
        #expect(reports.failed == [StoreCommit.Failure(ticket: 9, message: "the store writer is closed")])
        #expect(try database.latestVotes(round: "D1").isEmpty)
    }

    @Test func committedVotesSurviveReopening() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("show.sqlite")
        do {
            let database = try F.database(at: path, devices: ["a", "b", "c"])
            let writer = StoreWriter(database: database) { _ in }
            for (ticket, device) in ["a", "b", "c"].enumerated() {
                writer.submit(F.vote(device, "crisis-line"), ticket: UInt64(ticket))
            }
            writer.close()
        }
        // Read by a fresh connection, as after a crash: the committed votes are there (from the
        // write-ahead log if need be).
        let reopened = try ForumDatabase.openForReading(path: path)
        #expect(try reopened.latestVotes(round: "D1").map(\.device) == ["a", "b", "c"])
    }

    @Test func closingFoldsTheLogIntoTheFileSoTheFileStandsAlone() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("show.sqlite")
        let database = try F.database(at: path, devices: ["a", "b"])
        let writer = StoreWriter(database: database) { _ in }
        writer.submit(F.vote("a", "police"), ticket: 1)
        writer.submit(F.vote("b", "crisis-line"), ticket: 2)
        writer.close()
        database.close()
        let log = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
        #expect(log == 0, "the write-ahead log is empty or gone after close")
        let copy = directory.path("copy.sqlite")
        try FileManager.default.copyItem(atPath: path, toPath: copy)
        #expect(try ForumDatabase.openForReading(path: copy).latestVotes(round: "D1").count == 2)
    }
}
