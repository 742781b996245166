import GRDB

/// Migration "v8-venues" *(addition)*: one show in several venues at once (each venue's
/// database, and the day's archive, hold the votes of every venue).
///
/// - `this_venue` (one row, id 1, or none): the venue this database is, as `forum serve
///   --venue` names it; no row on a single-machine show and in an archive.
/// - `votes.venue`: where the vote was cast (NULL on a single-machine show) and
///   `votes.venue_sequence`: its row id at that venue, NULL for a vote cast here. A vote
///   delivered twice is stored once: (venue, venue_sequence) is unique where it is set.
/// - `votes_need_an_open_round` is recreated for local rows only: a venue cut off from the
///   others may have taken votes after the host closed the round elsewhere, and they count.
///   SQLite cannot alter a trigger, so it is dropped and made again; for a local row it
///   means what it meant. The append-only triggers are untouched.
extension Schema {
    static let version8Venues = """
        CREATE TABLE this_venue (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            name TEXT NOT NULL CHECK (name <> '')
        );

        ALTER TABLE votes ADD COLUMN venue TEXT CHECK (venue <> '');
        ALTER TABLE votes ADD COLUMN venue_sequence INTEGER
            CHECK (venue_sequence IS NULL OR (venue_sequence > 0 AND venue IS NOT NULL));
        CREATE UNIQUE INDEX votes_by_venue_sequence ON votes (venue, venue_sequence)
            WHERE venue_sequence IS NOT NULL;

        DROP TRIGGER votes_need_an_open_round;
        CREATE TRIGGER votes_need_an_open_round BEFORE INSERT ON votes
        WHEN NEW.reason = 'vote' AND NEW.venue_sequence IS NULL
            AND (SELECT status FROM rounds WHERE id = NEW.round_id) IS NOT 'open'
        BEGIN
            SELECT RAISE(ABORT, 'a vote needs an open round');
        END;
        """
}
