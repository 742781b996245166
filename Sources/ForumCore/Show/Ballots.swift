/// The votes that count in one round: the latest acknowledged vote of each device.
public struct Ballots: Sendable, Equatable {
    /// One device's counted vote.
    public struct Ballot: Sendable, Equatable {
        public var optionID: String
        public var perspective: String?
        /// *(addition)* Where the device said it takes part from when the vote was recorded.
        public var place: Place?
        public init(optionID: String, perspective: String?, place: Place? = nil) {
            self.optionID = optionID
            self.perspective = perspective
            self.place = place
        }
    }

    public let roundID: String
    public private(set) var byDevice: [String: Ballot] = [:]
    /// The counts, kept up to date by ``record(device:_:)`` so that a tally costs the size of
    /// the decision, not the number of voters: option id → ballots, overall, per
    /// perspective, and with no perspective (an entry that falls to zero is removed).
    private var counts: [String: Int] = [:]
    private var byPerspective: [String: [String: Int]] = [:]
    private var noPerspective: [String: Int] = [:]
    private var byPlace: [Place: [String: Int]] = [:]
    private var noPlace: [String: Int] = [:]

    public init(roundID: String) {
        self.roundID = roundID
    }

    /// Counts `ballot` as the device's vote, replacing any earlier one.
    public mutating func record(device: String, _ ballot: Ballot) {
        if let earlier = byDevice.updateValue(ballot, forKey: device) { add(earlier, -1) }
        add(ballot, 1)
    }

    private mutating func add(_ ballot: Ballot, _ change: Int) {
        Self.add(change, to: ballot.optionID, in: &counts)
        if let perspective = ballot.perspective {
            Self.add(change, to: ballot.optionID, in: &byPerspective[perspective, default: [:]])
            if byPerspective[perspective]?.isEmpty == true { byPerspective[perspective] = nil }
        } else {
            Self.add(change, to: ballot.optionID, in: &noPerspective)
        }
        if let place = ballot.place {
            Self.add(change, to: ballot.optionID, in: &byPlace[place, default: [:]])
            if byPlace[place]?.isEmpty == true { byPlace[place] = nil }
        } else {
            Self.add(change, to: ballot.optionID, in: &noPlace)
        }
    }

    private static func add(_ change: Int, to option: String, in counts: inout [String: Int]) {
        let count = counts[option, default: 0] + change
        counts[option] = count == 0 ? nil : count
    }

    /// The tally of these ballots over the round's options (every option present, zeros
    /// included).
    public func tally(options: [Option]) -> Tally {
        let zeros = Dictionary(uniqueKeysWithValues: options.map { ($0.id, 0) })
        let merged = { (counts: [String: Int]) in zeros.merging(counts) { $1 } }
        return Tally(
            roundID: roundID, optionOrder: options.map(\.id), counts: merged(counts),
            byPerspective: byPerspective.mapValues(merged), noPerspective: merged(noPerspective),
            byPlace: byPlace.mapValues(merged), noPlace: merged(noPlace))
    }

    public static func == (lhs: Ballots, rhs: Ballots) -> Bool {
        lhs.roundID == rhs.roundID && lhs.byDevice == rhs.byDevice
    }
}

/// Counted votes of one round, overall and by perspective.
public struct Tally: Sendable, Equatable {
    public var roundID: String
    /// Option ids in the decision's order.
    public var optionOrder: [String]
    public var counts: [String: Int]
    /// Perspective id → option id → count (devices that gave a perspective).
    public var byPerspective: [String: [String: Int]]
    /// Option id → count for devices that gave no perspective.
    public var noPerspective: [String: Int]
    /// *(addition)* Place → option id → count (devices that said where they take part from).
    public var byPlace: [Place: [String: Int]]
    /// *(addition)* Option id → count for devices that did not say.
    public var noPlace: [String: Int]

    /// A tally from its parts (a round's counts read back from a store, a test's room).
    /// Without `noPlace`, nobody said where they take part from (the overall counts).
    public init(
        roundID: String, optionOrder: [String], counts: [String: Int], byPerspective: [String: [String: Int]],
        noPerspective: [String: Int], byPlace: [Place: [String: Int]] = [:], noPlace: [String: Int]? = nil
    ) {
        self.byPlace = byPlace
        self.noPlace = noPlace ?? counts
        self.roundID = roundID
        self.optionOrder = optionOrder
        self.counts = counts
        self.byPerspective = byPerspective
        self.noPerspective = noPerspective
    }

    /// Devices whose vote counts.
    public var total: Int { counts.values.reduce(0, +) }

    /// The option ids with the most votes, in the decision's order (several on a tie,
    /// all of them when nobody voted).
    public var leaders: [String] {
        let best = counts.values.max() ?? 0
        return optionOrder.filter { counts[$0, default: 0] == best }
    }

    /// How many voters gave each perspective.
    public func voters(of perspective: String) -> Int {
        byPerspective[perspective]?.values.reduce(0, +) ?? 0
    }
}
