import ForumStudio
import Foundation
import GRDB

extension StudioDatabase {
    /// Stores a new invite.
    public func add(_ invite: Invite) throws {
        try write { db in
            try db.execute(
                sql: "INSERT INTO invites (token, label, created_at, expires_at) VALUES (?, ?, ?, ?)",
                arguments: [
                    invite.token, invite.label, StudioTime.text(invite.createdAt), StudioTime.text(invite.expiresAt),
                ])
        }
    }

    /// Closes an invite link for good; false when there is no such invite.
    @discardableResult
    public func revokeInvite(_ token: String, at now: Date) throws -> Bool {
        try write { db in
            try db.execute(
                sql: "UPDATE invites SET revoked_at = ? WHERE token = ? AND revoked_at IS NULL",
                arguments: [StudioTime.text(now), token])
            return db.changesCount > 0
        }
    }

    /// The invite with this token, if any.
    public func invite(_ token: String) throws -> Invite? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM invites WHERE token = ?", arguments: [token]).map(Self.invite)
        }
    }

    /// Every invite, newest first.
    public func invites() throws -> [Invite] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM invites ORDER BY created_at DESC, token").map(Self.invite)
        }
    }

    static func invite(_ row: Row) -> Invite {
        Invite(
            token: row["token"], label: row["label"], createdAt: StudioTime.date(row["created_at"]),
            expiresAt: StudioTime.date(row["expires_at"]),
            revokedAt: (row["revoked_at"] as String?).map(StudioTime.date))
    }
}
