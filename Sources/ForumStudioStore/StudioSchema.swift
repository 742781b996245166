import GRDB

/// The studio's schema, as GRDB migrations. Schema v1, in words:
/// - `invites`: one row per invite link (random token, group label, times). Revoking sets
///   `revoked_at`; invites are never deleted.
/// - `stories`: one row per story: its group (invite), review status and latest revision.
/// - `revisions`: APPEND-ONLY, every saved text of every story (JSON of ``Story``), who saved
///   it (display name) and when; triggers refuse `UPDATE` and `DELETE`. A story's row always
///   names its latest revision.
/// - `reviews`: APPEND-ONLY, every review step (from, to, action, who, note, revision).
/// - `comments`: APPEND-ONLY, comments on a story or one of its scenes.
///
/// Display names only, never emails or addresses. Times are ISO-8601 UTC text.
enum StudioSchema {
    /// "FoSt" in ASCII: the studio's own `application_id`, so a show database and a studio
    /// database are never taken for each other.
    static let applicationID: Int32 = 0x466F_5374

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("studio-v1") { db in try db.execute(sql: version1) }
        migrator.registerMigration("studio-v2-pictures") { db in try db.execute(sql: pictures) }
        return migrator
    }

    /// Claims an empty file for the studio; refuses any database that is not the studio's.
    static func claim(_ db: Database) throws -> Bool {
        let id = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        if id == applicationID { return true }
        guard id == 0 else { return false }
        let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
        guard tables == 0 else { return false }
        try db.execute(sql: "PRAGMA application_id = \(applicationID)")
        return true
    }

    private static let states = "('draft','submitted','changes_requested','approved','published','withdrawn')"

    private static let version1 = """
        CREATE TABLE invites (
            token TEXT PRIMARY KEY CHECK (length(token) = 32),
            label TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 80),
            created_at TEXT NOT NULL,
            expires_at TEXT NOT NULL,
            revoked_at TEXT
        );

        CREATE TABLE stories (
            id TEXT PRIMARY KEY,
            invite_token TEXT REFERENCES invites(token),
            status TEXT NOT NULL CHECK (status IN \(states)),
            revision INTEGER NOT NULL CHECK (revision >= 1),
            created_at TEXT NOT NULL
        );

        CREATE TABLE revisions (
            story_id TEXT NOT NULL REFERENCES stories(id),
            revision INTEGER NOT NULL CHECK (revision >= 1),
            content TEXT NOT NULL,
            author TEXT NOT NULL,
            at TEXT NOT NULL,
            PRIMARY KEY (story_id, revision)
        );
        CREATE TRIGGER revisions_no_update BEFORE UPDATE ON revisions
            BEGIN SELECT RAISE(ABORT, 'revisions are append-only'); END;
        CREATE TRIGGER revisions_no_delete BEFORE DELETE ON revisions
            BEGIN SELECT RAISE(ABORT, 'revisions are append-only'); END;

        CREATE TABLE reviews (
            id INTEGER PRIMARY KEY,
            story_id TEXT NOT NULL REFERENCES stories(id),
            from_status TEXT NOT NULL CHECK (from_status IN \(states)),
            to_status TEXT NOT NULL CHECK (to_status IN \(states)),
            action TEXT NOT NULL,
            by TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('contributor','organiser')),
            note TEXT NOT NULL,
            revision INTEGER NOT NULL,
            at TEXT NOT NULL
        );
        CREATE TRIGGER reviews_no_update BEFORE UPDATE ON reviews
            BEGIN SELECT RAISE(ABORT, 'reviews are append-only'); END;
        CREATE TRIGGER reviews_no_delete BEFORE DELETE ON reviews
            BEGIN SELECT RAISE(ABORT, 'reviews are append-only'); END;

        CREATE TABLE comments (
            id INTEGER PRIMARY KEY,
            story_id TEXT NOT NULL REFERENCES stories(id),
            scene_id TEXT,
            author TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('contributor','organiser')),
            text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
            at TEXT NOT NULL
        );
        CREATE TRIGGER comments_no_update BEFORE UPDATE ON comments
            BEGIN SELECT RAISE(ABORT, 'comments are append-only'); END;
        CREATE TRIGGER comments_no_delete BEFORE DELETE ON comments
            BEGIN SELECT RAISE(ABORT, 'comments are append-only'); END;
        """
}
