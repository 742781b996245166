import ForumCore

extension Session {
    /// A phone's `place` message *(addition)*: stored (with its vote re-recorded under the new
    /// place, if it voted in the open round), then acknowledged; the same place again is
    /// acknowledged at once.
    func setPlace(_ place: Place?, from id: ConnectionID, role: ClientMessage.Role, ref: String?) {
        guard role == .audience, let device = connections[id]?.device else {
            sendError(to: id, ProtocolError(.forbidden, "Only audience connections have a place.", ref: ref))
            return
        }
        store(enlist(device))
        let records = show.setPlace(device: device, to: place, at: now.date)
        guard !records.isEmpty else {
            send(ServerMessages.placeAck(ref: ref, place: place), to: id)
            return
        }
        for record in records {
            let ticket = store([record])
            if case .vote(let vote) = record {
                pending[ticket] = .recount(vote)
            } else {
                pending[ticket] = .place(connection: id, ref: ref, place: place)
            }
        }
    }

    /// The place a phone's hello says (the remote link preselects one). A phone already the
    /// show's has it stored; one that has done nothing yet has it held in memory only, stored
    /// with the device at its first act (``enlist(_:)``), so that phones that only look grow
    /// neither the database nor, past the idle phones' cap, memory.
    func helloPlace(_ place: Place, device: String) {
        if show.knows(device: device) {
            store(show.setPlace(device: device, to: place, at: now.date))
            return
        }
        if show.heldPlacesAtLeast > 2 * (newDevices.count + 64) {
            show.forgetHeldPlaces { newDevices.knows($0) }
        }
        show.holdPlace(place, device: device)
    }
}
