import ForumCore
import ForumStudio
import Foundation
import GRDB

extension StudioDatabase {
    /// Creates a story from `content` as revision 1, with an id made from its title
    /// (unique among the studio's stories and `reserved`, such as the published files).
    public func create(
        _ content: Story, group: String?, author: String, at now: Date, reserved: Set<String> = []
    ) throws -> StudioStory {
        try write { db in
            var taken = Set(try String.fetchAll(db, sql: "SELECT id FROM stories")).union(reserved)
            let id = TwineSlug.unique(content.title, fallback: "story", taken: &taken)
            var content = content
            content.id = id
            try db.execute(
                sql:
                    "INSERT INTO stories (id, invite_token, status, revision, created_at) VALUES (?, ?, 'draft', 1, ?)",
                arguments: [id, group, StudioTime.text(now)])
            try db.execute(
                sql: "INSERT INTO revisions (story_id, revision, content, author, at) VALUES (?, 1, ?, ?, ?)",
                arguments: [id, try Self.json(content), author, StudioTime.text(now)])
            return StudioStory(
                id: id, group: group, status: .draft, revision: 1, content: content, updatedAt: now, updatedBy: author)
        }
    }

    /// Saves `content` as the next revision of story `id`, if the save was made on the
    /// latest revision (`base`) and the story can be edited; one transaction.
    public func save(
        _ content: Story, to id: String, base: Int, author: String, at now: Date
    ) throws -> Result<StudioStory, StudioError> {
        try write { db in
            guard var story = try Self.story(id, in: db) else {
                return .failure(StudioError(.unknownStory, "There is no story \(id)."))
            }
            guard story.status.isEditable else {
                return .failure(
                    StudioError(
                        .notEditable, "This story is \(story.status.words): it cannot be changed until it is reopened.")
                )
            }
            if case .failure(let error) = RevisionCheck.check(base: base, current: story) { return .failure(error) }
            var content = content
            content.id = id
            story.revision += 1
            try db.execute(
                sql: "INSERT INTO revisions (story_id, revision, content, author, at) VALUES (?, ?, ?, ?, ?)",
                arguments: [id, story.revision, try Self.json(content), author, StudioTime.text(now)])
            try db.execute(sql: "UPDATE stories SET revision = ? WHERE id = ?", arguments: [story.revision, id])
            story.content = content
            story.updatedAt = now
            story.updatedBy = author
            return .success(story)
        }
    }

    /// The story with this id, with its latest revision.
    public func story(_ id: String) throws -> StudioStory? {
        try read { db in try Self.story(id, in: db) }
    }

    /// Every story of a group (or all of them for nil), by latest change.
    public func stories(group: String?) throws -> [StudioStory] {
        try read { db in
            let ids =
                try group.map {
                    try String.fetchAll(db, sql: "SELECT id FROM stories WHERE invite_token = ?", arguments: [$0])
                } ?? String.fetchAll(db, sql: "SELECT id FROM stories")
            return try ids.compactMap { try Self.story($0, in: db) }.sorted { $0.updatedAt > $1.updatedAt }
        }
    }

    /// Every revision of a story, oldest first.
    public func revisions(of id: String) throws -> [RevisionSummary] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT revision, author, at, content FROM revisions WHERE story_id = ? ORDER BY revision",
                arguments: [id]
            ).map { row in
                RevisionSummary(
                    revision: row["revision"], author: row["author"], at: StudioTime.date(row["at"]),
                    title: (try? Self.story(fromJSON: row["content"]).title) ?? "")
            }
        }
    }

    /// The text of one revision.
    public func content(of id: String, revision: Int) throws -> Story? {
        try read { db in
            try String.fetchOne(
                db, sql: "SELECT content FROM revisions WHERE story_id = ? AND revision = ?", arguments: [id, revision]
            ).map(Self.story(fromJSON:))
        }
    }

    static func story(_ id: String, in db: Database) throws -> StudioStory? {
        guard
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT s.id, s.invite_token, s.status, s.revision, r.content, r.author, r.at
                    FROM stories s JOIN revisions r ON r.story_id = s.id AND r.revision = s.revision
                    WHERE s.id = ?
                    """, arguments: [id])
        else { return nil }
        return StudioStory(
            id: row["id"], group: row["invite_token"], status: ReviewState(rawValue: row["status"]) ?? .draft,
            revision: row["revision"], content: try Self.story(fromJSON: row["content"]),
            updatedAt: StudioTime.date(row["at"]), updatedBy: row["author"])
    }
}
