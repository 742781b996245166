import ForumCore
import Foundation
import Testing

@Suite("Results visibility and the perspective split")
struct ResultsVisibilityTests {
    let t0 = ShowFixtures.t0

    @Test func resultsAreHiddenFromPhonesUntilRevealByDefault() throws {
        var show = try ShowFixtures.showWithOpenRound()
        try ShowFixtures.vote(&show, device: "a", option: "police")
        #expect(show.resultsVisibility == .hidden)
        #expect(!show.audienceSeesTally)
        let phone = StateView.state(of: show, for: .audience, device: "a")
        #expect(phone["decision"]?["results"] == .string("hidden"))
        #expect(phone["decision"]?["split"] == .bool(false))
        #expect(phone["tally"] == .null)
        #expect(
            StateView.tallyMessage(of: show, for: .audience, audience: AudienceCount(connected: 1, voted: 1)) == nil)
    }

    @Test func screenModeKeepsPhonesWaitingEveryoneModeShowsThemLive() throws {
        var show = try ShowFixtures.showWithOpenRound()
        try ShowFixtures.vote(&show, device: "a", option: "police")
        for device in ["b", "c", "d", "e"] { try ShowFixtures.vote(&show, device: device, option: "wait") }
        let records = try show.perform(.results(.screen), at: t0)
        #expect(records == [.snapshot(show.snapshot)])
        #expect(StateView.state(of: show, for: .screen)["decision"]?["results"] == .string("screen"))
        #expect(StateView.state(of: show, for: .audience, device: "a")["tally"] == .null)

        _ = try show.perform(.results(.everyone), at: t0)
        #expect(show.audienceSeesTally)
        let phone = StateView.state(of: show, for: .audience, device: "a")
        #expect(phone["tally"]?["counts"]?["police"] == .int(1))
        let live = try #require(
            StateView.tallyMessage(of: show, for: .audience, audience: AudienceCount(connected: 1, voted: 1)))
        #expect(live["counts"]?["police"] == .int(1))
        #expect(live["audience"] == nil, "phones are not told how many others are connected")
    }

    @Test func theChoiceCanBeMadeBeforeTheVoteOpensAndResetsWithTheScene() throws {
        var show = Show(library: ShowFixtures.library)
        _ = try show.perform(.start(story: "night"), at: t0)
        #expect(throws: ShowError("no_decision", "This scene has no decision to vote on.")) {
            try show.perform(.results(.everyone), at: t0)
        }
        _ = try show.perform(.next, at: t0)
        _ = try show.perform(.results(.everyone), at: t0)
        _ = try show.perform(.split(true), at: t0)
        #expect(!show.audienceSeesTally, "no round yet: nothing to show")
        _ = try show.perform(.open(seconds: nil), at: t0)
        #expect(show.audienceSeesTally)
        #expect(show.splitByPerspective)
        _ = try show.perform(.replay(scene: nil), at: t0)
        #expect(show.resultsVisibility == .hidden)
        #expect(!show.splitByPerspective)
    }

    @Test func splitBarsOnlyEverShowWhatCannotGiveASmallGroupAway() throws {
        /// 5 police, 2 ambulance staff and `none` with no perspective, split, revealed.
        func revealed(none: Int) throws -> Show {
            var show = try ShowFixtures.showWithOpenRound()
            for index in 0..<5 {
                try ShowFixtures.vote(&show, device: "p\(index)", option: "police", perspective: "police")
            }
            for index in 0..<2 {
                try ShowFixtures.vote(&show, device: "a\(index)", option: "crisis", perspective: "ambulance")
            }
            for index in 0..<none { try ShowFixtures.vote(&show, device: "n\(index)", option: "wait") }
            _ = try show.perform(.split(true), at: t0)
            _ = try show.perform(.reveal, at: t0)
            return show
        }
        // Police 5 / ambulance 2: the police row and the overall would give the two away.
        let show = try revealed(none: 0)
        #expect(StateView.state(of: show, for: .audience, device: "p0")["decision"]?["split"] == .bool(true))
        let phone = try #require(StateView.state(of: show, for: .audience, device: "p0")["tally"])
        #expect(phone["by_perspective"] == .object([]))
        #expect(phone["small_groups"] == .array([.string("ambulance")]))
        #expect(phone["folded_groups"] == .array([.string("police")]))
        #expect(phone["others"] == .null)
        #expect(phone["split_withheld"] == .string("too_few"))
        let host = StateView.state(of: show, for: .host)
        #expect(host["tally"]?["by_perspective"]?["ambulance"]?["crisis"] == .int(2))
        #expect(host["tally"]?["by_perspective"]?["police"]?["police"] == .int(5))

        // Three more with no perspective: 5 left over, shown together as everyone else.
        let later = try #require(StateView.state(of: try revealed(none: 3), for: .audience, device: "p0")["tally"])
        #expect(later["by_perspective"]?["police"]?["police"] == .int(5))
        #expect(later["by_perspective"]?["ambulance"] == nil)
        #expect(later["no_perspective"] == .null)
        #expect(
            later["others"]
                == .object([
                    ("voters", .int(5)),
                    ("counts", .object([("police", .int(0)), ("crisis", .int(2)), ("wait", .int(3))])),
                ]))
        #expect(later["folded_groups"] == .array([]))
        #expect(later["split_withheld"] == .null)
    }

    @Test func theSettingsSurviveARestartAndOldSnapshotsGetTheDefaults() throws {
        var show = try ShowFixtures.showWithOpenRound()
        _ = try show.perform(.results(.screen), at: t0)
        _ = try show.perform(.split(true), at: t0)
        let stored = try JSONEncoder().encode(show.snapshot)
        let resumed = Show(
            library: ShowFixtures.library, snapshot: try JSONDecoder().decode(ShowSnapshot.self, from: stored))
        #expect(resumed.resultsVisibility == .screen)
        #expect(resumed.splitByPerspective)

        let old = #"{"runID":"R1","storyID":"night","sceneID":"call","trail":["kitchen"]}"#
        let position = try JSONDecoder().decode(RunPosition.self, from: Data(old.utf8))
        #expect(position.results == .hidden)
        #expect(position.split == false)
    }

    @Test func theCommandsDecodeWithCheckedArguments() {
        func decode(_ text: String) -> Result<(ClientMessage, ref: String?), ProtocolError> {
            ClientMessageDecoder.decode(Array(text.utf8))
        }
        #expect(
            (try? decode(#"{"type":"command","command":"results","args":{"mode":"everyone"}}"#).get().0)
                == .command(.results(.everyone)))
        #expect(
            (try? decode(#"{"type":"command","command":"split","args":{"on":true}}"#).get().0) == .command(.split(true))
        )
        #expect(
            (try? decode(#"{"type":"command","command":"split","args":{"on":false}}"#).get().0)
                == .command(.split(false)))
        for bad in [
            #"{"type":"command","command":"results","args":{"mode":"loud"}}"#,
            #"{"type":"command","command":"results"}"#,
            #"{"type":"command","command":"split","args":{"on":1}}"#,
            #"{"type":"command","command":"split","args":{"on":"yes"}}"#,
        ] {
            guard case .failure(let error) = decode(bad) else {
                Issue.record("accepted \(bad)")
                continue
            }
            #expect(error.code == "bad_message")
        }
    }

    @Test func theHostSeesHowTheStoreKeepsUp() throws {
        let show = try ShowFixtures.showWithOpenRound()
        let health = StoreHealth(pending: 12, failed: 1)
        let host = StateView.state(
            of: show, for: .host, audience: AudienceCount(connected: 0, voted: 0), store: health)
        #expect(host["store"] == .object([("pending", .int(12)), ("failed", .int(1))]))
        #expect(StateView.state(of: show, for: .screen, store: health)["store"] == nil)
        let tally = StateView.tallyMessage(
            of: show, for: .host, audience: AudienceCount(connected: 0, voted: 0), store: health)
        #expect(tally?["store"]?["pending"] == .int(12))
    }

    @Test func aTimedRoundSaysHowLongItHasLeftWhenSent() throws {
        var show = Show(library: ShowFixtures.library)
        _ = try show.perform(.start(story: "night"), at: t0)
        _ = try show.perform(.next, at: t0)
        _ = try show.perform(.open(seconds: 60), at: t0)
        let later = StateView.state(of: show, for: .audience, device: nil, now: t0.addingTimeInterval(15.25))
        #expect(later["decision"]?["closes_in_ms"] == .int(44_750))
        let overdue = StateView.state(of: show, for: .screen, now: t0.addingTimeInterval(90))
        #expect(overdue["decision"]?["closes_in_ms"] == .int(0))
        #expect(StateView.state(of: show, for: .screen)["decision"]?["closes_in_ms"] == nil)
    }
}
