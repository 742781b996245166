import Foundation

/// The warning for a host key about to travel unencrypted off this machine: a `ws://`
/// address whose host is not this machine's loopback. Anyone on the networks between can
/// read the key and take over the show; `wss://` (docs/remote.md) encrypts it.
public enum PlainTextWarning {
    /// The warning for `url` (short: it fits the console's line), or nil when the key stays
    /// on this machine or is encrypted.
    public static func text(for url: String) -> String? {
        guard let parsed = URLComponents(string: url), parsed.scheme?.lowercased() == "ws",
            let host = parsed.host?.lowercased()
        else { return nil }
        let local = host == "localhost" || host.hasPrefix("127.") || host == "::1" || host == "[::1]"
        guard !local else { return nil }
        return "the host key crosses the network unencrypted (ws://): use wss://"
    }
}
