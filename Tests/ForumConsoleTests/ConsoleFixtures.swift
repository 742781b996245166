import ForumCore
import Foundation

@testable import ForumConsole

/// Server messages as the host protocol sends them, for the console's pure parts.
enum ConsoleFixtures {
    static let welcome = """
        {"type":"welcome","protocol":1,"role":"host","event":{"title":"Test My Story live"},
         "perspectives":[{"id":"police","label":"Police"},{"id":"carer","label":"Family member or carer"}],
         "perspective":null,"join_urls":["http://10.0.0.2:8080/"],
         "stories":[{"id":"sams-night","title":"Sam's night","summary":"Maya finds Sam in crisis.","scenes":16},
                    {"id":"coming-home","title":"Coming home","summary":"Grace goes home.","scenes":15}],
         "sessions":[{"id":"morning","title":"Crisis at night","starts":"10:00","stories":["sams-night"]},
                     {"id":"afternoon","title":"After the crisis","starts":"13:30","stories":["coming-home"]}]}
        """

    /// A host state at the call, with a round in `status` and the given counts.
    static func state(
        status: String = "open", round: String? = "D1", counts: [String: Int] = ["police": 2, "crisis-line": 5],
        split: Bool = false, results: String = "hidden", store: (Int, Int) = (0, 0), closesAt: String? = nil
    ) -> String {
        let total = counts.values.reduce(0, +)
        let countsJSON = ["police", "crisis-line", "wait-for-gp"].map { "\"\($0)\":\(counts[$0, default: 0])" }
            .joined(separator: ",")
        let tally =
            round == nil
            ? "null"
            : """
            {"decision":"\(round!)","total":\(total),"counts":{\(countsJSON)},
             "by_perspective":{"police":{"police":1,"crisis-line":4,"wait-for-gp":0},
                               "carer":{"police":0,"crisis-line":1,"wait-for-gp":0}},
             "no_perspective":{"police":1,"crisis-line":0,"wait-for-gp":0},"small_groups":[]}
            """
        return """
            {"type":"state","session":{"id":"morning","title":"Crisis at night"},
             "story":{"id":"sams-night","title":"Sam's night","language":"en","content_notes":[],"run":"R1"},
             "scene":{"id":"the-call","title":"Maya's phone","text":"Maya sits down.\\n\\nShe picks up her phone.",
                      "image":null,"image_alt":null},
             "decision":{"id":\(round.map { "\"\($0)\"" } ?? "null"),"question":"Who should Maya call?",
                         "options":[{"id":"police","label":"999, and ask for the police"},
                                    {"id":"crisis-line","label":"NHS 111, the mental health option"},
                                    {"id":"wait-for-gp","label":"Wait for the GP"}],
                         "status":"\(status)","results":"\(results)","split":\(split)
                         \(closesAt.map { ",\"closes_at\":\"\($0)\"" } ?? "")},
             "tally":\(tally),
             "host_notes":"Ask the room first.",
             "host":{"trail":["kitchen"],"next":null,"is_ending":false,
                     "options_next":{"police":"police-arrive","crisis-line":"crisis-line","wait-for-gp":null},
                     "scene_index":2,"scene_count":16,"winner":["crisis-line"]},
             "audience":{"connected":9,"voted":\(total)},
             "store":{"pending":\(store.0),"failed":\(store.1)}}
            """
    }

    /// A fixture decoded as the console decodes the server's messages.
    static func object(_ json: String) -> ServerMessage {
        guard let message = ServerMessage(text: json) else { fatalError("not a server message: \(json)") }
        return message
    }

    /// A connected console state that has taken in the welcome and `state`.
    static func console(role: ConsoleState.Role = .remote, state json: String = state()) -> ConsoleState {
        var console = ConsoleState(role: role, address: "ws://127.0.0.1:8080/ws")
        _ = console.receive(.connected, now: Date(timeIntervalSince1970: 0))
        console.receive(object(welcome), now: Date(timeIntervalSince1970: 0))
        console.receive(object(json), now: Date(timeIntervalSince1970: 0))
        return console
    }
}
