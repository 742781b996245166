import ForumConsole
import Testing

/// The host key over `ws://` to another machine is warned about; on this machine, or over
/// `wss://`, it is not.
@Suite struct PlainTextWarningTests {
    @Test func onlyPlainAddressesOffThisMachineAreWarnedAbout() {
        for remote in ["ws://192.168.1.20:8080/ws", "ws://forum.example.org/ws", "WS://10.0.0.7:8080/ws"] {
            #expect(PlainTextWarning.text(for: remote)?.contains("unencrypted") == true, "\(remote)")
        }
        for quiet in [
            "ws://127.0.0.1:8080/ws", "ws://localhost:8080/ws", "ws://[::1]:8080/ws", "ws://127.8.0.1/ws",
            "wss://192.168.1.20:8080/ws", "wss://forum.example.org/ws",
        ] {
            #expect(PlainTextWarning.text(for: quiet) == nil, "\(quiet)")
        }
    }
}
