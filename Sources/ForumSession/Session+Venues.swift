import ForumCore
import Foundation

/// A show shared between venues (docs/venues.md): host commands become writes of one
/// shared entry, compare-and-set, so two hosts can never fork the show; every venue follows
/// the entry, counts its own votes and sums the others' reports into the tally.
extension Session {
    /// Makes this session one venue of a shared show, its database at the shared entry's
    /// `revision` (0: none kept). Call before the first event.
    public func shareStage(asVenue venue: String, revision: UInt64 = 0) {
        link = VenueLink(
            venue: venue, seal: StageSeal(hostKey: hostKey), library: StageSeal.sha256(show.library.shapeText))
        link?.revision = revision
        link?.latest = revision
    }

    /// The venue this session is, on a shared show.
    public var venueName: String? { link?.venue }

    /// A host command (or a timed vote's end, with no connection) on a shared show: worked
    /// out on a copy of the show and written to the hub; carried out here once written.
    func shareCommand(_ command: HostCommand, ref: String?, from id: ConnectionID?) {
        guard var link else { return }
        guard link.writing == nil else {
            link.waiting.append((id, ref, command))
            self.link = link
            return
        }
        var copy = show
        let records: [ShowRecord]
        do {
            records = try copy.perform(command, at: now.date)
        } catch {
            if let id { sendError(to: id, ProtocolError(error.code, error.message, ref: ref), options: error.options) }
            return nextWaiting()
        }
        let entry = StageEntry(
            previous: link.revision, venue: link.venue, command: command.name.rawValue, at: now.date,
            snapshot: copy.snapshot, records: records.compactMap(StageRecord.init), library: link.library)
        guard let body = try? entry.encoded() else { return nextWaiting() }
        let ticket = link.nextTicket
        link.nextTicket += 1
        link.writing = VenueLink.Write(ticket: ticket, command: command, connection: id, ref: ref, entry: entry)
        self.link = link
        actions.append(.writeStage(link.seal.seal(body), expecting: link.latest, ticket: ticket))
    }

    /// The hub's answer to a write.
    func stageWritten(ticket: UInt64, result: StageWriteResult) {
        guard let write = link?.writing, write.ticket == ticket else { return }
        link?.writing = nil
        switch result {
        case .written(let revision):
            let latest = max(link?.latest ?? 0, revision)
            link?.latest = latest
            if revision > link?.revision ?? 0 { carryOut(write, at: revision) }
        case .conflict:
            if let id = write.connection {
                sendError(
                    to: id,
                    ProtocolError(
                        .stageMoved,
                        "The show moved on from another venue just now: look again, and repeat if still needed.",
                        ref: write.ref))
            }
        case .failed(let reason):
            logger.warning("the shared show could not be written", metadata: ["error": "\(reason)"])
            if let id = write.connection {
                sendError(
                    to: id,
                    ProtocolError(
                        .venuesUnreachable,
                        "The other venues cannot be reached, so the show cannot move on from here: "
                            + "phones here keep voting; try again once the link is back.", ref: write.ref))
            }
        }
        nextWaiting()
    }

    /// Carries out this venue's own command once the hub holds it: the same command on the
    /// show as it is now (votes may have come meanwhile), brought to the written position if
    /// that differs; the host is answered once the records are stored.
    private func carryOut(_ write: VenueLink.Write, at revision: UInt64) {
        var records = (try? show.perform(write.command, at: write.entry.at)) ?? []
        if show.snapshot != write.entry.snapshot {
            records += show.adopt(write.entry.snapshot, records: nil, at: write.entry.at) ?? []
        }
        records.append(.sharedRevision(revision))
        link?.revision = revision
        logger.info("host command", metadata: ["command": "\(write.command.name.rawValue)", "revision": "\(revision)"])
        if records.isEmpty {
            if let id = write.connection {
                send(ServerMessages.commandAck(ref: write.ref, command: write.command.name), to: id)
            }
        } else {
            let ticket = store(records)
            if let id = write.connection {
                pending[ticket] = .command(connection: id, ref: write.ref, name: write.command.name)
            }
        }
        broadcastState()
        tellProposers(records)
    }

    private func nextWaiting() {
        guard link?.writing == nil, let next = link?.waiting.first else { return }
        link?.waiting.removeFirst()
        shareCommand(next.command, ref: next.ref, from: next.connection)
    }

