import ForumCore
import Foundation
import Testing

/// The server's messages byte for byte, for every role at the show's main moments: the wire
/// is the contract (docs/protocol.md), so a change to how messages are built must not change
/// a byte unless it means to. `UPDATE_GOLDEN=1` rewrites Golden/server-messages.txt.
@Suite("Protocol: the server's messages byte for byte")
struct WireGoldenTests {
    static let goldenFile = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden/server-messages.txt")
    static let t0 = ShowFixtures.t0
    static let roles: [ClientMessage.Role] = [.audience, .screen, .host, .moderator]

    static let library = Library(
        programme: EventProgramme(
            title: "Test \"event\"", perspectives: EventProgramme.defaultPerspectives,
            sessions: ShowFixtures.library.programme.sessions,
            support: [SupportLine(label: "Samaritans", number: "116 123", when: "Day or night")],
            translations: [
                "cy": EventTranslation(title: "Digwyddiad", perspectives: ["police": "Heddlu"], sessions: [:])
            ]),
        stories: ShowFixtures.library.stories)

    /// Each moment's messages for every role, as `name: json` lines.
    static func lines() throws -> [String] {
        var out: [String] = []
        func add(_ name: String, _ bytes: [UInt8]) { out.append("\(name): \(String(decoding: bytes, as: UTF8.self))") }
        for role in roles {
            let welcome = ServerMessages.welcome(
                role: role, device: role == .audience ? "dev1" : nil, perspective: role == .audience ? "police" : nil,
                library: library, joinURLs: ["http://10.0.0.2:8080/"], joinQR: "/qr/join.svg", place: .room,
                remote: RemoteJoin(url: "http://10.0.0.2:8080/?place=remote", qr: "/qr/remote.svg"))
            add("welcome-\(role.rawValue)", welcome.bytes)
        }
        var show = Show(library: library)
        func states(_ moment: String, now: Date? = nil, devices: [String] = ["a", "b", "c", "d", "e", "f", "g"]) {
            for role in roles {
                let audience: AudienceCount? =
                    switch role {
                    case .audience: nil
                    case .screen, .moderator: AudienceCount(connected: 9, voted: show.tally?.total ?? 0)
                    case .host:
                        AudienceCount.forHost(
                            connected: 9, voted: show.tally?.total ?? 0, devices: devices, in: show)
                    }
                let store = role == .host ? StoreHealth(pending: 2, failed: 1) : nil
                let state = StateView.state(
                    of: show, for: role, device: role == .audience ? "a" : nil, audience: audience, store: store,
                    now: now)
                add("\(moment)-state-\(role.rawValue)", state.bytes)
                if let tally = StateView.tallyMessage(
                    of: show, for: role, audience: audience ?? AudienceCount(connected: 9, voted: 0), store: store)
                {
                    add("\(moment)-tally-\(role.rawValue)", tally.bytes)
                }
            }
        }
        states("empty")
        _ = try show.perform(.session(id: "morning"), at: t0)
        _ = try show.perform(.start(story: "night"), at: t0)
        states("started")
        _ = try show.perform(.next, at: t0)
        states("pending")
        _ = try show.perform(.open(seconds: 30), at: t0)
        states("open-timed", now: t0.addingTimeInterval(12.5))
        let votes = [
            ("a", "police", "police"), ("b", "crisis", "police"), ("c", "crisis", "carer"), ("d", "wait", nil),
            ("e", "crisis", "police"), ("f", "police", "police"), ("g", "crisis", "police"),
        ]
        for (device, option, perspective) in votes {
            try ShowFixtures.vote(&show, device: device, option: option, perspective: perspective)
        }
        _ = try show.perform(.results(.everyone), at: t0)
        _ = try show.perform(.split(true), at: t0)
        states("voted-live")
        _ = try show.perform(.stops(true), at: t0)
        _ = try show.perform(.proposals(true), at: t0)
        show.applyStop(try show.checkStop(device: "a", on: true, at: t0))
        for text in ["Call her sister <b>first</b>", "Ring the sister", "Wait"] {
            show.addProposal(try show.checkProposal(device: "a", text: text, at: t0))
        }
        _ = try show.moderate(.approve(proposal: "P1"), by: .moderator, at: t0)
        _ = try show.moderate(.merge(proposal: "P2", into: "P1"), by: .host, at: t0)
        _ = try show.perform(.showProposals(true), at: t0)
        _ = try show.perform(.acknowledge, at: t0)
        states("room-voice")
        add("voice", StateView.voiceMessage(of: show, device: "a", ref: "p1").bytes)
        add("voice-none", StateView.voiceMessage(of: show, device: "z").bytes)
        _ = try show.perform(.close, at: t0)
        _ = try show.perform(.reveal, at: t0)
        states("revealed")
        _ = try show.perform(.follow, at: t0)
        states("followed")
        _ = try show.perform(.finish, at: t0)
        _ = try show.perform(.join(true), at: t0)
        states("finished")
        try placeMoments(add: add)
        add("ack-vote", ServerMessages.voteAck(ref: "r1", decision: "D1", option: "police").bytes)
        add("ack-vote-noref", ServerMessages.voteAck(ref: nil, decision: "D1", option: "police").bytes)
        add("ack-perspective", ServerMessages.perspectiveAck(ref: "p1", perspective: "carer").bytes)
        add("ack-perspective-none", ServerMessages.perspectiveAck(ref: nil, perspective: nil).bytes)
        add("ack-command", ServerMessages.commandAck(ref: "h1", command: .open).bytes)
        add("ack-place", ServerMessages.placeAck(ref: "l1", place: .remote).bytes)
        add("ack-place-none", ServerMessages.placeAck(ref: nil, place: nil).bytes)
        add("ack-command-moderation", ServerMessages.commandAck(ref: "m1", command: .showProposals).bytes)
        add(
            "report",
            ServerMessages.report(
                ref: "c9", edition: .organisers, html: "<!doctype html><p>\"Report\"</p>\n", builtAt: t0
            ).bytes)
        add("error", ServerMessages.error(code: "no_round", message: "No \"round\".", ref: nil).bytes)
        add("error-tie", ServerMessages.error(code: "tie", message: "Tied.", ref: "h2", options: ["a", "b"]).bytes)
        add("pong", ServerMessages.pong.bytes)
        return out
    }

