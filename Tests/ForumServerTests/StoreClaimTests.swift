import ForumCore
import ForumStore
import Foundation
import GRDB
import Testing

/// One show per database file, and only Forum's own files.
@Suite struct StoreClaimTests {
    typealias F = StoreFixtures

    @Test func aSecondShowOnTheSameFileIsRefusedUntilTheFirstCloses() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("show.sqlite")
        let first = try F.database(at: path, devices: ["a"])
        #expect(throws: StoreError.inUse(path: path)) { try ForumDatabase(path: path) }
        // Readers are never held up by the show's hold on the file.
        #expect(try ForumDatabase.openForReading(path: path).devices().count == 1)
        first.close()
        let second = try ForumDatabase(path: path)
        #expect(try second.devices().count == 1)
    }

    @Test func anotherProgramsDatabaseIsRefusedAndLeftAsItWas() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path("notes.sqlite")
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('keep me')")
        }
        #expect(throws: StoreError.foreignDatabase(path: path)) { try ForumDatabase(path: path) }
        let tables = try DatabaseQueue(path: path).read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        }
        #expect(tables == ["notes"])
        // A file another program marked as its own is refused even when it holds no table.
        let marked = directory.path("marked.sqlite")
        try DatabaseQueue(path: marked).writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA application_id = 42")
        }
        #expect(throws: StoreError.foreignDatabase(path: marked)) { try ForumDatabase(path: marked) }
    }

    @Test func newEmptyAndOlderForumFilesAreForums() throws {
        let directory = try TemporaryDirectory()
        let empty = directory.path("empty.sqlite")
        #expect(FileManager.default.createFile(atPath: empty, contents: Data()))
        try ForumDatabase(path: empty).close()
        #expect(try Self.applicationID(of: empty) == 0x466F_7275)

        // A database made before Forum marked its files: its migrations say it is Forum's.
        let older = directory.path("older.sqlite")
        try ForumDatabase(path: older).close()
        try DatabaseQueue(path: older).writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA application_id = 0")
        }
        let reopened = try ForumDatabase(path: older)
        #expect(try reopened.loadSnapshot() == nil)
        reopened.close()
        #expect(try Self.applicationID(of: older) == 0x466F_7275)
    }

    static func applicationID(of path: String) throws -> Int32 {
        try DatabaseQueue(path: path).read { try Int32.fetchOne($0, sql: "PRAGMA application_id") ?? 0 }
    }
}
