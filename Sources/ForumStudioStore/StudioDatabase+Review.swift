import ForumCore
import ForumStudio
import Foundation
import GRDB

extension StudioDatabase {
    /// Takes a review step on story `id`, kept in its history. `effect` runs inside the
    /// transaction with the story as it is (publishing writes the story file there): when it
    /// throws, the step is not taken and nothing is saved.
    public func review(
        _ id: String, action: ReviewAction, role: StudioRole, by name: String, note: String, at now: Date,
        effect: (StudioStory) throws -> Void = { _ in }
    ) throws -> Result<StudioStory, StudioError> {
        try write { db in
            guard var story = try Self.story(id, in: db) else {
                return .failure(StudioError(.unknownStory, "There is no story \(id)."))
            }
            let next: ReviewState
            switch action.apply(to: story.status, by: role) {
            case .failure(let error): return .failure(error)
            case .success(let state): next = state
            }
            if action == .submit || action == .approve || action == .publish,
                !StudioChecks.isPublishable(StudioChecks.check(story.content))
            {
                return .failure(
                    StudioError(.hasErrors, "The story still has problems marked in red: fix them first."))
            }
            try effect(story)
            try db.execute(
                sql: """
                    INSERT INTO reviews (story_id, from_status, to_status, action, by, role, note, revision, at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    id, story.status.rawValue, next.rawValue, action.rawValue, name, role.rawValue,
                    String(TextLimits.cleaned(note).prefix(StudioComment.limit)), story.revision, StudioTime.text(now),
                ])
            try db.execute(sql: "UPDATE stories SET status = ? WHERE id = ?", arguments: [next.rawValue, id])
            story.status = next
            return .success(story)
        }
    }

    /// Every review step of a story, in order.
    public func reviewHistory(of id: String) throws -> [ReviewEvent] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM reviews WHERE story_id = ? ORDER BY id", arguments: [id]).map {
                row in
                ReviewEvent(
                    from: ReviewState(rawValue: row["from_status"]) ?? .draft,
                    to: ReviewState(rawValue: row["to_status"]) ?? .draft,
                    action: ReviewAction(rawValue: row["action"]) ?? .submit, by: row["by"],
                    role: StudioRole(rawValue: row["role"]) ?? .contributor, note: row["note"],
                    at: StudioTime.date(row["at"]), revision: row["revision"])
            }
        }
    }

    /// Adds a comment on a story or one of its scenes; nil when there is no such story.
    public func comment(
        on id: String, scene: String?, text: String, by name: String, role: StudioRole, at now: Date
    ) throws -> Result<StudioComment, StudioError> {
        let text = TextLimits.cleaned(text).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, text.count <= StudioComment.limit else {
            return .failure(StudioError(.invalidContent, "A comment has 1 to \(StudioComment.limit) characters."))
        }
        return try write { db in
            guard try Self.story(id, in: db) != nil else {
                return .failure(StudioError(.unknownStory, "There is no story \(id)."))
            }
            try db.execute(
                sql: "INSERT INTO comments (story_id, scene_id, author, role, text, at) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [id, scene, name, role.rawValue, text, StudioTime.text(now)])
            return .success(
                StudioComment(id: db.lastInsertedRowID, scene: scene, author: name, role: role, text: text, at: now))
        }
    }

    /// Every comment on a story, oldest first.
    public func comments(on id: String) throws -> [StudioComment] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM comments WHERE story_id = ? ORDER BY id", arguments: [id]).map {
                row in
                StudioComment(
                    id: row["id"], scene: row["scene_id"], author: row["author"],
                    role: StudioRole(rawValue: row["role"]) ?? .contributor, text: row["text"],
                    at: StudioTime.date(row["at"]))
            }
        }
    }
}