    /// *(addition)* A round split by place: the host's exact counts by place and the room's
    /// `place_split` (7 in the room, 2 remote: the remote two are a small group).
    static func placeMoments(add: (String, [UInt8]) -> Void) throws {
        var show = Show(library: library)
        _ = try show.perform(.start(story: "night"), at: t0)
        _ = try show.perform(.next, at: t0)
        _ = try show.perform(.open(seconds: nil), at: t0)
        let devices = (0..<9).map { "p\($0)" }
        for (index, device) in devices.enumerated() {
            _ = show.join(device: nil, freshToken: device, at: t0)
            _ = show.setPlace(device: device, to: index < 7 ? .room : .remote, at: t0)
            try ShowFixtures.vote(&show, device: device, option: index % 3 == 0 ? "wait" : "police")
        }
        _ = try show.perform(.results(.everyone), at: t0)
        _ = try show.perform(.split(true, by: .place), at: t0)
        for role in roles {
            let audience =
                role == .host
                ? AudienceCount.forHost(connected: 10, voted: 9, devices: devices + ["x"], in: show)
                : AudienceCount(connected: 10, voted: 9)
            let state = StateView.state(
                of: show, for: role, device: role == .audience ? "p0" : nil,
                audience: role == .audience ? nil : audience)
            add("split-place-state-\(role.rawValue)", state.bytes)
            if let tally = StateView.tallyMessage(of: show, for: role, audience: audience) {
                add("split-place-tally-\(role.rawValue)", tally.bytes)
            }
        }
        // An approved proposal put to the vote: a new round with an option `from` the audience.
        _ = try show.perform(.proposals(true), at: t0)
        show.addProposal(try show.checkProposal(device: "p1", text: "Text her sister", at: t0))
        _ = try show.moderate(.approve(proposal: "P1"), by: .host, at: t0)
        _ = try show.perform(.adopt(proposal: "P1"), at: t0)
        for role in roles {
            let state = StateView.state(of: show, for: role, device: role == .audience ? "p1" : nil)
            add("adopted-state-\(role.rawValue)", state.bytes)
        }
    }

