import ForumCore
import Foundation
import Testing

/// *(addition)* What clients read of the room's voice, the place and the report: the typed
/// fields of the golden messages (Golden/server-messages.txt), decoded as the console and
/// the tests decode them.
@Suite("Protocol: the typed additions read back from the wire")
struct WireAdditionsTests {
    static func golden(_ name: String) throws -> ServerMessage {
        let text = try String(contentsOf: WireGoldenTests.goldenFile, encoding: .utf8)
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("\(name): ") })
        return try #require(ServerMessage(text: String(line.dropFirst(name.count + 2))))
    }

    static func state(_ name: String) throws -> StateMessage {
        guard case .state(let state) = try golden(name) else { throw Failure(name: name) }
        return state
    }

    struct Failure: Error { var name: String }

    @Test func theStaffSeeTheStopsAndTheQueueTheScreenWhatIsShown() throws {
        let host = try #require(try Self.state("room-voice-state-host").room)
        #expect(host.visit == 2 && host.proposalsOpen && host.screen == nil)
        let staff = try #require(host.staff)
        #expect(staff.stops == 1 && staff.acknowledged == 1 && staff.stopsShown && staff.proposalsShown)
        #expect(staff.queue.map(\.status) == [.approved, .merged, .pending])
        #expect(staff.queue.first?.sameIdea == 1 && staff.queue[1].mergedInto == "P1")
        #expect(try Self.state("room-voice-state-moderator").room?.staff == staff)
        let screen = try #require(try Self.state("room-voice-state-screen").room?.screen)
        #expect(screen.stops == 1)
        #expect(screen.proposals == [.init(id: "P1", text: "Call her sister <b>first</b>", sameIdea: 1)])
        let phone = try #require(try Self.state("room-voice-state-audience").room)
        #expect(phone.staff == nil && phone.screen == nil && phone.proposalsOpen)
        #expect(try Self.state("empty-state-host").room == nil, "no room's voice without a story")
    }

    @Test func aPhoneReadsItsOwnVoice() throws {
        guard case .voice(let voice) = try Self.golden("voice") else {
            Issue.record("voice decodes as voice")
            return
        }
        #expect(voice.ref == "p1" && voice.stop && voice.visit == 2)
        #expect(voice.proposals.map(\.status) == [.approved, .merged, .pending])
    }

    @Test func theSplitByPlaceReadsAsTypes() throws {
        let host = try Self.state("split-place-state-host")
        #expect(host.decision?.splitBy == .place)
        let places = try #require(host.tally?.places)
        #expect(places.byPlace.map(\.place) == [.room, .remote])
        #expect(places.byPlace[1].counts["police"] == 2)
        #expect(host.audience?.byPlace == ["room": 7, "remote": 2] && host.audience?.noPlace == 1)
        let screen = try #require(try Self.state("split-place-state-screen").tally)
        #expect(screen.places == nil && screen.byPerspective.isEmpty)
        let split = try #require(screen.placeSplit)
        #expect(split.smallGroups == [.remote] && split.foldedGroups == [.room] && split.splitWithheld == .tooFew)
        #expect(try Self.state("voted-live-state-screen").tally?.placeSplit == nil)
    }

    @Test func welcomesAcksAndTheReportReadAsTypes() throws {
        guard case .welcome(let phone) = try Self.golden("welcome-audience"),
            case .welcome(let host) = try Self.golden("welcome-host"),
            case .ack(let ack) = try Self.golden("ack-place"),
            case .report(let report) = try Self.golden("report")
        else {
            Issue.record("the golden messages decode as their types")
            return
        }
        #expect(phone.place == .room && phone.remote == nil)
        #expect(host.remote?.url.hasSuffix("?place=remote") == true && host.remote?.qr == "/qr/remote.svg")
        #expect(ack.subject == .place(.remote) && ack.bytes == ack.json.bytes)
        #expect(report.edition == .organisers && report.html.hasPrefix("<!doctype html>"))
        #expect(AckMessage(ref: nil, .place(nil)).bytes == AckMessage(ref: nil, .place(nil)).json.bytes)
    }

    @Test func anAdoptedProposalIsAnOptionFromTheAudience() throws {
        let options = try #require(try Self.state("adopted-state-audience").decision?.options)
        #expect(options.filter(\.fromAudience).count == 1)
        #expect(options.filter { !$0.fromAudience }.map(\.id) == ["police", "crisis", "wait"])
    }
}
