import ForumStore

/// The stage record in an export (schema v4 on; older databases give routes of their start
/// scenes only and no notes). JSON keys are the CSV column names.
///
/// `timeline.csv` / `timeline.json`: one row per round.
///
///     session, story, run, round, scene, question, replay_of, status, opened_at, closed_at,
///     revealed_at
///
/// - `replay_of`: for a round opened on a scene put on again by `replay`, the earlier round
///   of that scene in the run; empty/null otherwise.
/// - times are ISO-8601 UTC with milliseconds; `closed_at`/`revealed_at` empty while not yet.
///
/// `route.csv` / `route.json`: one row per scene each run showed, in order (moves taken back
/// by `undo` left out).
///
///     session, story, run, step, scene, command, round, option, room_choice, followed_room
///
/// - `step`: 0 for the scene the run started on, then 1, 2, ...
/// - `scene`: the scene reached; empty when the option taken ended the story.
/// - `command`: how the room got there (`start`, `next`, `follow`, `choose`, `goto`, `back`,
///   `replay`).
/// - `round`, `option`, `room_choice`, `followed_room` (after `follow`/`choose`): the round
///   decided, the option followed, the room's winner then (empty: no votes or a tie) and
///   `yes`/`no` (JSON: true/false) for whether the show followed the room.
///
/// `notes.csv` / `notes.json`: the facilitator's notes: `run, scene, round, text, noted_at`.
struct ExportStageTables {
    let stage: ShowStage

    static let timelineColumns = [
        "session", "story", "run", "round", "scene", "question", "replay_of", "status", "opened_at", "closed_at",
        "revealed_at",
    ]
    static let routeColumns = [
        "session", "story", "run", "step", "scene", "command", "round", "option", "room_choice", "followed_room",
    ]
    static let noteColumns = ["run", "scene", "round", "text", "noted_at"]

    var timelineRows: [[ExportValue]] {
        let runs = Dictionary(uniqueKeysWithValues: stage.runs.map { ($0.runID, $0) })
        return stage.rounds.map { round in
            [
                .text(runs[round.runID]?.sessionID), .text(runs[round.runID]?.storyID), .text(round.runID),
                .text(round.roundID), .text(round.sceneID), .text(round.question), .text(round.replayOf),
                .text(round.status), .text(round.openedAt), .text(round.closedAt), .text(round.revealedAt),
            ]
        }
    }

    var routeRows: [[ExportValue]] {
        stage.runs.flatMap { run in
            let head: [ExportValue] = [.text(run.sessionID), .text(run.storyID), .text(run.runID)]
            var rows: [[ExportValue]] = [
                head + [.number(0), .text(run.startScene), .text("start"), .null, .null, .null, .null]
            ]
            for (index, move) in run.moves.enumerated() {
                let followed: ExportValue = move.followedRoom.map(ExportValue.flag) ?? .null
                let decision: [ExportValue] = [
                    .text(move.roundID), .text(move.optionID), .text(move.roomChoice), followed,
                ]
                rows.append(head + [.number(index + 1), .text(move.toScene), .text(move.command)] + decision)
            }
            return rows
        }
    }

    var noteRows: [[ExportValue]] {
        stage.notes.map { note in
            [.text(note.runID), .text(note.sceneID), .text(note.roundID), .text(note.text), .text(note.notedAt)]
        }
    }
}
