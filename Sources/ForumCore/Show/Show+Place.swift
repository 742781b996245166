import Foundation

/// Where devices take part from *(addition)*: said, changed and cleared as the perspective
/// is, never needed to vote, and the split of a round by it.
extension Show {
    /// The place the device said it takes part from, nil if it did not say.
    public func place(of device: String) -> Place? {
        places[device]
    }

    /// The dimension the room sees the current scene's results split by (perspective until
    /// the host splits by place).
    public var splitDimension: SplitDimension { snapshot.run?.splitBy ?? .perspective }

    /// Holds the place a device not yet the show's said, in memory only: it counts in the
    /// host's figures by place and comes back in the device's welcome, and is stored with
    /// the device when it is enlisted (``enlist(device:at:)``).
    public mutating func holdPlace(_ place: Place, device: String) {
        guard !knows(device: device) else { return }
        places[device] = place
    }

    /// At least how many places are held for devices not yet the show's (cheap: a bound,
    /// not a count).
    public var heldPlacesAtLeast: Int { places.count - devices.count }

    /// Drops the held places of devices not yet the show's for which `keep` is false (phones
    /// gone idle past the session's cap).
    public mutating func forgetHeldPlaces(keeping keep: (String) -> Bool) {
        places = places.filter { knows(device: $0.key) || keep($0.key) }
    }

    /// Puts back the places a store kept, on a restart.
    public mutating func restorePlaces(_ stored: [String: Place]) {
        places = stored
    }

    /// Sets or clears a device's place. A device that already voted in the open round gets
    /// its vote re-recorded under the new place (returned among the records; count it once
    /// stored). Setting the place it already has records nothing.
    public mutating func setPlace(device: String, to place: Place?, at time: Date) -> [ShowRecord] {
        guard places[device] != place else { return [] }
        places[device] = place
        var records: [ShowRecord] = [.devicePlace(DevicePlace(device: device, place: place, at: time))]
        if let round, round.status == .open, let ballot = ballots?.byDevice[device] {
            records.append(
                .vote(
                    VoteRecord(
                        roundID: round.roundID, device: device, optionID: ballot.optionID,
                        perspective: ballot.perspective, place: place, reason: .place, at: time)))
        }
        return records
    }

    /// Fixes the split's dimension for this scene visit on the first `split` on; asking for
    /// the other one afterwards is refused, so the room never sees one round split two ways
    /// (two splits of the same votes could be subtracted from each other).
    mutating func fixSplit(_ asked: SplitDimension?) throws(ShowError) {
        let fixed = snapshot.run?.splitBy
        let dimension = asked ?? fixed ?? .perspective
        if let fixed, fixed != dimension {
            throw ShowError(
                ErrorCode.splitFixed.rawValue,
                "This vote has been split by \(fixed.rawValue) already: the room sees one split per round, "
                    + "so that nobody can be worked out by comparing two. Replay the scene for a new round.")
        }
        snapshot.run?.splitBy = dimension
    }
}
