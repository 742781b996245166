import ForumCore
import Foundation

/// A story in the studio: its latest text (a ``Story``, complete or not), its revision
/// number, where it is in the review, and the group it belongs to.
public struct StudioStory: Sendable, Equatable, Codable {
    /// The story id, also the name of its published file (`<id>.yaml`).
    public var id: String
    /// The invite (group) whose contributors may edit it; nil for an organiser's own.
    public var group: String?
    public var status: ReviewState
    /// 1 for the first text; every saved change adds one. Saves name the revision they
    /// started from (see ``RevisionCheck``).
    public var revision: Int
    public var content: Story
    public var updatedAt: Date
    /// The display name of whoever saved the latest revision ("" when none was given).
    public var updatedBy: String

    public init(
        id: String, group: String?, status: ReviewState, revision: Int, content: Story, updatedAt: Date,
        updatedBy: String
    ) {
        self.id = id
        self.group = group
        self.status = status
        self.revision = revision
        self.content = content
        self.updatedAt = updatedAt
        self.updatedBy = updatedBy
    }
}

/// One saved revision of a story, as the history lists it.
public struct RevisionSummary: Sendable, Equatable, Codable {
    public var revision: Int
    public var author: String
    public var at: Date
    public var title: String

    public init(revision: Int, author: String, at: Date, title: String) {
        self.revision = revision
        self.author = author
        self.at = at
        self.title = title
    }
}

/// One step of a story's review, kept for good.
public struct ReviewEvent: Sendable, Equatable, Codable {
    public var from: ReviewState
    public var to: ReviewState
    public var action: ReviewAction
    public var by: String
    public var role: StudioRole
    public var note: String
    public var at: Date
    /// The revision the step was taken on.
    public var revision: Int

    public init(
        from: ReviewState, to: ReviewState, action: ReviewAction, by: String, role: StudioRole, note: String,
        at: Date, revision: Int
    ) {
        self.from = from
        self.to = to
        self.action = action
        self.by = by
        self.role = role
        self.note = note
        self.at = at
        self.revision = revision
    }
}

/// An organiser's (or writer's) comment on a story or one of its scenes.
public struct StudioComment: Sendable, Equatable, Codable {
    public var id: Int64
    /// The scene commented on, or nil for the story as a whole.
    public var scene: String?
    public var author: String
    public var role: StudioRole
    public var text: String
    public var at: Date

    public init(id: Int64, scene: String?, author: String, role: StudioRole, text: String, at: Date) {
        self.id = id
        self.scene = scene
        self.author = author
        self.role = role
        self.text = text
        self.at = at
    }

    /// The longest comment.
    public static let limit = 2_000
}

/// The revision check for two people on one story: a save names the revision it was made
/// on; when someone else saved in between, it is refused with the newer text, and the writer
/// chooses (keep theirs, or put theirs back on top as a new revision). Nothing is silently
/// overwritten.
public enum RevisionCheck {
    /// Whether a save made on `base` may follow `current`.
    public static func check(base: Int, current: StudioStory) -> Result<Void, StudioError> {
        if base == current.revision { return .success(()) }
        let who = current.updatedBy.isEmpty ? "someone else" : current.updatedBy
        return .failure(
            StudioError(
                .conflict,
                "\(who) changed this story while you were editing (revision \(current.revision), yours was "
                    + "made on \(base)). Choose: keep their version, or save yours over it."))
    }
}

/// Display names: optional, short, plain text. No real names are asked for.
public enum DisplayName {
    public static let limit = 40

    /// The name as stored: cleaned, trimmed, at most ``limit`` characters.
    public static func cleaned(_ name: String?) -> String {
        let name = TextLimits.cleaned(name ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        return String(name.prefix(limit))
    }
}
