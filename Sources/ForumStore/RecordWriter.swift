import ForumCore
import Foundation
import GRDB

/// How each ``ShowRecord`` becomes rows. Statements are cached on the connection: the writer
/// thread runs the same few statements for every batch.
enum RecordWriter {
    /// Writes one record inside the caller's transaction.
    static func apply(_ record: ShowRecord, in db: Database) throws {
        switch record {
        case .sessionEntered(let entry):
            try run(
                db,
                """
                INSERT INTO sessions (id, title, first_entered_at) VALUES (?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET title = excluded.title
                """,
                [entry.sessionID, entry.title, StoreTime.text(entry.at)])
            try run(
                db, "INSERT INTO session_entries (session_id, entered_at) VALUES (?, ?)",
                [entry.sessionID, StoreTime.text(entry.at)])
        case .runStarted(let start):
            try run(
                db,
                "INSERT INTO story_runs (id, session_id, story_id, story_title, started_at) VALUES (?, ?, ?, ?, ?)",
                [start.runID, start.sessionID, start.storyID, start.storyTitle, StoreTime.text(start.at)])
        case .sceneShown(let shown):
            try run(
                db, "INSERT INTO scenes_shown (run_id, scene_id, shown_at) VALUES (?, ?, ?)",
                [shown.runID, shown.sceneID, StoreTime.text(shown.at)])
        case .roundOpened(let opening):
            try openRound(opening, in: db)
        case .roundStatus(let change):
            try setStatus(change, in: db)
        case .runEnded(let end):
            try run(
                db, "UPDATE story_runs SET ended_at = coalesce(ended_at, ?) WHERE id = ?",
                [StoreTime.text(end.at), end.runID])
            if db.changesCount == 0 { throw StoreError.unknownRun(end.runID) }
        case .vote(let vote):
            try run(
                db,
                """
                INSERT INTO votes (round_id, device, option_id, perspective, reason, cast_at, place, venue)
                VALUES (?, ?, ?, ?, ?, ?, ?, (SELECT name FROM this_venue WHERE id = 1))
                """,
                [
                    vote.roundID, vote.device, vote.optionID, vote.perspective, vote.reason.rawValue,
                    StoreTime.text(vote.at), vote.place?.rawValue,
                ])
        case .devicePerspective(let change):
            try run(
                db, "UPDATE devices SET perspective = ? WHERE token = ?", [change.perspective, change.device])
            if db.changesCount == 0 { throw StoreError.unknownDevice(change.device) }
            try run(
                db, "INSERT INTO device_perspectives (device, perspective, changed_at) VALUES (?, ?, ?)",
                [change.device, change.perspective, StoreTime.text(change.at)])
        case .devicePlace(let change):
            try run(db, "UPDATE devices SET place = ? WHERE token = ?", [change.place?.rawValue, change.device])
            if db.changesCount == 0 { throw StoreError.unknownDevice(change.device) }
            try run(
                db, "INSERT INTO device_places (device, place, changed_at) VALUES (?, ?, ?)",
                [change.device, change.place?.rawValue, StoreTime.text(change.at)])
        case .deviceJoined(let join):
            try run(
                db,
                "INSERT INTO devices (token, joined_at) VALUES (?, ?) ON CONFLICT (token) DO NOTHING",
                [join.device, StoreTime.text(join.at)])
        case .snapshot(let snapshot):
            let json = String(decoding: try JSONEncoder.snapshot.encode(snapshot), as: UTF8.self)
            try run(
                db,
                """
                INSERT INTO show_snapshot (id, json, updated_at) VALUES (1, ?, ?)
                ON CONFLICT (id) DO UPDATE SET json = excluded.json, updated_at = excluded.updated_at
                """,
                [json, StoreTime.text(Date())])
        case .showFinished(let change):
            try run(
                db, "INSERT INTO show_finishes (change, at) VALUES (?, ?)",
                [change.finished ? "finished" : "reopened", StoreTime.text(change.at)])
        case .undone(let undo):
            try run(
                db,
                """
                INSERT INTO undos (run_id, undone_command, from_scene, to_scene, round_id, round_status, moved_at,
                    undone_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    undo.runID, undo.command, undo.fromScene, undo.toScene, undo.roundID, undo.roundStatus?.rawValue,
                    StoreTime.text(undo.movedAt), StoreTime.text(undo.at),
                ])
        case .moved(let move):
            try run(
                db,
                """
                INSERT INTO stage_moves (run_id, command, from_scene, to_scene, round_id, option_id, room_choice,
                    moved_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    move.runID, move.command, move.fromScene, move.toScene, move.roundID, move.optionID,
                    move.roomChoice, StoreTime.text(move.at),
                ])
        case .noted(let note):
            try run(
                db, "INSERT INTO facilitator_notes (run_id, scene_id, round_id, text, noted_at) VALUES (?, ?, ?, ?, ?)",
                [note.runID, note.sceneID, note.roundID, note.text, StoreTime.text(note.at)])
        case .voice(let voice):
            try VoiceWriter.apply(voice, in: db)
        case .remoteVotes(let votes):
            try RemoteVoteWriter.apply(votes, in: db)
        case .sharedRevision(let revision):
            try run(
                db,
                "INSERT INTO shared_stage (id, revision) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET revision = excluded.revision",
                [Int64(revision)])
        }
    }

    private static func openRound(_ opening: RoundOpening, in db: Database) throws {
        try run(
            db,
            """
            INSERT INTO rounds (id, run_id, scene_id, question, opened_at, replay_of)
            VALUES (?1, ?2, ?3, ?4, ?5, CASE WHEN ?6 THEN
                (SELECT id FROM rounds WHERE run_id = ?2 AND scene_id = ?3 ORDER BY rowid DESC LIMIT 1) END)
            """,
            [
                opening.roundID, opening.runID, opening.sceneID, opening.question, StoreTime.text(opening.at),
                opening.replay,
            ])
        for (position, option) in opening.options.enumerated() {
            try run(
                db, "INSERT INTO round_options (round_id, position, option_id, label) VALUES (?, ?, ?, ?)",
                [opening.roundID, position, option.id, option.label])
        }
        try VoiceWriter.audienceOptions(of: opening, in: db)
    }

    /// Status and times move together (the schema checks they agree): closing sets the close
    /// time, revealing sets the reveal time (and the close time if the round skipped closed),
    /// reopening clears both.
    private static func setStatus(_ change: RoundStatusChange, in db: Database) throws {
        let at = StoreTime.text(change.at)
        switch change.status {
        case .open:
            try run(
                db, "UPDATE rounds SET status = 'open', closed_at = NULL, revealed_at = NULL WHERE id = ?",
                [change.roundID])
        case .closed:
            try run(
                db, "UPDATE rounds SET status = 'closed', closed_at = ?, revealed_at = NULL WHERE id = ?",
                [at, change.roundID])
        case .revealed:
            try run(
                db,
                "UPDATE rounds SET status = 'revealed', closed_at = coalesce(closed_at, ?1), revealed_at = ?1 WHERE id = ?2",
                [at, change.roundID])
        }
        if db.changesCount == 0 { throw StoreError.unknownRound(change.roundID) }
    }

    private static func run(_ db: Database, _ sql: String, _ arguments: StatementArguments) throws {
        try db.cachedStatement(sql: sql).execute(arguments: arguments)
    }
}

extension JSONEncoder {
    /// The encoder for the stored show snapshot: sorted keys, so equal snapshots are equal text.
    static var snapshot: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(StoreTime.text(date))
        }
        return encoder
    }
}
