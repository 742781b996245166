import CNats
import Foundation

/// How to reach NATS. The link always reconnects forever, 250 ms between tries, and `connect`
/// succeeds while no server is up yet (it connects later); a ping a second with at most two
/// unanswered notices a cut link within about three seconds.
public struct NatsOptions: Sendable, Equatable {
    /// Server URLs, tried in turn: `nats://host:4222`, `nats://user:password@host:4222`, or
    /// `tls://host:4222` (which implies `tlsRequired`).
    public var urls: [String]
    /// The connection's name, shown by the server's monitoring (for example the venue id).
    public var name: String
    /// A `.creds` file (user JWT and NKey seed) for servers run with decentralised auth.
    public var credentialsFile: String?
    /// A PEM file of the CA to trust for TLS; setting it implies TLS.
    public var caFile: String?
    /// Insist on TLS (also implied by a `tls://` URL or a `caFile`).
    public var tlsRequired: Bool
    /// Milliseconds between reconnect attempts.
    public var reconnectWaitMilliseconds: Int64 = 250
    /// Milliseconds between pings the client sends.
    public var pingIntervalMilliseconds: Int64 = 1000
    /// Unanswered pings after which the link counts as cut.
    public var maxPingsOut: Int32 = 2
    /// Milliseconds one connect attempt may take.
    public var connectTimeoutMilliseconds: Int64 = 2000

    /// Options for `urls`, named `name`.
    public init(
        urls: [String], name: String, credentialsFile: String? = nil, caFile: String? = nil,
        tlsRequired: Bool = false
    ) {
        self.urls = urls
        self.name = name
        self.credentialsFile = credentialsFile
        self.caFile = caFile
        self.tlsRequired = tlsRequired
    }

    /// Whether the connection must use TLS.
    public var usesTLS: Bool {
        tlsRequired || caFile != nil || urls.contains { $0.lowercased().hasPrefix("tls://") }
    }

    /// The URLs with any password replaced by `***`, for logs and errors.
    public var redactedURLs: String {
        urls.map(Self.redact).joined(separator: ", ")
    }

    static func redact(_ url: String) -> String {
        guard let at = url.lastIndex(of: "@"), let scheme = url.range(of: "://"), scheme.upperBound < at else {
            return url
        }
        let userInfo = url[scheme.upperBound..<at]
        guard let colon = userInfo.firstIndex(of: ":") else { return url }
        return String(url[..<colon]) + ":***" + String(url[at...])
    }

    /// A libnats options object carrying these settings (without callbacks); the caller
    /// destroys it with natsOptions_Destroy.
    func makeCOptions() throws(NatsError) -> OpaquePointer {
        guard !urls.isEmpty else { throw NatsError("connect", message: "no server URL given") }
        // libnats reads the credentials file only when a server answers: check it now, so a
        // wrong path is an error at once rather than a silent retry forever.
        for file in [credentialsFile, caFile].compactMap({ $0 }) where !FileManager.default.isReadableFile(atPath: file)
        {
            throw NatsError("connect to \(redactedURLs)", message: "cannot read \(file)")
        }
        var created: OpaquePointer?
        try check(natsOptions_Create(&created), "create connection options")
        guard let options = created else { throw NatsError("create connection options", message: "no memory") }
        do {
            try apply(to: options)
        } catch {
            natsOptions_Destroy(options)
            throw error
        }
        return options
    }

    private func apply(to options: OpaquePointer) throws(NatsError) {
        let status = withCStrings(urls) { natsOptions_SetServers(options, $0, Int32(urls.count)) }
        try check(status, "use the server URLs \(redactedURLs)")
        try check(natsOptions_SetName(options, name), "set the connection name")
        try check(natsOptions_SetMaxReconnect(options, -1), "set reconnects")
        try check(natsOptions_SetReconnectWait(options, reconnectWaitMilliseconds), "set the reconnect wait")
        try check(natsOptions_SetPingInterval(options, pingIntervalMilliseconds), "set the ping interval")
        try check(natsOptions_SetMaxPingsOut(options, maxPingsOut), "set the pings out")
        try check(natsOptions_SetTimeout(options, connectTimeoutMilliseconds), "set the connect timeout")
        if let credentialsFile {
            try check(
                natsOptions_SetUserCredentialsFromFiles(options, credentialsFile, nil),
                "use the credentials file \(credentialsFile)")
        }
        if usesTLS {
            try check(natsOptions_SetSecure(options, true), "switch TLS on")
        }
        if let caFile {
            try check(natsOptions_LoadCATrustedCertificates(options, caFile), "load the CA file \(caFile)")
        }
    }
}

/// Calls `body` with a C array of C strings for `strings`, valid only during the call.
func withCStrings<R>(_ strings: [String], _ body: (UnsafeMutablePointer<UnsafePointer<CChar>?>) -> R) -> R {
    let copies = strings.map { strdup($0) }
    defer { copies.forEach { free($0) } }
    var pointers = copies.map { UnsafePointer($0) }
    return pointers.withUnsafeMutableBufferPointer { body($0.baseAddress!) }
}

/// Calls `body` with `string` as a C string, or with nil.
func withOptionalCString<R>(_ string: String?, _ body: (UnsafePointer<CChar>?) -> R) -> R {
    guard let string else { return body(nil) }
    return string.withCString { body($0) }
}