    @Test func messagesAreTheRecordedBytes() throws {
        let lines = try Self.lines()
        let text = lines.joined(separator: "\n") + "\n"
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try text.write(to: Self.goldenFile, atomically: true, encoding: .utf8)
        }
        let golden = try String(contentsOf: Self.goldenFile, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(lines.count == golden.count)
        for (line, recorded) in zip(lines, golden) { #expect(line == recorded) }
    }

    /// What clients read is what the server meant: each recorded message decodes to its type
    /// and encodes back to the very same bytes.
    @Test func everyMessageDecodesAndEncodesBackToItsBytes() throws {
        let golden = try String(contentsOf: Self.goldenFile, encoding: .utf8).split(separator: "\n")
        #expect(golden.count > 40)
        for line in golden {
            let name = line.prefix { $0 != ":" }
            let text = String(line.dropFirst(name.count + 2))
            let message = try #require(ServerMessage(text: text), "\(name) decodes")
            #expect(message.json.text == text, "\(name)")
            #expect(name.contains(message.type.rawValue), "\(name) is a \(message.type)")
        }
    }

    @Test func clientsReadTheTypedFields() throws {
        var show = try ShowFixtures.showWithOpenRound()
        try ShowFixtures.vote(&show, device: "a", option: "crisis", perspective: "police")
        let host = StateView.state(of: show, for: .host, audience: AudienceCount(connected: 4, voted: 1))
        guard case .state(let state)? = ServerMessage(bytes: host.bytes) else {
            Issue.record("a host state decodes as a state")
            return
        }
        #expect(state.decision?.status == .open)
        #expect(state.decision?.myVote == nil, "the host has no vote of its own")
        #expect(state.tally?.counts["crisis"] == 1)
        #expect(state.tally?.counts(of: "police")?["crisis"] == 1)
        #expect(state.host?.details?.optionsNext.first { $0.option == "wait" }?.scene == "morning")
        #expect(state.audience?.connected == 4)
        let phone = StateView.state(of: show, for: .audience, device: "b")
        guard case .state(let phoneState)? = ServerMessage(bytes: phone.bytes) else {
            Issue.record("a phone state decodes as a state")
            return
        }
        #expect(phoneState.decision?.myVote == .some(nil), "a phone that has not voted is told so")
        #expect(phoneState.host == nil && phoneState.audience == nil)
        #expect(ServerMessage(text: #"{"type":"dance"}"#) == nil)
        #expect(ServerMessage(text: "not json") == nil)
    }

    /// Acks write their bytes directly (one per vote): always the bytes of their wire form.
    @Test func acksWrittenDirectlyAreTheirWireForm() {
        let texts = ["D1", "", "a\"b\\c\n\u{1}é😀", String(repeating: "x", count: 300)]
        for text in texts {
            for ref in [nil, text] {
                let acks = [
                    AckMessage(ref: ref, .vote(decision: text, option: text)), AckMessage(ref: ref, .perspective(text)),
                    AckMessage(ref: ref, .perspective(nil)), AckMessage(ref: ref, .command(.open)),
                ]
                for ack in acks { #expect(ack.bytes == ack.json.bytes, "\(ack)") }
            }
        }
    }
}
