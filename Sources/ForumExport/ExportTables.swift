import ForumCore
import ForumStore

/// The shape of the exported files. Every file has one row (CSV line, JSON object) per item;
/// JSON keys are the CSV column names (snake_case), and JSON has `null` where CSV is empty.
///
/// `votes.csv` / `votes.json`: one row per final vote (a device's latest vote in a round).
/// Device tokens are left out.
///
///     session, session_title, story, story_title, run, round, scene, question,
///     option, option_label, perspective, voted_at, times_changed, voter, place, venue
///
/// - `perspective`: of the final vote (it follows a later change of perspective); empty/null
///   when none.
/// - `voted_at`: when the device last cast a vote in the round, ISO-8601 UTC with
///   milliseconds.
/// - `times_changed`: how many times the device changed its vote in the round (0: voted once).
/// - `voter`: a pseudonymous key, `V` and 8 random characters drawn afresh for each export
///   (``VoterKeys``): the same device has the same key on every row of one export, so votes can
///   be paired across rounds, but the key is not the device token and means nothing outside
///   the export (another export of the same database gives other keys).
/// - `place` *(addition)*: `room` or `remote`, of the final vote (it follows a later change
///   of place); empty/null when the device did not say.
/// - `venue` *(addition)*: the venue the vote was cast at, in a show held in several venues
///   at once (`forum serve --venue`); empty/null on a single-machine show.
///
/// `rounds.csv` / `rounds.json`: one row per round × option asked (options with no votes
/// included), counting final votes.
///
///     session, session_title, story, story_title, run, round, scene, question,
///     option, option_label, count, perspective_<id>..., no_perspective, place_room, place_remote,
///     no_place, venue_<name>..., no_venue, from_audience
///
/// - `perspective_<id>`: one column per perspective found among the export's final votes,
///   sorted by id, the same columns on every row (0 where none); in JSON these are one
///   object, `by_perspective: {"<id>": n, ...}`, with the same keys on every row.
/// - `no_perspective`: final votes from devices with no perspective.
/// - `count` = the sum of the perspective columns and `no_perspective`.
/// - *(addition)* `place_room`, `place_remote`, `no_place`: the same final votes by place (in
///   JSON `by_place: {"room": n, "remote": n}` and `no_place`); their sum is `count` too.
/// - *(addition)* `venue_<name>`: one column per venue found among the export's final votes,
///   sorted, the same on every row (none on a single-machine show), and `no_venue` (votes cast
///   at no named venue: all of them on a single-machine show); in JSON `by_venue: {"<name>": n}`
///   and `no_venue`. Their sum is `count` too.
/// - *(addition)* `from_audience`: `yes` for an option the room proposed and the host adopted
///   (a moderated proposal put to the vote), `no` for the story's own (in JSON a boolean).
///
/// Counts are exact, small groups included: the files are for organisers' analysis. Reports
/// shown to people should hide small groups: see ``SmallGroupSuppression``.
///
/// Rows come in show order: by run, then round, then (votes) the order of the final rows or
/// (rounds) the order of the options.
struct ExportTables {
    /// Column names of `votes.*`.
    static let voteColumns =
        contextColumns + [
            "option", "option_label", "perspective", "voted_at", "times_changed", "voter", "place", "venue",
        ]

    private static let contextColumns = [
        "session", "session_title", "story", "story_title", "run", "round", "scene", "question",
    ]

    /// The results to export.
    let results: ShowResults

    /// Perspectives found among the final votes, sorted.
    var perspectives: [String] {
        Set(results.tallies.flatMap(\.byPerspective.keys)).sorted()
    }

    /// Column names of `rounds.csv`.
    var roundColumns: [String] {
        Self.roundColumnsBeforePerspectives + perspectives.map { "perspective_" + $0 } + ["no_perspective"]
            + Place.allCases.map { "place_" + $0.rawValue } + ["no_place"] + venues.map { "venue_" + $0 } + ["no_venue"]
            + ["from_audience"]
    }

    /// *(addition)* Venues found among the final votes (a show held in several venues), sorted.
    var venues: [String] {
        Set(results.tallies.flatMap(\.byVenue.keys)).sorted()
    }

    /// One row of `votes.*` per final vote, in ``voteColumns`` order.
    var voteRows: [[ExportValue]] {
        let keys = VoterKeys(results.finalVotes.map(\.device))
        return results.finalVotes.map { vote in
            Self.context(vote.round) + [
                .text(vote.optionID), .text(vote.optionLabel), .text(vote.perspective),
                .text(StoreTime.text(vote.votedAt)), .number(vote.timesChanged), .text(keys.key(for: vote.device)),
                .text(vote.place?.rawValue), .text(vote.venue),
            ]
        }
    }

    /// One row of `rounds.csv` per option, in ``roundColumns`` order.
    var roundCSVRows: [[ExportValue]] {
        let (perspectives, venues) = (perspectives, venues)
        return results.tallies.map { tally in
            Self.valuesBeforePerspectives(tally) + perspectives.map { .number(tally.byPerspective[$0] ?? 0) }
                + [.number(tally.noPerspective)] + Place.allCases.map { .number(tally.byPlace[$0] ?? 0) }
                + [.number(tally.noPlace)] + venues.map { .number(tally.byVenue[$0] ?? 0) } + [.number(tally.noVenue)]
                + [.flag(AudienceOption.isAudience(tally.optionID))]
        }
    }

    /// One object of `rounds.json` per option: the CSV's keys, with the perspective columns
    /// gathered into `by_perspective`.
    var roundJSONObjects: [[String: ExportValue]] {
        let (perspectives, venues) = (perspectives, venues)
        return results.tallies.map { tally in
            var object = Dictionary(
                uniqueKeysWithValues: zip(Self.roundColumnsBeforePerspectives, Self.valuesBeforePerspectives(tally)))
            object["by_perspective"] = .counts(
                Dictionary(uniqueKeysWithValues: perspectives.map { ($0, tally.byPerspective[$0] ?? 0) }))
            object["no_perspective"] = .number(tally.noPerspective)
            object["by_place"] = .counts(
                Dictionary(uniqueKeysWithValues: Place.allCases.map { ($0.rawValue, tally.byPlace[$0] ?? 0) }))
            object["no_place"] = .number(tally.noPlace)
            object["by_venue"] = .counts(Dictionary(uniqueKeysWithValues: venues.map { ($0, tally.byVenue[$0] ?? 0) }))
            object["no_venue"] = .number(tally.noVenue)
            object["from_audience"] = .flag(AudienceOption.isAudience(tally.optionID))
            return object
        }
    }

    private static let roundColumnsBeforePerspectives = contextColumns + ["option", "option_label", "count"]

    private static func valuesBeforePerspectives(_ tally: OptionTally) -> [ExportValue] {
        context(tally.round) + [.text(tally.optionID), .text(tally.optionLabel), .number(tally.count)]
    }

    private static func context(_ round: RoundContext) -> [ExportValue] {
        [
            .text(round.sessionID), .text(round.sessionTitle), .text(round.storyID), .text(round.storyTitle),
            .text(round.runID), .text(round.roundID), .text(round.sceneID), .text(round.question),
        ]
    }
}
