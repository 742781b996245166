import ForumCore
import Testing

@Suite("Protocol: the welcome's join QR code")
struct WelcomeJoinQRTests {
    static let library = Library(
        programme: EventProgramme(title: "T", perspectives: EventProgramme.defaultPerspectives, sessions: []),
        stories: [])

    private func keys(_ role: ClientMessage.Role, joinQR: String?) -> [String: JSONValue] {
        let welcome = ServerMessages.welcome(
            role: role, device: role == .audience ? "d" : nil, perspective: nil, library: Self.library,
            joinURLs: ["http://192.168.1.20:8080/"], joinQR: joinQR)
        guard case .object(let members) = welcome.json else { return [:] }
        return Dictionary(members, uniquingKeysWith: { first, _ in first })
    }

    @Test func screensAndHostsGetThePathOrNull() {
        for role in [ClientMessage.Role.screen, .host] {
            #expect(keys(role, joinQR: "/qr/join.svg")["join_qr"] == .string("/qr/join.svg"))
            #expect(keys(role, joinQR: nil)["join_qr"] == .null)
        }
    }

    @Test func phonesDoNotGetIt() {
        #expect(keys(.audience, joinQR: "/qr/join.svg")["join_qr"] == nil)
    }
}
