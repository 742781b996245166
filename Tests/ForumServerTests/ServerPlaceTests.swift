import ForumCore
import ForumQR
import Foundation
import Testing

@testable import ForumServer

/// In the room or remote on a real port: the second join link and its QR code, a phone that
/// says where it takes part from in its hello or later, and the host's counts by place.
@Suite("Server: in the room or remote", .serialized)
struct ServerPlaceTests {
    @Test func theRemoteLinkPreselectsRemoteAndKeepsTheRest() {
        #expect(RemoteJoinLink.withPlace("https://forum.example.org/") == "https://forum.example.org/?place=remote")
        #expect(RemoteJoinLink.withPlace("https://forum.example.org") == "https://forum.example.org/?place=remote")
        #expect(RemoteJoinLink.withPlace("https://x.org/?lang=cy") == "https://x.org/?lang=cy&place=remote")
        #expect(RemoteJoinLink.withPlace("https://x.org/?place=remote") == "https://x.org/?place=remote")
        #expect(RemoteJoinLink.url(given: nil, joinURLs: []) == nil)
        #expect(
            RemoteJoinLink.url(given: nil, joinURLs: ["http://10.0.0.7:8080/"]) == "http://10.0.0.7:8080/?place=remote")
    }

    @Test func theRemoteLinkAndItsCodeAreServedAndToldToTheHostOnly() throws {
        let remote = "https://forum.example.org/?place=remote"
        let harness = try PagesHarness(remoteJoinURL: "https://forum.example.org/")
        #expect(harness.server.remoteJoinURL == remote)
        let response = try #require(try harness.client().get("/qr/remote.svg"))
        #expect(response.status == 200)
        let code = try #require(QREncoder.encode(remote))
        #expect(response.text == QRSVG.render(code.matrix, title: remote))
        #expect(try harness.client().get("/qr/join.svg")?.status == 200, "the room's code stays")

        let host = try TestClient(url: "ws://127.0.0.1:\(harness.server.port)/ws")
        try host.send(.hello(role: .host, device: nil, key: ServerHarness.hostKey))
        let welcome = try host.next(WelcomeMessage.self)
        #expect(welcome.remote == RemoteJoin(url: remote, qr: "/qr/remote.svg"))
        #expect(welcome["remote_join_url"] == .string(remote))
        let screen = try TestClient(url: "ws://127.0.0.1:\(harness.server.port)/ws")
        try screen.send(.hello(role: .screen, device: nil, key: nil))
        let screenWelcome = try screen.next(WelcomeMessage.self)
        #expect(screenWelcome["remote_join_url"] == nil, "the projector shows the room's link only")
        #expect(screenWelcome.remote == nil)
        #expect(screenWelcome.joinQR == "/qr/join.svg")
    }

    @Test func aPhoneSaysWhereItTakesPartFromAndChangesIt() throws {
        let harness = try ServerHarness()
        let phone = try TestClient(url: harness.url)
        try phone.send(.hello(role: .audience, device: nil, key: nil, place: .remote))
        let welcome = try phone.next(WelcomeMessage.self)
        #expect(welcome.place == .remote)
        _ = try phone.next(type: .state)
        let device = try #require(welcome.device)

        let host = try harness.join(.host)
        let audience = try #require(host.state.audience)
        #expect(audience.byPlace == ["remote": 1, "room": 0])
        #expect(audience.noPlace == 0)

        try phone.send(.place(.room), ref: "l1")
        let ack = try phone.next(type: .ack)
        #expect(ack.ref == "l1" && ack.ackSubject == .place(.room))
        try phone.sendRaw(#"{"type":"place","place":"garden","ref":"l2"}"#)
        let error = try phone.next(type: .error)
        #expect(error.errorCode == .badMessage)

        // Back with its token and no place: the place it chose stays.
        let again = try TestClient(url: harness.url)
        try again.send(.hello(role: .audience, device: device, key: nil))
        #expect(try again.next(WelcomeMessage.self).place == .room)
        let screen = try harness.join(.screen)
        try screen.send(.place(.room), ref: "s")
        #expect(try screen.next(type: .error).errorCode == .forbidden)
    }
}
