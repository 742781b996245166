/// How many votes arrived in the last whole second: the demand that load shedding answers.
/// Refused votes count too, so a flood that goes on keeps being shed until it stops.
struct VoteArrivals {
    private var second = Int.min
    private var thisSecond = 0
    private var lastSecond = 0

    /// A vote message arrived at `seconds`.
    mutating func arrived(at seconds: Double) {
        let whole = Int(seconds.rounded(.down))
        if whole != second {
            lastSecond = whole == second &+ 1 ? thisSecond : 0
            thisSecond = 0
            second = whole
        }
        thisSecond += 1
    }

    /// Votes a second around `seconds`: the busier of this second so far and the one before.
    func perSecond(at seconds: Double) -> Int {
        let whole = Int(seconds.rounded(.down))
        if whole == second { return max(thisSecond, lastSecond) }
        if whole == second &+ 1 { return thisSecond }
        return 0
    }
}
