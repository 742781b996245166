import GRDB

extension ForumDatabase {
    /// What happened on stage (routes, round times, replays, notes), read in one transaction.
    public func stage() throws -> ShowStage {
        try pool.read { try StageQueries.stage($0) }
    }

    /// The results and the stage, read in one transaction so they agree with each other.
    public func resultsAndStage() throws -> (results: ShowResults, stage: ShowStage) {
        try pool.read { db in
            (try ResultQueries.results(db, round: nil), try StageQueries.stage(db))
        }
    }
}

/// The SQL behind ``ForumDatabase/stage()``.
enum StageQueries {
    static func stage(_ db: Database) throws -> ShowStage {
        let recorded = try db.tableExists("stage_moves")
        var stage = ShowStage(
            runs: try runs(db, recorded: recorded), rounds: try rounds(db, recorded: recorded),
            notes: recorded ? try notes(db) : [], recorded: recorded)
        stage.voice = try VoiceQueries.voice(db)
        return stage
    }

    private static func rounds(_ db: Database, recorded: Bool) throws -> [RoundTimeline] {
        let replay = recorded ? "replay_of" : "NULL AS replay_of"
        let sql = """
            SELECT id, run_id, scene_id, question, status, opened_at, closed_at, revealed_at, \(replay)
            FROM rounds ORDER BY rowid
            """
        return try Row.fetchAll(db, sql: sql).map { row in
            RoundTimeline(
                roundID: row["id"], runID: row["run_id"], sceneID: row["scene_id"], question: row["question"],
                status: row["status"], openedAt: row["opened_at"], closedAt: row["closed_at"],
                revealedAt: row["revealed_at"], replayOf: row["replay_of"])
        }
    }

    private static func runs(_ db: Database, recorded: Bool) throws -> [RunRoute] {
        let sql = """
            SELECT sr.id, sr.session_id, s.title AS session_title, sr.story_id, sr.story_title, sr.started_at,
                   sr.ended_at,
                   (SELECT scene_id FROM scenes_shown WHERE run_id = sr.id ORDER BY id LIMIT 1) AS start_scene
            FROM story_runs sr JOIN sessions s ON s.id = sr.session_id
            ORDER BY sr.rowid
            """
        let moves = recorded ? try standingMoves(db) : [:]
        return try Row.fetchAll(db, sql: sql).map { row in
            let runID: String = row["id"]
            return RunRoute(
                runID: runID, sessionID: row["session_id"], sessionTitle: row["session_title"],
                storyID: row["story_id"], storyTitle: row["story_title"], startedAt: row["started_at"],
                endedAt: row["ended_at"], startScene: row["start_scene"], moves: moves[runID] ?? [])
        }
    }

    /// Every run's moves without the undone ones. An undo takes back the latest standing move
    /// of its run made by the command it names at the time it names (``UndoStep``'s time is
    /// the move's time), so the match needs no ordering between the two tables.
    private static func standingMoves(_ db: Database) throws -> [String: [RouteMove]] {
        var moves: [String: [RouteMove]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM stage_moves ORDER BY id") {
            moves[row["run_id"], default: []].append(
                RouteMove(
                    command: row["command"], fromScene: row["from_scene"], toScene: row["to_scene"],
                    roundID: row["round_id"], optionID: row["option_id"], roomChoice: row["room_choice"],
                    movedAt: row["moved_at"]))
        }
        let undos = try Row.fetchAll(db, sql: "SELECT run_id, undone_command, moved_at FROM undos ORDER BY id")
        for undo in undos {
            let runID: String = undo["run_id"]
            let command: String = undo["undone_command"]
            let movedAt: String = undo["moved_at"]
            if let index = moves[runID]?.lastIndex(where: { $0.command == command && $0.movedAt == movedAt }) {
                moves[runID]?.remove(at: index)
            }
        }
        return moves
    }

    private static func notes(_ db: Database) throws -> [StoredNote] {
        try Row.fetchAll(db, sql: "SELECT * FROM facilitator_notes ORDER BY id").map { row in
            StoredNote(
                runID: row["run_id"], sceneID: row["scene_id"], roundID: row["round_id"], text: row["text"],
                notedAt: row["noted_at"])
        }
    }
}
