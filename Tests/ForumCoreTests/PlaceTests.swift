import ForumCore
import Foundation
import Testing

/// Where people take part from: the protocol's `place`, the show keeping it with the device
/// and the ballot, and the host's split by place fixed once per round.
@Suite("In the room or remote")
struct PlaceTests {
    let t0 = ShowFixtures.t0

    func decode(_ text: String) -> Result<(ClientMessage, ref: String?), ProtocolError> {
        ClientMessageDecoder.decode(Array(text.utf8))
    }

    @Test func helloAndPlaceMessagesCarryThePlaceOrNothing() throws {
        let hello = try decode(#"{"type":"hello","role":"audience","place":"remote"}"#).get().0
        #expect(hello == .hello(role: .audience, device: nil, key: nil, place: .remote))
        let plain = try decode(#"{"type":"hello","role":"audience"}"#).get().0
        #expect(plain == .hello(role: .audience, device: nil, key: nil))
        #expect(try decode(#"{"type":"place","place":"room"}"#).get().0 == .place(.room))
        #expect(try decode(#"{"type":"place","place":null}"#).get().0 == .place(nil))
        for bad in [#"{"type":"place"}"#, #"{"type":"place","place":"garden"}"#, #"{"type":"place","place":3}"#] {
            guard case .failure(let error) = decode(bad) else {
                Issue.record("\(bad) was accepted")
                continue
            }
            #expect(error.code == "bad_message")
        }
        let split = try decode(#"{"type":"command","command":"split","args":{"on":true,"by":"place"}}"#).get().0
        #expect(split == .command(.split(true, by: .place)))
        let old = try decode(#"{"type":"command","command":"split","args":{"on":true}}"#).get().0
        #expect(old == .command(.split(true)))
        guard case .failure = decode(#"{"type":"command","command":"split","args":{"on":true,"by":"age"}}"#) else {
            Issue.record("an unknown split dimension was accepted")
            return
        }
    }

    @Test func aPlaceIsKeptWithTheDeviceAndItsVoteAndFollowsAChange() throws {
        var show = try ShowFixtures.showWithOpenRound()
        _ = show.join(device: nil, freshToken: "a", at: t0)
        #expect(show.place(of: "a") == nil)
        #expect(
            show.setPlace(device: "a", to: .remote, at: t0) == [
                .devicePlace(DevicePlace(device: "a", place: .remote, at: t0))
            ])
        #expect(show.setPlace(device: "a", to: .remote, at: t0).isEmpty, "the same place again records nothing")
        let vote = try show.checkVote(device: "a", round: "D1", option: "police", at: t0)
        #expect(vote.place == .remote)
        show.count(vote)
        #expect(show.tally?.byPlace[.remote]?["police"] == 1)

        let records = show.setPlace(device: "a", to: .room, at: t0)
        guard case .vote(let again) = records.last else {
            Issue.record("the vote was not re-recorded: \(records)")
            return
        }
        #expect(again.reason == .place && again.optionID == "police" && again.place == .room)
        show.count(again)
        let tally = try #require(show.tally)
        #expect(tally.byPlace[.room]?["police"] == 1)
        #expect(tally.byPlace[.remote] == nil)
        #expect(tally.total == 1, "a change of place is not a second vote")
        #expect(tally.noPlace.values.reduce(0, +) == 0)
    }

    @Test func aVoteNeedsNoPlace() throws {
        var show = try ShowFixtures.showWithOpenRound()
        try ShowFixtures.vote(&show, device: "a", option: "wait")
        let tally = try #require(show.tally)
        #expect(tally.noPlace["wait"] == 1)
        #expect(tally.byPlace.isEmpty)
    }

    @Test func theSplitByPlaceIsFixedForTheRoundAndResetWithTheScene() throws {
        var show = try ShowFixtures.showWithOpenRound()
        #expect(show.splitDimension == .perspective)
        _ = try show.perform(.split(true, by: .place), at: t0)
        #expect(show.splitDimension == .place && show.splitByPerspective)
        _ = try show.perform(.split(false), at: t0)
        _ = try show.perform(.split(true), at: t0)
        #expect(show.splitDimension == .place, "split on again keeps the round's dimension")
        #expect(throws: ShowError.self) { try show.perform(.split(true, by: .perspective), at: t0) }
        let state = StateView.state(of: show, for: .screen)
        #expect(state["decision"]?["split_by"] == .string("place"))

        _ = try show.perform(.replay(scene: nil), at: t0)
        #expect(show.splitDimension == .perspective, "a new round may be split either way")
        _ = try show.perform(.split(true, by: .perspective), at: t0)
        #expect(throws: ShowError.self) { try show.perform(.split(true, by: .place), at: t0) }
    }

    @Test func theRoomGetsOneSplitAndTheHostGetsBothExactly() throws {
        var show = try ShowFixtures.showWithOpenRound()
        for index in 0..<7 {
            try ShowFixtures.vote(&show, device: "r\(index)", option: "police", perspective: "police")
            let records = show.setPlace(device: "r\(index)", to: .room, at: t0)
            if case .vote(let again) = records.last { show.count(again) }
        }
        for index in 0..<2 {
            try ShowFixtures.vote(&show, device: "m\(index)", option: "wait")
            let records = show.setPlace(device: "m\(index)", to: .remote, at: t0)
            if case .vote(let again) = records.last { show.count(again) }
        }
        let tally = try #require(show.tally)
        let host = StateView.tallyCounts(tally, for: .host, by: .place).json
        #expect(host["by_place"]?["remote"]?["wait"] == .int(2))
        #expect(host["by_place"]?["room"]?["police"] == .int(7))
        #expect(host["by_perspective"]?["police"]?["police"] == .int(7))

        let room = StateView.tallyCounts(tally, for: .screen, by: .place).json
        #expect(room["by_perspective"] == .object([]), "nothing by perspective in a round split by place")
        #expect(room["others"] == .null)
        let place = try #require(room["place_split"])
        // 7 in the room and 2 remote: the room row would give the remote two away.
        #expect(place["by_place"] == .object([]))
        #expect(place["small_groups"] == .array(["remote"]))
        #expect(place["folded_groups"] == .array(["room"]))
        #expect(place["split_withheld"] == .string("too_few"))

        let byPerspective = StateView.tallyCounts(tally, for: .screen).json
        #expect(byPerspective["place_split"] == nil, "no place in a round split by perspective")
    }

    @Test func theHostsAudienceCountSaysWhoIsInTheRoomAndWhoIsRemote() throws {
        var show = try ShowFixtures.showWithOpenRound()
        for device in ["a", "b", "c"] { _ = show.join(device: nil, freshToken: device, at: t0) }
        _ = show.setPlace(device: "a", to: .room, at: t0)
        _ = show.setPlace(device: "b", to: .remote, at: t0)
        let count = AudienceCount.forHost(connected: 3, voted: 0, devices: ["a", "b", "c"], in: show)
        #expect(count.byPlace == ["room": 1, "remote": 1])
        #expect(count.noPlace == 1)
        let welcome = ServerMessages.welcome(
            role: .host, device: nil, perspective: nil, library: show.library, joinURLs: ["http://x/"],
            remote: RemoteJoin(url: "https://forum.example.org/?place=remote", qr: "/qr/remote.svg"))
        #expect(welcome["remote_join_url"] == .string("https://forum.example.org/?place=remote"))
        #expect(welcome["remote_join_qr"] == .string("/qr/remote.svg"))
        let phone = ServerMessages.welcome(
            role: .audience, device: "a", perspective: nil, library: show.library, joinURLs: [], place: .remote)
        #expect(phone["place"] == .string("remote"))
        #expect(phone["remote_join_url"] == nil)
    }
}
