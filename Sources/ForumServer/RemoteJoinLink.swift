import ForumCore
import Foundation

/// The second join link *(addition)*: the address people following remotely open, which
/// preselects "Following remotely" on the phone page (`?place=remote`), and its QR code at
/// `/qr/remote.svg` beside the room's. The projector keeps showing the room's link.
enum RemoteJoinLink {
    static let fileName = "remote.svg"
    /// Where the remote link's QR code is served.
    static let path = LwsContext.qrMountpoint + "/" + fileName

    /// The remote link: the one given (`--remote-join-url`, the public address behind the
    /// proxy), else the first join address, with `place=remote` added when it has none.
    static func url(given: String?, joinURLs: [String]) -> String? {
        guard let base = given ?? joinURLs.first else { return nil }
        return withPlace(base)
    }

    /// `url` with the query `place=remote` (kept as it is when it says so already).
    static func withPlace(_ url: String) -> String {
        guard var parts = URLComponents(string: url) else { return url }
        var items = parts.queryItems ?? []
        if items.contains(where: { $0.name == "place" && $0.value == "remote" }) { return url }
        items.append(URLQueryItem(name: "place", value: "remote"))
        parts.queryItems = items
        if parts.path.isEmpty { parts.path = "/" }
        return parts.string ?? url
    }

    /// The remote link and its QR code, written beside the join code; the code is nil when
    /// it cannot be made (the link still shows as text).
    static func stage(given: String?, joinURLs: [String], qr: JoinQRFile?) -> RemoteJoin? {
        guard let url = url(given: given, joinURLs: joinURLs) else { return nil }
        let written = qr?.write(url: url, fileName: fileName) ?? false
        return RemoteJoin(url: url, qr: written ? path : nil)
    }
}
