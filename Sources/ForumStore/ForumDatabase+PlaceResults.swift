import ForumCore
import GRDB

extension [OptionTally] {
    /// These tallies with their final votes by place *(addition)*: `byPlace` and `noPlace`
    /// of every option, from the same final rows (the latest of each device in a round).
    func withPlaces(_ db: Database, round roundID: String?) throws -> [OptionTally] {
        let counts = try FinalVoteGroups.counts(db, round: roundID, by: "place", group: Place.init(rawValue:))
        return map { tally in
            var tally = tally
            if let entry = counts[tally.round.roundID]?[tally.optionID] {
                tally.byPlace = entry.byGroup
                tally.noPlace = entry.none
            }
            return tally
        }
    }
}
