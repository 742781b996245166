/// Where someone takes part from, as they said themselves (optional, changeable, never
/// needed to vote): in the room with the actors, or following remotely.
public enum Place: String, Sendable, Hashable, Comparable, CaseIterable, Codable {
    case room
    case remote

    /// Room first, then remote: the order of ``ShownSplit``'s tie-break and of every table.
    public static func < (lhs: Place, rhs: Place) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// Which way the room sees a round's results split: by perspective (the default) or by place.
public enum SplitDimension: String, Sendable, Equatable, CaseIterable, Codable {
    case perspective
    case place
}

/// The link people following remotely join with, and where its QR code is served.
public struct RemoteJoin: Sendable, Equatable {
    /// The address remote people open (it preselects "following remotely").
    public var url: String
    /// The path of its QR code's SVG (`/qr/remote.svg`), nil if none is served.
    public var qr: String?

    /// A remote link and its QR code's path.
    public init(url: String, qr: String?) {
        self.url = url
        self.qr = qr
    }
}
