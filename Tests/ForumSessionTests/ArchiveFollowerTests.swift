import ForumCore
import ForumSession
import Logging
import Testing

/// The archive keeps the day from the hub's stream, without NATS: copies of the shared entry
/// (as venues wrote them through ``VenueHub``) and votes, in stream order.
@Suite struct ArchiveFollowerTests {
    let names = SharedShowNames(show: "day")!

    /// A shared show run at venue "a" through the hub: start, next, open. Returns the hub's
    /// copies of each entry, in revision order, as the stream keeps them.
    func stageCopies() -> (hub: VenueHub, copies: [[UInt8]], host: ConnectionID, venue: SessionDriver) {
        let hub = VenueHub()
        let venue = hub.venue("a")
        let host = venue.join(.host).id
        var copies: [[UInt8]] = []
        for command in [HostCommand.start(story: "night"), .next, .open(seconds: nil)] {
            venue.say(host, .command(command), ref: "c")
            hub.settle()
            venue.commit()
            copies.append(StageCopy.bytes(revision: hub.revision, entry: hub.entry!))
        }
        return (hub, copies, host, venue)
    }

    func follower(hostKey: String = SessionDriver.hostKey) -> ArchiveFollower {
        ArchiveFollower(
            show: Show(library: SessionDriver.library), hostKey: hostKey, revision: 0, rounds: [],
            logger: Logger(label: "test"))
    }

    func vote(_ venue: String, _ sequence: Int64, round: String = "D1") -> [UInt8] {
        RemoteVote(
            venue: venue, sequence: sequence,
            vote: VoteRecord(
                roundID: round, device: "dev-\(venue)-\(sequence)", optionID: "police", perspective: nil,
                at: SessionDriver.t0)
        ).json
    }

    @Test func theArchiveFollowsTheStageAndKeepsTheVotes() {
        let (_, copies, _, _) = stageCopies()
        var archive = follower()
        var records: [ShowRecord] = []
        for copy in copies { records += archive.take(subject: names.stage, data: copy, names: names) }
        #expect(archive.revision == 3)
        #expect(archive.show.round?.roundID == "D1")
        #expect(records.contains { if case .roundOpened(let opening) = $0 { opening.roundID == "D1" } else { false } })
        #expect(records.contains { if case .runStarted = $0 { true } else { false } })
        let votes = archive.take(subject: names.votes(of: "b"), data: vote("b", 1), names: names)
        #expect(votes.count == 1)
        guard case .remoteVotes(let kept) = votes.first else {
            Issue.record("a vote for a round the archive has becomes a remote vote to store")
            return
        }
        #expect(kept.map(\.sequence) == [1])
    }

    @Test func aVoteBeforeItsRoundWaitsForIt() {
        let (_, copies, _, _) = stageCopies()
        var archive = follower()
        for copy in copies.prefix(2) { _ = archive.take(subject: names.stage, data: copy, names: names) }
        #expect(archive.take(subject: names.votes(of: "b"), data: vote("b", 1), names: names).isEmpty)
        #expect(archive.held["D1"]?.count == 1)
        let opened = archive.take(subject: names.stage, data: copies[2], names: names)
        #expect(opened.contains { if case .remoteVotes(let votes) = $0 { votes.count == 1 } else { false } })
        #expect(archive.held.isEmpty)
    }

    @Test func aCopySeenAgainOrNotSealedWithTheHostKeyChangesNothing() {
        let (_, copies, _, _) = stageCopies()
        var archive = follower()
        for copy in copies { _ = archive.take(subject: names.stage, data: copy, names: names) }
        #expect(archive.take(subject: names.stage, data: copies[1], names: names).isEmpty, "an old copy is skipped")
        var stranger = follower(hostKey: "another key")
        #expect(stranger.take(subject: names.stage, data: copies[0], names: names).isEmpty)
        #expect(stranger.refused == 1)
        #expect(stranger.take(subject: names.votes(of: "b"), data: Array("{}".utf8), names: names).isEmpty)
        #expect(stranger.refused == 2, "a message that is no vote is refused")
    }
}
