import GRDB

/// Migration "v7-votes-by-round" *(addition)*: `votes` is indexed by round alone (each
/// entry carries the row's id, so a round's votes lie in the order they were cast), instead of
/// by round and device and by device.
///
/// Device tokens are random, so the two old indexes put each new vote on a different page:
/// a commit of a few hundred votes rewrote a few hundred index pages into the WAL (about one
/// 4 KiB page a vote, measured in the bench). Entries in cast order fill one page after
/// another. The queries that read a round's latest vote per device scan the round's entries
/// (`votes_by_round`) and group them: milliseconds for a round of 10,000 votes.
extension Schema {
    static let version7VotesByRound = """
        DROP INDEX votes_by_round_device;
        DROP INDEX votes_by_device;
        CREATE INDEX votes_by_round ON votes (round_id);
        """
}
