extension Show {
    /// True while 1 to ``smallGroupThreshold`` − 1 people have voted in the current round: then
    /// the room (phones and projector) sees no counts at all, since the whole room would be a
    /// group of fewer than 5 whose votes could be read ("2 votes: 1 and 1", and you know the
    /// other person's). The host sees them. Votes can change but never be withdrawn, so once
    /// 5 people have voted the counts stay shown.
    ///
    /// On a shared show the voters are counted across every venue: the rule holds for the
    /// sum, never for one venue alone. Constant time for a single-machine show (it is asked
    /// for every phone's state): the ballots' count is the tally's total.
    public var tooFewVotersToShow: Bool {
        guard let ballots, scene?.decision != nil else { return false }
        let voters = ballots.byDevice.count + (elsewhere.isEmpty ? 0 : elsewhere.voters(for: ballots.roundID))
        return (1..<Self.smallGroupThreshold).contains(voters)
    }
}
