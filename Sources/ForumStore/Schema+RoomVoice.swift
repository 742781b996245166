import GRDB

/// The migration for the room's voice *(addition)*:
/// - `stops`: every Stop and its undoing (`stop` 1 or 0), per scene visit (`visit` counts
///   the visits of the day), device, run and scene; the latest row of a device in a visit
///   counts. `stop_acknowledgements`: each time the host acknowledged, with the count then.
/// - `proposals`: one row per audience proposal (`P1`, …): its text, the scene it was sent
///   in, its status now (pending, approved, rejected, merged, with `merged_into`) and the
///   option it became (`option_id`) once put to the vote. The device token is kept only to
///   tell the proposer what became of it; it is never exported with the text.
/// - `moderation_log`: APPEND-ONLY (triggers refuse `UPDATE` and `DELETE`), every approve,
///   reject, merge and adopt, by the host or a moderator.
/// - `audience_options`: which options of a round came from the audience, and from which
///   proposal.
extension Schema {
    /// Registers the migration (at the end of the migrator).
    static func registerRoomVoice(in migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v5-room-voice") { db in
            try db.execute(sql: roomVoice)
        }
    }

    /// `CHECK` that a column holds a time in the store's format.
    private static func timeCheck(_ column: String) -> String {
        "CHECK (\(column) GLOB '\(StoreTime.globPattern)')"
    }

    private static let roomVoice = """
        CREATE TABLE stops (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            visit INTEGER NOT NULL,
            run_id TEXT NOT NULL REFERENCES story_runs (id),
            scene_id TEXT NOT NULL CHECK (scene_id <> ''),
            device TEXT NOT NULL REFERENCES devices (token),
            stop INTEGER NOT NULL CHECK (stop IN (0, 1)),
            at TEXT NOT NULL \(timeCheck("at"))
        );
        CREATE INDEX stops_by_visit ON stops (visit, device);

        CREATE TABLE stop_acknowledgements (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            visit INTEGER NOT NULL,
            run_id TEXT REFERENCES story_runs (id),
            scene_id TEXT,
            count INTEGER NOT NULL CHECK (count >= 0),
            at TEXT NOT NULL \(timeCheck("at"))
        );

        CREATE TABLE proposals (
            id TEXT PRIMARY KEY CHECK (id GLOB 'P[1-9]*'),
            visit INTEGER NOT NULL,
            run_id TEXT REFERENCES story_runs (id),
            scene_id TEXT,
            round_id TEXT REFERENCES rounds (id),
            device TEXT NOT NULL REFERENCES devices (token),
            text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
            status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'merged')),
            merged_into TEXT REFERENCES proposals (id),
            option_id TEXT,
            proposed_at TEXT NOT NULL \(timeCheck("proposed_at")),
            CHECK ((status = 'merged') = (merged_into IS NOT NULL))
        );

        CREATE TABLE moderation_log (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            proposal_id TEXT NOT NULL REFERENCES proposals (id),
            action TEXT NOT NULL CHECK (action IN ('approve', 'reject', 'merge', 'adopt')),
            target TEXT,
            by_role TEXT NOT NULL CHECK (by_role IN ('host', 'moderator')),
            at TEXT NOT NULL \(timeCheck("at"))
        );
        CREATE TRIGGER moderation_log_no_update BEFORE UPDATE ON moderation_log
        BEGIN SELECT RAISE(ABORT, 'the moderation log is append-only'); END;
        CREATE TRIGGER moderation_log_no_delete BEFORE DELETE ON moderation_log
        BEGIN SELECT RAISE(ABORT, 'the moderation log is append-only'); END;

        CREATE TABLE audience_options (
            round_id TEXT NOT NULL,
            option_id TEXT NOT NULL,
            proposal_id TEXT NOT NULL REFERENCES proposals (id),
            PRIMARY KEY (round_id, option_id),
            FOREIGN KEY (round_id, option_id) REFERENCES round_options (round_id, option_id)
        );
        """
}