    /// The shared entry changed at the hub: follow it.
    func stageChanged(_ sealed: [UInt8], revision: UInt64) {
        guard var link, revision > link.revision else { return }
        link.latest = max(link.latest, revision)
        self.link = link
        guard let body = link.seal.open(sealed), let entry = try? StageEntry.decoded(body) else {
            return refuse("it is not sealed with this show's host key", revision: revision)
        }
        guard entry.library == link.library else {
            return refuse("it runs other stories than this venue (check --scenarios)", revision: revision)
        }
        guard entry.previous >= link.revision, entry.previous < revision,
            entry.snapshot.roundsOpened >= show.snapshot.roundsOpened,
            entry.snapshot.runsStarted >= show.snapshot.runsStarted
        else { return refuse("it is older than the show here (written again?)", revision: revision) }
        if let write = link.writing, write.entry == entry {  // our own write, seen before its answer
            self.link?.writing = nil
            carryOut(write, at: revision)
            return nextWaiting()
        }
        let consecutive = entry.previous == link.revision
        guard let records = show.adopt(entry.snapshot, records: consecutive ? entry.records : nil, at: entry.at) else {
            return refuse("it names a story or scene this venue does not have", revision: revision)
        }
        self.link?.revision = revision
        logger.info(
            "followed the shared show",
            metadata: ["command": "\(entry.command)", "venue": "\(entry.venue)", "revision": "\(revision)"])
        store(records + [.sharedRevision(revision)])
        broadcastState()
    }

    private func refuse(_ why: String, revision: UInt64) {
        link?.refused += 1
        logger.error("a shared show entry was refused", metadata: ["why": "\(why)", "revision": "\(revision)"])
    }

    /// Another venue's report (this venue's own are ignored).
    func venueReported(_ bytes: [UInt8]) {
        guard let link, let report = VenueReport(bytes: bytes), report.venue != link.venue else { return }
        self.link?.heard[report.venue] = (report, now.seconds)
        if let round = report.round { show.countElsewhere(venue: report.venue, round: round, counts: report.counts) }
        if report.round == show.round?.roundID { tallyDirty = true }
        if show.countStopsElsewhere(venue: report.venue, visit: report.visit, count: report.stops) { voiceDirty = true }
    }

    /// At each tick of a shared show: this venue's report, a timed vote's end offered to the
    /// hub (once a second while it is due), and the hosts told when the venues change.
    func venueTick() {
        guard let link else { return }
        let report = VenueReport(
            venue: link.venue, round: show.round?.roundID,
            counts: show.localTally.map(RoundCounts.init) ?? RoundCounts(),
            phones: audienceConnected, votes: link.votesStored, behind: link.votesBehind,
            visit: show.voiceSettings.visit, stops: show.localStopCount)
        actions.append(.reportVenue(report.bytes))
        if let round = show.round, round.status == .open, let deadline = round.closesAt, deadline <= now.date,
            link.writing == nil, now.seconds - link.lastExpiryAttempt >= 1
        {
            self.link?.lastExpiryAttempt = now.seconds
            shareCommand(.close, ref: nil, from: nil)
        }
        let statuses = venueStatuses ?? []
        let seen = statuses.map { status -> VenueStatus in
            var status = status
            status.heardMsAgo = status.connected ? 0 : status.heardMsAgo / 1000
            return status
        }
        if seen != link.shown {
            self.link?.shown = seen
            sendHostsState()
        }
    }

    /// Each venue as the host sees it, in name order (nil on a single-machine show).
    var venueStatuses: [VenueStatus]? {
        guard let link else { return nil }
        var statuses = [
            VenueStatus(
                name: link.venue, phones: audienceConnected, votes: link.votesStored, behind: link.votesBehind,
                connected: link.hubReachable, heardMsAgo: 0, here: true)
        ]
        for (name, heard) in link.heard {
            let ago = max(0, Int((now.seconds - heard.at) * 1000))
            statuses.append(
                VenueStatus(
                    name: name, phones: heard.report.phones, votes: heard.report.votes, behind: heard.report.behind,
                    connected: Double(ago) / 1000 < VenueLink.heardWithin, heardMsAgo: ago, here: false))
        }
        return statuses.sorted { $0.name < $1.name }
    }

    /// Phones connected at the other venues, as last reported.
    var phonesElsewhere: Int {
        link?.heard.values.reduce(0) { $0 + $1.report.phones } ?? 0
    }
}
