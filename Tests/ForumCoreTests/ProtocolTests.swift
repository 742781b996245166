import ForumCore
import Foundation
import Testing

@Suite("Protocol codec and state views")
struct ProtocolTests {
    func decode(_ text: String) -> Result<(ClientMessage, ref: String?), ProtocolError> {
        ClientMessageDecoder.decode(Array(text.utf8))
    }

    func errorCode(_ text: String) -> String? {
        if case .failure(let error) = decode(text) { return error.code }
        return nil
    }

    @Test func decodesEveryMessageType() throws {
        #expect(
            try decode(#"{"type":"hello","role":"audience","device":"abc"}"#).get().0
                == .hello(role: .audience, device: "abc", key: nil))
        #expect(
            try decode(#"{"type":"hello","role":"host","key":"k"}"#).get().0
                == .hello(role: .host, device: nil, key: "k"))
        let vote = try decode(#"{"type":"vote","decision":"D1","option":"police","ref":"r9"}"#).get()
        #expect(vote.0 == .vote(decision: "D1", option: "police"))
        #expect(vote.ref == "r9")
        #expect(try decode(#"{"type":"perspective","perspective":null}"#).get().0 == .perspective(nil))
        #expect(
            try decode(#"{"type":"command","command":"start","args":{"story":"s"}}"#).get().0
                == .command(.start(story: "s")))
        #expect(
            try decode(#"{"type":"command","command":"open","args":{"seconds":30}}"#).get().0
                == .command(.open(seconds: 30)))
        #expect(try decode(#"{"type":"command","command":"replay"}"#).get().0 == .command(.replay(scene: nil)))
        #expect(try decode(#"{"type":"ping"}"#).get().0 == .ping)
    }

    @Test func badInputGetsStableCodes() {
        #expect(errorCode("not json") == "bad_json")
        #expect(errorCode("[1,2]") == "bad_json")
        #expect(errorCode("") == "bad_json")
        #expect(errorCode(#"{"role":"audience"}"#) == "bad_message")
        #expect(errorCode(#"{"type":42}"#) == "bad_message")
        #expect(errorCode(#"{"type":"dance"}"#) == "unknown_type")
        #expect(errorCode(#"{"type":"hello","role":"king"}"#) == "bad_role")
        #expect(errorCode(#"{"type":"vote","decision":"D1"}"#) == "bad_message")
        #expect(errorCode(#"{"type":"vote","decision":"D1","option":7}"#) == "bad_message")
        #expect(errorCode(#"{"type":"perspective"}"#) == "bad_message")
        #expect(errorCode(#"{"type":"command","command":"fly"}"#) == "unknown_command")
        #expect(errorCode(#"{"type":"command","command":"open","args":{"seconds":"soon"}}"#) == "bad_message")
        #expect(errorCode(#"{"type":"command","command":"open","args":{"seconds":true}}"#) == "bad_message")
        #expect(errorCode(#"{"type":"command","command":"start","args":[1]}"#) == "bad_message")
        let huge = #"{"type":"ping","pad":""# + String(repeating: "x", count: 9000) + #""}"#
        #expect(errorCode(huge) == "too_large")
        if case .failure(let error) = decode(#"{"type":"vote","ref":"r1"}"#) { #expect(error.ref == "r1") }
    }

    @Test func jsonSerialisationEscapesAndKeepsNulls() {
        let value: JSONValue = .object([
            ("a", .null), ("b", .string("<script>\"x\"\n\u{1}é")), ("c", .array([.int(-3), .bool(true)])),
        ])
        #expect(value.text == #"{"a":null,"b":"<script>\"x\"\n\u0001é","c":[-3,true]}"#)
        // Read back by an independent reader (Foundation's), not only by JSONParser.
        let parsed = try? JSONSerialization.jsonObject(with: Data(value.bytes)) as? [String: Any]
        #expect(parsed?["b"] as? String == "<script>\"x\"\n\u{1}é")
    }

    @Test func audienceStateHidesTallyUntilRevealAndHostNotesAlways() throws {
        var show = try ShowFixtures.showWithOpenRound()
        try ShowFixtures.vote(&show, device: "a", option: "police")
        let audience = StateView.state(of: show, for: .audience, device: "a")
        #expect(audience["tally"] == .null)
        #expect(audience["host_notes"] == nil)
        #expect(audience["decision"]?["my_vote"] == .string("police"))
        #expect(audience["decision"]?["status"] == .string("open"))
        #expect(audience["decision"]?["id"] == .string("D1"))
        let host = StateView.state(of: show, for: .host, audience: AudienceCount(connected: 3, voted: 1))
        #expect(host["tally"]?["total"] == .int(1))
        #expect(host["audience"]?["connected"] == .int(3))
        #expect(host["host"]?["options_next"]?["wait"] == .string("morning"))
        _ = try show.perform(.reveal, at: ShowFixtures.t0)
        // One voter: the room is a group of one, so its counts are kept back.
        let alone = StateView.state(of: show, for: .audience, device: "a")
        #expect(alone["tally"] == .null)
        #expect(alone["decision"]?["results_withheld"] == .string("too_few_voters"))
        #expect(StateView.state(of: show, for: .host)["decision"]?["results_withheld"] == nil)
    }

    @Test func theRoomSeesNoCountsUntilFivePeopleHaveVoted() throws {
        var show = try ShowFixtures.showWithOpenRound()
        _ = try show.perform(.results(.everyone), at: ShowFixtures.t0)
        let crowd = AudienceCount(connected: 9, voted: 0)
        for (index, device) in ["a", "b", "c", "d"].enumerated() {
            try ShowFixtures.vote(&show, device: device, option: index == 0 ? "police" : "crisis")
            for role in [ClientMessage.Role.audience, .screen] {
                let state = StateView.state(of: show, for: role, device: device, audience: crowd)
                #expect(state["tally"] == .null, "\(index + 1) voters, \(role)")
                #expect(state["decision"]?["results_withheld"] == .string("too_few_voters"))
                #expect(StateView.tallyMessage(of: show, for: role, audience: crowd) == nil)
            }
            #expect(StateView.tallyMessage(of: show, for: .host, audience: crowd)?["total"] == .int(index + 1))
        }
        try ShowFixtures.vote(&show, device: "e", option: "wait")
        for role in [ClientMessage.Role.audience, .screen] {
            let state = StateView.state(of: show, for: role, device: "e", audience: crowd)
            #expect(
                state["tally"]?["counts"] == .object([("police", .int(1)), ("crisis", .int(3)), ("wait", .int(1))]))
            #expect(state["decision"]?["results_withheld"] == nil)
            #expect(StateView.tallyMessage(of: show, for: role, audience: crowd)?["total"] == .int(5))
        }
        // Nobody has voted yet: zeros say nothing about anyone.
        var fresh = try ShowFixtures.showWithOpenRound()
        _ = try fresh.perform(.results(.everyone), at: ShowFixtures.t0)
        #expect(StateView.state(of: fresh, for: .audience, device: nil)["tally"]?["total"] == .int(0))
    }

    @Test func pendingDecisionHasNoIdAndNothingShowingIsNull() throws {
        var show = Show(library: ShowFixtures.library)
        let empty = StateView.state(of: show, for: .audience, device: nil)
        #expect(
            empty.json.text
                == #"{"type":"state","session":null,"story":null,"scene":null,"decision":null,"tally":null,"#
                + #""finished":false,"next_session":{"id":"morning","title":"Morning","starts":null}}"#)
        _ = try show.perform(.start(story: "night"), at: ShowFixtures.t0)
        _ = try show.perform(.next, at: ShowFixtures.t0)
        let pending = StateView.state(of: show, for: .audience, device: nil)
        #expect(pending["decision"]?["id"] == .null)
        #expect(pending["decision"]?["status"] == .string("pending"))
        #expect(pending["host_notes"] == nil)
    }

    @Test func screenTallyHidesSmallGroupsHostSeesThem() throws {
        var show = try ShowFixtures.showWithOpenRound()
        try ShowFixtures.vote(&show, device: "a", option: "police", perspective: "ambulance")
        for carer in ["c1", "c2", "c3", "c4"] {
            try ShowFixtures.vote(&show, device: carer, option: "wait", perspective: "carer")
        }
        // Until the host splits the results, the room is sent no group at all.
        let unsplit = try #require(
            StateView.tallyMessage(of: show, for: .screen, audience: AudienceCount(connected: 5, voted: 5)))
        #expect(unsplit["by_perspective"] == .object([]) && unsplit["no_perspective"] == .null)
        #expect(unsplit["small_groups"] == .array([]) && unsplit["split_withheld"] == .null)
        #expect(unsplit["total"] == .int(5))
        _ = try show.perform(.split(true, by: nil), at: ShowFixtures.t0)
        let screen = try #require(
            StateView.tallyMessage(of: show, for: .screen, audience: AudienceCount(connected: 5, voted: 5)))
        #expect(screen["by_perspective"] == .object([]))
        #expect(screen["small_groups"] == .array([.string("ambulance"), .string("carer")]))
        #expect(screen["split_withheld"] == .string("too_few"))
        // Nobody gave no perspective: its counts are the exact zeros.
        #expect(screen["no_perspective"] == .object([("police", .int(0)), ("crisis", .int(0)), ("wait", .int(0))]))
        try ShowFixtures.vote(&show, device: "b", option: "crisis")
        let later = try #require(
            StateView.tallyMessage(of: show, for: .screen, audience: AudienceCount(connected: 6, voted: 6)))
        #expect(later["no_perspective"] == .null, "one person with no perspective: not shown")
        let host = try #require(
            StateView.tallyMessage(of: show, for: .host, audience: AudienceCount(connected: 6, voted: 6)))
        #expect(host["by_perspective"]?["ambulance"]?["police"] == .int(1))
        #expect(host["no_perspective"]?["crisis"] == .int(1))
        #expect(host["small_groups"] == .array([]))
        #expect(host["others"] == nil && host["split_withheld"] == nil)
    }
}
