import ForumCore
import Logging

/// How `forum serve` runs: where it listens, what it serves, who may host.
public struct ServerConfiguration: Sendable {
    /// TCP port; 0 picks a free one (tests).
    public var port: Int
    /// The folder with the audience and projector pages.
    public var webRoot: String
    /// A folder holding only the stories' images (served at `/scenarios-media/`), if any.
    public var mediaRoot: String?
    /// The secret a host must send in its `hello`.
    public var hostKey: String
    /// *(addition)* The moderator's own key, if any: it lets a `moderator` in (the host key
    /// does too), never a host.
    public var moderatorKey: String?
    /// Idle seconds before the server pings a connection (plus a jitter of up to half as much
    /// again, per connection: see ``KeepAlive``), and before it hangs up on a silent one.
    public var pingAfterSeconds: UInt16
    public var hangUpAfterSeconds: UInt16
    /// Addresses printed and shown for phones to join; computed from the interfaces when nil.
    public var joinURLs: [String]?
    /// Where the join QR code (the first join address) is served, once the server has made
    /// it: nil when there is no join address or it does not fit in a QR code. Set by the
    /// server; screens and hosts find it in their `welcome`.
    public internal(set) var joinQRPath: String?
    /// *(addition)* The address people following remotely open (`--remote-join-url`); nil:
    /// the first join address with `?place=remote`.
    public var remoteJoinURL: String?
    public var logger: Logger
    /// The certificate and key for HTTPS and WSS; nil serves plain HTTP and WS.
    public var tls: TLSFiles?
    /// Builds the show's report page for a host's `report` command, from the database on a
    /// read-only connection of its own. Called on a thread of its own, never the service
    /// thread. Nil: this server has no report (the host is told so).
    public var buildReport: (@Sendable (ReportEdition) throws -> String)?
    /// *(addition)* One show in several venues: this venue's link to the others (nil: a
    /// single-machine show), and where to keep the whole day's archive, if here.
    public var venues: VenueSettings?
    public var archivePath: String?

    public init(
        port: Int = 8080, webRoot: String, mediaRoot: String? = nil, hostKey: String, pingAfterSeconds: UInt16 = 20,
        hangUpAfterSeconds: UInt16 = 60, joinURLs: [String]? = nil, remoteJoinURL: String? = nil,
        logger: Logger = Logger(label: "forum.server")
    ) {
        self.remoteJoinURL = remoteJoinURL
        self.port = port
        self.webRoot = webRoot
        self.mediaRoot = mediaRoot
        self.hostKey = hostKey
        self.pingAfterSeconds = pingAfterSeconds
        self.hangUpAfterSeconds = hangUpAfterSeconds
        self.joinURLs = joinURLs
        self.logger = logger
    }
}
