import ForumCore
import ForumStudio
import Foundation
import GRDB

/// A picture kept in the studio's database.
public struct StudioPicture: Sendable, Equatable {
    public var path: String
    public var kind: PictureKind
    public var bytes: [UInt8]
    public var alt: String
}

extension StudioDatabase {
    /// Keeps a picture for story `id` under a new random path (``PictureRules``), checked
    /// first; one transaction. The story must be editable and hold fewer than
    /// ``PictureRules/perStory`` pictures.
    public func addPicture(
        to id: String, bytes: [UInt8], alt: String, by author: String, at now: Date,
        using generator: inout some RandomNumberGenerator
    ) throws -> Result<StudioPicture, StudioError> {
        let kind: PictureKind
        switch PictureRules.check(bytes, alt: alt) {
        case .failure(let error): return .failure(error)
        case .success(let checked): kind = checked
        }
        let description = TextLimits.cleaned(alt).trimmingCharacters(in: .whitespacesAndNewlines)
        var path = PictureRules.path(story: id, kind: kind, using: &generator)
        return try write { db in
            guard let story = try Self.story(id, in: db) else {
                return .failure(StudioError(.unknownStory, "There is no story \(id)."))
            }
            guard story.status.isEditable else {
                return .failure(
                    StudioError(
                        .notEditable, "This story is \(story.status.words): it cannot be changed until it is reopened.")
                )
            }
            let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM pictures WHERE story_id = ?", arguments: [id])
            guard (count ?? 0) < PictureRules.perStory else {
                return .failure(
                    StudioError(
                        .tooLarge, "This story has \(PictureRules.perStory) pictures already: that is the most."))
            }
            while try Bool.fetchOne(
                db, sql: "SELECT 1 FROM pictures WHERE story_id = ? AND path = ?", arguments: [id, path]) ?? false
            {
                path = PictureRules.path(story: id, kind: kind, using: &generator)
            }
            try db.execute(
                sql: "INSERT INTO pictures (story_id, path, kind, bytes, alt, author, at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                arguments: [
                    id, path, kind.rawValue, Data(bytes), description, author, StudioTime.text(now),
                ])
            return .success(StudioPicture(path: path, kind: kind, bytes: bytes, alt: description))
        }
    }

    /// The pictures of story `id` at `paths` (those it has; others are left out).
    public func pictures(of id: String, at paths: Set<String>) throws -> [StudioPicture] {
        guard !paths.isEmpty else { return [] }
        let wanted = paths.sorted()
        return try read { db in
            try Row.fetchAll(
                db,
                sql:
                    "SELECT * FROM pictures WHERE story_id = ? AND path IN (\(databaseQuestionMarks(count: wanted.count)))"
                    + " ORDER BY path",
                arguments: StatementArguments([id] + wanted)
            )
            .compactMap { row -> StudioPicture? in
                let path: String = row["path"]
                guard let kind = PictureKind(rawValue: row["kind"]) else { return nil }
                let data: Data = row["bytes"]
                return StudioPicture(path: path, kind: kind, bytes: Array(data), alt: row["alt"])
            }
        }
    }
}
