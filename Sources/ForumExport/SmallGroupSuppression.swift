import ForumCore
import ForumStore

/// Hides small groups in a breakdown shown to people (a printed or shared report) with the
/// room's rule, ``ShownSplit``: the same rule as the projector and the phones, so a report
/// can never show more than the room saw. Exports for organisers keep exact counts and do
/// not use this.
public enum SmallGroupSuppression {
    /// What may be shown of one round's split by perspective. `round` is that round's
    /// option tallies (``ForumStore/ShowResults/tallies`` of one round id, in option order).
    public static func split(of round: [OptionTally], threshold: Int = Show.smallGroupThreshold) -> ShownSplit {
        ShownSplit(of: tally(of: round), threshold: threshold)
    }

    /// What may be shown of one round's split by place *(addition)*: the same rule, on its own
    /// (docs/privacy.md: a report shows the two splits of a round only as the rule allows).
    public static func placeSplit(of round: [OptionTally], threshold: Int = Show.smallGroupThreshold) -> ShownSplit {
        ShownSplit(of: tally(of: round), by: .place, threshold: threshold)
    }

    /// One round's option tallies as a ``Tally`` (every option present, zeros included).
    public static func tally(of round: [OptionTally]) -> Tally {
        let options = round.sorted { $0.position < $1.position }.map(\.optionID)
        var byPerspective: [String: [String: Int]] = [:]
        for option in round {
            for (perspective, count) in option.byPerspective {
                byPerspective[perspective, default: Dictionary(uniqueKeysWithValues: options.map { ($0, 0) })][
                    option.optionID] = count
            }
        }
        return Tally(
            roundID: round.first?.round.roundID ?? "", optionOrder: options,
            counts: Dictionary(uniqueKeysWithValues: round.map { ($0.optionID, $0.count) }),
            byPerspective: byPerspective,
            noPerspective: Dictionary(uniqueKeysWithValues: round.map { ($0.optionID, $0.noPerspective) }),
            byPlace: byPlace(of: round, options: options),
            noPlace: Dictionary(uniqueKeysWithValues: round.map { ($0.optionID, $0.noPlace) }))
    }

    private static func byPlace(of round: [OptionTally], options: [String]) -> [Place: [String: Int]] {
        var result: [Place: [String: Int]] = [:]
        for option in round {
            for (place, count) in option.byPlace where count > 0 {
                result[place, default: Dictionary(uniqueKeysWithValues: options.map { ($0, 0) })][option.optionID] =
                    count
            }
        }
        return result
    }
}
