import GRDB

/// Migration "v6-place" *(addition)*: where people take part from, as they said.
///
/// - `devices.place`: the device's current place (`room`, `remote`, NULL: not said), and
///   `device_places` logs every change, as `device_perspectives` does.
/// - `votes.place`: the place recorded with each vote row, and the reason `place` for a row
///   that re-records the same option under a new place (not a change of vote). SQLite cannot
///   widen a `CHECK`, so `votes` is rebuilt with every row, id and rule (append-only triggers,
///   a vote needs an open round) as it was; old rows have no place.
extension Schema {
    static let version6Place = """
        ALTER TABLE devices ADD COLUMN place TEXT CHECK (place IN ('room', 'remote'));

        CREATE TABLE device_places (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            device TEXT NOT NULL REFERENCES devices (token),
            place TEXT CHECK (place IN ('room', 'remote')),
            changed_at TEXT NOT NULL \(time("changed_at"))
        );

        CREATE TABLE votes_with_place (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            round_id TEXT NOT NULL REFERENCES rounds (id),
            device TEXT NOT NULL REFERENCES devices (token),
            option_id TEXT NOT NULL,
            perspective TEXT CHECK (perspective <> ''),
            reason TEXT NOT NULL CHECK (reason IN ('vote', 'perspective', 'place')),
            cast_at TEXT NOT NULL \(time("cast_at")),
            place TEXT CHECK (place IN ('room', 'remote')),
            FOREIGN KEY (round_id, option_id) REFERENCES round_options (round_id, option_id)
        );
        INSERT INTO votes_with_place (id, round_id, device, option_id, perspective, reason, cast_at)
            SELECT id, round_id, device, option_id, perspective, reason, cast_at FROM votes ORDER BY id;
        DROP TABLE votes;
        ALTER TABLE votes_with_place RENAME TO votes;
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
        """
}
