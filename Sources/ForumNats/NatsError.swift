import CNats

/// A failed libnats call: what Forum was doing, libnats's status (its number and text) and
/// the last error libnats recorded on the calling thread (`nats_GetLastError`), in English.
public struct NatsError: Error, Sendable, CustomStringConvertible, Equatable {
    /// What a caller may want to tell apart; everything else is `.other`.
    public enum Kind: Sendable, Equatable {
        /// `create` found the key already there (or a stream publish expected no message).
        case keyExists
        /// A compare-and-set found another revision: someone else wrote first.
        case wrongLastRevision
        /// No answer in time.
        case timeout
        /// Nobody answers the subject (no JetStream, or the stream or bucket is missing).
        case noResponders
        /// The link is down (not yet connected, reconnecting, or closed).
        case notConnected
        /// The server refused the user, password or credentials (or the credentials file is bad).
        case authorization
        /// The TLS handshake or the CA file failed.
        case tls
        /// The stream, consumer or bucket does not exist.
        case notFound
        /// Any other failure.
        case other
    }

    /// What Forum was doing, for example "connect to nats://127.0.0.1:4222".
    public let operation: String
    /// libnats's status number (`natsStatus`).
    public let status: Int32
    /// libnats's text for the status (`natsStatus_GetText`).
    public let statusText: String
    /// The detail libnats recorded (`nats_GetLastError`), or the server's JetStream error text.
    public let detail: String
    /// The JetStream error code the server sent (`jsErrCode`), 0 when none.
    public let jetStreamCode: Int32
    /// The class of failure.
    public let kind: Kind

    /// Captures the last error of this thread for `status`; call it right after the failing call.
    init(_ operation: String, status: natsStatus, jetStreamCode: jsErrCode = jsErrCode(0)) {
        self.operation = operation
        self.status = Int32(bitPattern: status.rawValue)
        statusText = String(cString: natsStatus_GetText(status))
        var lastStatus = NATS_OK
        let last = nats_GetLastError(&lastStatus).map { Self.withoutSourceLocations(String(cString: $0)) } ?? ""
        detail = last == statusText ? "" : last
        self.jetStreamCode = Int32(bitPattern: jetStreamCode.rawValue)
        kind = Self.classify(status: status, jetStreamCode: jetStreamCode, detail: last)
    }

    /// An error Forum itself detects (a bad argument), with no libnats status behind it.
    init(_ operation: String, message: String) {
        self.operation = operation
        status = Int32(bitPattern: NATS_INVALID_ARG.rawValue)
        statusText = String(cString: natsStatus_GetText(NATS_INVALID_ARG))
        detail = message
        jetStreamCode = 0
        kind = .other
    }

    public var description: String {
        let reason = detail.isEmpty ? statusText : "\(statusText): \(detail)"
        let hint =
            switch kind {
            case .authorization: "; check the user and password in the URL, or the credentials file"
            case .tls: "; check that caFile holds the CA that signed the server's certificate"
            default: ""
            }
        return "NATS: could not \(operation) (\(reason))\(hint)"
    }

    /// Whether waiting may cure it (a refused password, a TLS failure or a bad argument won't).
    var isRetryable: Bool {
        switch kind {
        case .authorization, .tls: false
        default: status != Int32(bitPattern: NATS_INVALID_ARG.rawValue)
        }
    }

    /// libnats's last error names the C source line ("(conn.c:1905): "): drop it.
    static func withoutSourceLocations(_ text: String) -> String {
        text.replacing(/\([A-Za-z_]+\.c:[0-9]+\): ?/, with: "")
    }

    private static func classify(status: natsStatus, jetStreamCode: jsErrCode, detail: String) -> Kind {
        let lowered = detail.lowercased()
        if jetStreamCode == JSStreamWrongLastSequenceErr || lowered.contains("wrong last sequence") {
            return .wrongLastRevision
        }
        switch status {
        case NATS_TIMEOUT: return .timeout
        case NATS_NO_RESPONDERS: return .noResponders
        case NATS_NOT_YET_CONNECTED, NATS_CONNECTION_CLOSED, NATS_CONNECTION_DISCONNECTED, NATS_NO_SERVER:
            return .notConnected
        case NATS_CONNECTION_AUTH_FAILED, NATS_NOT_PERMITTED: return .authorization
        case NATS_SSL_ERROR, NATS_SECURE_CONNECTION_WANTED, NATS_SECURE_CONNECTION_REQUIRED: return .tls
        case NATS_NOT_FOUND: return .notFound
        default: break
        }
        if ["authorization", "authentication", "nkey", "jwt", "creds"].contains(where: lowered.contains) {
            return .authorization
        }
        if jetStreamCode == JSStreamNotFoundErr || jetStreamCode == JSConsumerNotFoundErr { return .notFound }
        return .other
    }

    /// The same error with another kind (create's "key exists" is a wrong-last-revision underneath).
    func with(kind: Kind) -> NatsError {
        NatsError(
            operation: operation, status: status, statusText: statusText, detail: detail,
            jetStreamCode: jetStreamCode, kind: kind)
    }

    private init(
        operation: String, status: Int32, statusText: String, detail: String, jetStreamCode: Int32, kind: Kind
    ) {
        self.operation = operation
        self.status = status
        self.statusText = statusText
        self.detail = detail
        self.jetStreamCode = jetStreamCode
        self.kind = kind
    }
}

/// Throws a `NatsError` for `operation` unless `status` is NATS_OK.
func check(_ status: natsStatus, _ operation: @autoclosure () -> String) throws(NatsError) {
    if status != NATS_OK { throw NatsError(operation(), status: status) }
}
