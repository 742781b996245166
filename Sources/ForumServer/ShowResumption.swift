import ForumCore
import ForumStore

/// Rebuilds the show from what the database kept: position, devices and their
/// perspectives, and the latest vote of each device in the current round and in each round
/// that `undo` can bring back.
enum ShowResumption {
    static func resume(library: Library, from database: ForumDatabase) throws -> Show {
        let snapshot = try database.loadSnapshot() ?? ShowSnapshot()
        var devices: [String: String?] = [:]
        var places: [String: Place] = [:]
        for device in try database.devices() {
            devices[device.token] = .some(device.perspective)
            places[device.token] = device.place
        }
        var votes: [String: Ballots.Ballot] = [:]
        if let round = snapshot.run?.round {
            for vote in try database.latestVotes(round: round.roundID) {
                votes[vote.device] = Ballots.Ballot(
                    optionID: vote.optionID, perspective: vote.perspective, place: vote.place)
            }
        }
        var kept: [String: [String: Ballots.Ballot]] = [:]
        for roundID in snapshot.undo.compactMap(\.run.round?.roundID) {
            for vote in try database.latestVotes(round: roundID) {
                kept[roundID, default: [:]][vote.device] = Ballots.Ballot(
                    optionID: vote.optionID, perspective: vote.perspective, place: vote.place)
            }
        }
        var show = Show(library: library, snapshot: snapshot, devices: devices, roundVotes: votes, keptVotes: kept)
        show.resumeVoice(stops: try database.stops(visit: snapshot.voice.visit), proposals: try database.proposals())
        show.restorePlaces(places)
        return show
    }
}
