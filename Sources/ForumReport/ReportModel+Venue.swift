/// The venues of a show held in several venues at once *(addition)*. A report of a
/// single-machine show (or of one venue alone) has none of these: `report.json` leaves the
/// members out (``OmittedWhenNil``), so it is as it was.
public struct VenuePresent: Sendable, Encodable, Equatable, NullEncoding, OmittedWhenNil {
    /// The venue's name, `no_venue` (votes cast at no named venue) or `everyone_else` (the
    /// people of the venues whose own count is not shown, together).
    public var id: String
    public var label: String
    /// People who voted there (nil: not shown, in the community edition).
    public var phones: Int?
}

/// A round's split by venue as this edition shows it.
public struct VenueSplitReport: Sendable, Encodable, Equatable, NullEncoding, OmittedWhenNil {
    /// Venues (and `no_venue`, `everyone_else`) with their votes; empty when not shown.
    public var groups: [GroupReport]
    /// Venues whose own counts are not shown.
    public var hidden: [String]
    /// `one_split_per_round` when the community edition shows this round by perspective or
    /// by place, and so not by venue; nil otherwise.
    public var withheld: String?
}

/// A member `report.json` leaves out while it is nil, instead of writing `null`: the venues'
/// figures, which only a show held in several venues has.
public protocol OmittedWhenNil {}

extension Array: OmittedWhenNil where Element: OmittedWhenNil {}

/// An optional member that may be left out (see ``NullEncoding``).
protocol OmissibleMember {
    var isOmitted: Bool { get }
}

extension Optional: OmissibleMember where Wrapped: OmittedWhenNil {
    var isOmitted: Bool { self == nil }
}
