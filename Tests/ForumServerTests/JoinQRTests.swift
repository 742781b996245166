import ForumCore
import ForumQR
import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("Server: the join QR code", .serialized)
struct JoinQRTests {
    @Test func theCodeOfTheFirstJoinURLIsServedAsSVG() throws {
        let harness = try PagesHarness(joinURLs: [PagesHarness.joinURL, "http://10.0.0.2:8080/"])
        let response = try #require(try harness.client().get("/qr/join.svg"))
        #expect(response.status == 200)
        #expect(response.headers["content-type"] == "image/svg+xml")
        #expect(response.headers["cache-control"] == "no-store")
        let code = try #require(QREncoder.encode(PagesHarness.joinURL))
        #expect(response.text == QRSVG.render(code.matrix, title: PagesHarness.joinURL))
        // A well-formed XML document with an <svg> root.
        let document = try XMLDocument(data: Data(response.body))
        #expect(document.rootElement()?.name == "svg")
        #expect(document.rootElement()?.elements(forName: "title").first?.stringValue == PagesHarness.joinURL)
    }

    @Test func screensAndHostsAreToldWhereItIs() throws {
        let harness = try ServerHarness()
        #expect(try harness.join(.screen).welcome.joinQR == "/qr/join.svg")
        #expect(try harness.join(.host).welcome.joinQR == "/qr/join.svg")
        #expect(try harness.join(.audience).welcome["join_qr"] == nil, "no member at all for a phone")
    }

    @Test func withoutAJoinURLThereIsNoCode() throws {
        let harness = try PagesHarness(joinURLs: [])
        let client = try TestClient(url: "ws://127.0.0.1:\(harness.server.port)/ws")
        try client.send(.hello(role: .screen, device: nil, key: nil))
        let welcome = try client.next(WelcomeMessage.self)
        #expect(welcome["join_qr"] == .null)
        #expect(try harness.client().get("/qr/join.svg")?.status == 404)
    }

    @Test func aURLTooLongForAQRCodeGivesNone() throws {
        let harness = try PagesHarness(joinURLs: ["http://192.168.1.20:8080/" + String(repeating: "x", count: 3000)])
        let client = try TestClient(url: "ws://127.0.0.1:\(harness.server.port)/ws")
        try client.send(.hello(role: .host, device: nil, key: ServerHarness.hostKey))
        #expect(try client.next(WelcomeMessage.self)["join_qr"] == .null)
    }
}
