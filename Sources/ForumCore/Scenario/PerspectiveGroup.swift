/// Perspectives read together in the report, such as "lived experience" (people who used the
/// services and their carers) beside "professionals" (`perspective_groups` in event.yaml).
public struct PerspectiveGroup: Sendable, Equatable, Codable {
    public var id: String
    public var label: String
    /// The perspective ids in the group; a perspective is in one group at most.
    public var perspectives: [String]

    public init(id: String, label: String, perspectives: [String]) {
        self.id = id
        self.label = label
        self.perspectives = perspectives
    }
}

extension Tally {
    /// The same votes split by perspective group: each group's perspectives added up under
    /// the group's id; perspectives in no group, and devices with no perspective, as they are.
    /// The overall counts do not change, so the small-group rule applies as to any tally.
    public func grouped(by groups: [PerspectiveGroup]) -> Tally {
        var groupOf: [String: String] = [:]
        for group in groups {
            for perspective in group.perspectives { groupOf[perspective] = group.id }
        }
        var byGroup: [String: [String: Int]] = [:]
        for (perspective, counts) in byPerspective {
            byGroup[groupOf[perspective] ?? perspective, default: [:]].merge(counts, uniquingKeysWith: +)
        }
        return Tally(
            roundID: roundID, optionOrder: optionOrder, counts: counts, byPerspective: byGroup,
            noPerspective: noPerspective)
    }
}
