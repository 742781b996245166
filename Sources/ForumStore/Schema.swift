import GRDB

/// The database schema, as GRDB migrations. The invariants live here, in SQL, so that no
/// code path (nor a hand-edit in the `sqlite3` shell) can store a vote the show could not
/// have taken.
///
/// Schema v1, in words:
/// - `event` (one row, id 1): the event title.
/// - `sessions`: programme sessions entered (id, title, first entry); `session_entries` logs
///   every entry, since the host may come back to a session.
/// - `devices`: one opaque token per phone, its current perspective and when it joined;
///   `device_perspectives` logs every change of perspective (append-only in practice).
/// - `story_runs`: one run of a story in a session (ids like `R3`); `scenes_shown` logs the
///   scenes put on the screens during a run.
/// - `rounds`: one vote round (ids like `D17`) with a status that matches its times:
///   open ⇒ no close time, closed ⇒ a close time, revealed ⇒ both times.
///   `round_options` copies the options (position, id, label) as they were asked.
/// - `votes`: APPEND-ONLY history; triggers refuse `UPDATE` and `DELETE`. A row's option must
///   be an option of its round (composite foreign key); a `vote` row needs an open round.
///   The latest row of a device in a round is its vote; `perspective` rows re-record the same
///   option under a new perspective.
/// - `show_snapshot` (one row, id 1): the show's position as JSON, for restarts.
/// - `show_finishes` (migration `v3`): every `finish` of the day and every reopening
///   by a story start after it, in order.
///
/// Schema v2 adds `undos`: one row per host `undo`, what it took back (the command, the
/// scene left and the scene brought back, the round brought back and its status again) and
/// when. Migrations only add: a v1 database opens and gains the table.
///
/// Schema v4 records the stage for reports: `rounds.replay_of` (the round a replayed scene's
/// round replays), `stage_moves` (every move of the room to another scene: the command, the
/// scenes left and reached, and after a decision the option followed and the room's winner
/// then; `undos` says which were taken back) and `facilitator_notes` (the host's notes, with
/// the round or scene they are about; never sent to phones).
///
/// No names and no network addresses are stored anywhere. Every time is ISO-8601 UTC text
/// with milliseconds (see ``StoreTime``), checked by shape.
enum Schema {
    /// The migrator that creates or upgrades a Forum database.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: version1)
        }
        migrator.registerMigration("v2") { db in
            try db.execute(sql: version2)
        }
        migrator.registerMigration("v3") { db in
            try db.execute(sql: version3)
        }
        migrator.registerMigration("v4") { db in
            try db.execute(sql: version4)
        }
        registerRoomVoice(in: &migrator)
        migrator.registerMigration("v6-place") { db in
            try db.execute(sql: version6Place)
        }
        migrator.registerMigration("v7-votes-by-round") { db in
            try db.execute(sql: version7VotesByRound)
        }
        migrator.registerMigration("v8-venues") { db in
            try db.execute(sql: version8Venues)
        }
        migrator.registerMigration("v9-shared-stage") { db in
            try db.execute(sql: version9SharedStage)
        }
        return migrator
    }

    /// `CHECK` that a column holds a time in the store's format (NULL passes: pair it with
    /// `NOT NULL` where a time is required).
    static func time(_ column: String) -> String {
        "CHECK (\(column) GLOB '\(StoreTime.globPattern)')"
    }

    private static let version1 = """
        CREATE TABLE event (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            title TEXT NOT NULL
        );

        CREATE TABLE sessions (
            id TEXT PRIMARY KEY NOT NULL CHECK (id <> ''),
            title TEXT NOT NULL,
            first_entered_at TEXT NOT NULL \(time("first_entered_at"))
        );

        CREATE TABLE session_entries (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            session_id TEXT NOT NULL REFERENCES sessions (id),
            entered_at TEXT NOT NULL \(time("entered_at"))
        );

        CREATE TABLE devices (
            token TEXT PRIMARY KEY NOT NULL CHECK (token <> ''),
            perspective TEXT CHECK (perspective <> ''),
            joined_at TEXT NOT NULL \(time("joined_at"))
        );

        CREATE TABLE device_perspectives (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            device TEXT NOT NULL REFERENCES devices (token),
            perspective TEXT CHECK (perspective <> ''),
            changed_at TEXT NOT NULL \(time("changed_at"))
        );

        CREATE TABLE story_runs (
            id TEXT PRIMARY KEY NOT NULL CHECK (id <> ''),
            session_id TEXT NOT NULL REFERENCES sessions (id),
            story_id TEXT NOT NULL CHECK (story_id <> ''),
            story_title TEXT NOT NULL,
            started_at TEXT NOT NULL \(time("started_at")),
            ended_at TEXT \(time("ended_at"))
        );

        CREATE TABLE scenes_shown (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            run_id TEXT NOT NULL REFERENCES story_runs (id),
            scene_id TEXT NOT NULL CHECK (scene_id <> ''),
            shown_at TEXT NOT NULL \(time("shown_at"))
        );
        CREATE INDEX scenes_shown_by_run ON scenes_shown (run_id);

        CREATE TABLE rounds (
            id TEXT PRIMARY KEY NOT NULL CHECK (id <> ''),
            run_id TEXT NOT NULL REFERENCES story_runs (id),
            scene_id TEXT NOT NULL CHECK (scene_id <> ''),
            question TEXT NOT NULL,
            opened_at TEXT NOT NULL \(time("opened_at")),
            closed_at TEXT \(time("closed_at")),
            revealed_at TEXT \(time("revealed_at")),
            status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed', 'revealed')),
            CHECK (
                (status = 'open' AND closed_at IS NULL AND revealed_at IS NULL)
                OR (status = 'closed' AND closed_at IS NOT NULL AND revealed_at IS NULL)
                OR (status = 'revealed' AND closed_at IS NOT NULL AND revealed_at IS NOT NULL)
            )
        );
        CREATE INDEX rounds_by_run ON rounds (run_id);

        CREATE TABLE round_options (
            round_id TEXT NOT NULL REFERENCES rounds (id),
            position INTEGER NOT NULL CHECK (position >= 0),
            option_id TEXT NOT NULL CHECK (option_id <> ''),
            label TEXT NOT NULL,
            PRIMARY KEY (round_id, option_id),
            UNIQUE (round_id, position)
        );

        CREATE TABLE votes (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            round_id TEXT NOT NULL REFERENCES rounds (id),
            device TEXT NOT NULL REFERENCES devices (token),
            option_id TEXT NOT NULL,
            perspective TEXT CHECK (perspective <> ''),
            reason TEXT NOT NULL CHECK (reason IN ('vote', 'perspective')),
            cast_at TEXT NOT NULL \(time("cast_at")),
            FOREIGN KEY (round_id, option_id) REFERENCES round_options (round_id, option_id)
        );
        CREATE INDEX votes_by_round_device ON votes (round_id, device, id);
        CREATE INDEX votes_by_device ON votes (device);

        CREATE TRIGGER votes_are_append_only_update BEFORE UPDATE ON votes
        BEGIN
            SELECT RAISE(ABORT, 'votes are append-only: a change of vote is a new row');
        END;

        CREATE TRIGGER votes_are_append_only_delete BEFORE DELETE ON votes
        BEGIN
            SELECT RAISE(ABORT, 'votes are append-only: a change of vote is a new row');
        END;

        CREATE TRIGGER votes_need_an_open_round BEFORE INSERT ON votes
        WHEN NEW.reason = 'vote'
            AND (SELECT status FROM rounds WHERE id = NEW.round_id) IS NOT 'open'
        BEGIN
            SELECT RAISE(ABORT, 'a vote needs an open round');
        END;

        CREATE TABLE show_snapshot (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            json TEXT NOT NULL CHECK (json_valid(json)),
            updated_at TEXT NOT NULL \(time("updated_at"))
        );
        """

    private static let version2 = """
        CREATE TABLE undos (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            run_id TEXT NOT NULL REFERENCES story_runs (id),
            undone_command TEXT NOT NULL CHECK (undone_command <> ''),
            from_scene TEXT CHECK (from_scene <> ''),
            to_scene TEXT CHECK (to_scene <> ''),
            round_id TEXT REFERENCES rounds (id),
            round_status TEXT CHECK (round_status IN ('open', 'closed', 'revealed')),
            moved_at TEXT NOT NULL \(time("moved_at")),
            undone_at TEXT NOT NULL \(time("undone_at")),
            CHECK ((round_id IS NULL) = (round_status IS NULL))
        );
        CREATE INDEX undos_by_run ON undos (run_id);
        """

    private static let version3 = """
        CREATE TABLE show_finishes (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            change TEXT NOT NULL CHECK (change IN ('finished', 'reopened')),
            at TEXT NOT NULL \(time("at"))
        );
        """

    private static let version4 = """
        ALTER TABLE rounds ADD COLUMN replay_of TEXT REFERENCES rounds (id);

        CREATE TABLE stage_moves (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            run_id TEXT NOT NULL REFERENCES story_runs (id),
            command TEXT NOT NULL CHECK (command <> ''),
            from_scene TEXT CHECK (from_scene <> ''),
            to_scene TEXT CHECK (to_scene <> ''),
            round_id TEXT REFERENCES rounds (id),
            option_id TEXT CHECK (option_id <> ''),
            room_choice TEXT CHECK (room_choice <> ''),
            moved_at TEXT NOT NULL \(time("moved_at"))
        );
        CREATE INDEX stage_moves_by_run ON stage_moves (run_id);

        CREATE TABLE facilitator_notes (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            run_id TEXT REFERENCES story_runs (id),
            scene_id TEXT CHECK (scene_id <> ''),
            round_id TEXT REFERENCES rounds (id),
            text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 500),
            noted_at TEXT NOT NULL \(time("noted_at"))
        );
        """
}
