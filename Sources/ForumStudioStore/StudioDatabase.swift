import ForumCore
import ForumStudio
import Foundation
import GRDB

/// The studio's SQLite database: invites, stories, every revision, review step and comment.
///
/// One `DatabasePool` in WAL mode with `synchronous = FULL`: a change the page is told is
/// saved survives a power cut. Every change is one transaction: nothing is half-saved.
public final class StudioDatabase: Sendable {
    public let path: String
    let pool: DatabasePool

    /// Why the file cannot be the studio's database.
    public struct OpenError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Opens (or creates) the studio database at `path`; refuses another program's file,
    /// and a Forum show database.
    public init(path: String) throws {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.label = "forum-studio"
        configuration.busyMode = .timeout(5)
        let pool = try DatabasePool(path: path, configuration: configuration)
        try pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            guard try StudioSchema.claim(db) else {
                throw OpenError(description: "\(path) is not a Forum studio database; nothing was changed in it")
            }
        }
        try StudioSchema.migrator.migrate(pool)
        self.pool = pool
        self.path = path
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    static func json(_ story: Story) throws -> String {
        String(decoding: try encoder.encode(story), as: UTF8.self)
    }

    static func story(fromJSON text: String) throws -> Story {
        try JSONDecoder().decode(Story.self, from: Data(text.utf8))
    }

    /// Runs `body` in one write transaction; an error in it leaves the database unchanged.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        try pool.write(body)
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try pool.read(body)
    }
}

/// Times as the studio stores them: ISO-8601 UTC with milliseconds.
enum StudioTime {
    static func text(_ date: Date) -> String { ISOTime.string(date) }

    static func date(_ text: String) -> Date {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.date(from: text) ?? Date(timeIntervalSince1970: 0)
    }
}

extension StudioDatabase {
    /// Runs raw SQL: only for tests that prove the schema's guards hold.
    public func tamper(_ sql: String) throws {
        try pool.writeWithoutTransaction { db in try db.execute(sql: sql) }
    }
}
