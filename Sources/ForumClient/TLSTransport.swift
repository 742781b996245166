import COpenSSL
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// How `wss://` checks the server: by default its certificate must chain to one of the
/// system's CAs and name the host; a venue's own (self-signed) certificate is trusted by
/// giving it, or the CA that signed it, as `caFile`.
public struct TLSOptions: Sendable {
    /// A PEM file of certificates to trust instead of the system's CAs. A certificate in it
    /// is trusted as it is, also when it is not a CA's (a venue's self-signed one).
    public var caFile: String?
    /// Whether the certificate must name the host dialled (always, except for the console of
    /// `forum serve`, which dials 127.0.0.1 and trusts exactly the certificate it serves).
    public var verifyHostname: Bool

    public init(caFile: String? = nil, verifyHostname: Bool = true) {
        self.caFile = caFile
        self.verifyHostname = verifyHostname
    }
}

/// TLS over a connected socket with OpenSSL, verifying the server's certificate. The
/// socket is made non-blocking, and OpenSSL is called under a lock and never while waiting,
/// so a reader waiting for the server does not hold up a sender.
final class TLSTransport: ByteTransport, @unchecked Sendable {
    private let socket: Int32
    private let context: OpaquePointer
    private let ssl: OpaquePointer
    /// Guards every call into `ssl` (OpenSSL objects are not thread-safe).
    private let lock = Mutex(())
    private let closed = Atomic<Bool>(false)
    static let writeTimeout = 10.0

    /// Completes the TLS handshake on `socket` with `host`, or throws why not.
    init(socket: Int32, host: String, options: TLSOptions, timeoutSeconds: Double) throws {
        guard let context = SSL_CTX_new(TLS_client_method()) else {
            throw WebSocketClient.Failure(description: "TLS could not start: \(Self.errorText())")
        }
        SSL_CTX_set_verify(context, SSL_VERIFY_PEER, nil)
        if let caFile = options.caFile {
            guard SSL_CTX_load_verify_locations(context, caFile, nil) == 1 else {
                SSL_CTX_free(context)
                throw WebSocketClient.Failure(
                    description: "cannot read the certificates in --ca-file '\(caFile)': \(Self.errorText())")
            }
            X509_VERIFY_PARAM_set_flags(SSL_CTX_get0_param(context), UInt(X509_V_FLAG_PARTIAL_CHAIN))
        } else {
            SSL_CTX_set_default_verify_paths(context)
        }
        guard let ssl = SSL_new(context) else {
            SSL_CTX_free(context)
            throw WebSocketClient.Failure(description: "TLS could not start: \(Self.errorText())")
        }
        self.socket = socket
        self.context = context
        self.ssl = ssl
        SSL_set_fd(ssl, socket)
        let isAddress = host.contains(":") || host.allSatisfy { $0.isNumber || $0 == "." }
        if !isAddress { _ = swift_ssl_set_sni(ssl, host) }
        if options.verifyHostname {
            let parameters = SSL_get0_param(ssl)
            if isAddress {
                X509_VERIFY_PARAM_set1_ip_asc(parameters, host)
            } else {
                X509_VERIFY_PARAM_set1_host(parameters, host, 0)
            }
        }
        _ = fcntl(socket, F_SETFL, fcntl(socket, F_GETFL) | O_NONBLOCK)
        try handshake(host: host, deadline: Date().addingTimeInterval(timeoutSeconds))
    }

    deinit {
        SSL_free(ssl)
        SSL_CTX_free(context)
        Glibc.close(socket)
    }

    private func handshake(host: String, deadline: Date) throws {
        while true {
            let (result, error) = lock.withLock { _ in
                let result = SSL_connect(ssl)
                return (result, result == 1 ? 0 : SSL_get_error(ssl, result))
            }
            if result == 1 { return }
            if error == SSL_ERROR_WANT_READ || error == SSL_ERROR_WANT_WRITE {
                try PlainTransport.wait(
                    socket, for: Int16(error == SSL_ERROR_WANT_READ ? POLLIN : POLLOUT), until: deadline)
                continue
            }
            let verdict = SSL_get_verify_result(ssl)
            if verdict != X509_V_OK {
                let reason = String(cString: X509_verify_cert_error_string(verdict))
                throw WebSocketClient.Failure(
                    description: "the server's certificate is not trusted (\(reason)); for a venue's own "
                        + "certificate, give it with --ca-file FILE")
            }
            throw WebSocketClient.Failure(
                description: "the TLS handshake with \(host) failed (\(Self.errorText())): is it a wss:// address?")
        }
    }

    func write(_ bytes: [UInt8]) throws {
        var offset = 0
        let deadline = Date().addingTimeInterval(Self.writeTimeout)
        while offset < bytes.count {
            guard !closed.load(ordering: .acquiring) else {
                throw WebSocketClient.Failure(description: "the connection broke while sending")
            }
            let (written, error) = lock.withLock { _ in
                bytes[offset...].withUnsafeBytes { buffer in
                    let written = SSL_write(ssl, buffer.baseAddress, Int32(buffer.count))
                    return (written, written > 0 ? 0 : SSL_get_error(ssl, written))
                }
            }
            if written > 0 {
                offset += Int(written)
            } else if error == SSL_ERROR_WANT_READ || error == SSL_ERROR_WANT_WRITE {
                try PlainTransport.wait(
                    socket, for: Int16(error == SSL_ERROR_WANT_READ ? POLLIN : POLLOUT), until: deadline)
            } else {
                throw WebSocketClient.Failure(description: "the connection broke while sending")
            }
        }
    }

    func read(deadline: Date) throws -> [UInt8] {
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            guard !closed.load(ordering: .acquiring) else {
                throw WebSocketClient.Failure(description: "the server closed the connection")
            }
            let (count, error) = lock.withLock { _ in
                chunk.withUnsafeMutableBytes { buffer in
                    let count = SSL_read(ssl, buffer.baseAddress, Int32(buffer.count))
                    return (count, count > 0 ? 0 : SSL_get_error(ssl, count))
                }
            }
            if count > 0 { return Array(chunk[..<Int(count)]) }
            guard error == SSL_ERROR_WANT_READ || error == SSL_ERROR_WANT_WRITE else {
                throw WebSocketClient.Failure(description: "the server closed the connection")
            }
            try PlainTransport.wait(
                socket, for: Int16(error == SSL_ERROR_WANT_READ ? POLLIN : POLLOUT), until: deadline)
        }
    }

    /// Says goodbye to TLS and shuts the socket down (waking a waiting reader); the socket
    /// and OpenSSL's objects are freed with this object.
    func close() {
        guard !closed.exchange(true, ordering: .acquiringAndReleasing) else { return }
        lock.withLock { _ in _ = SSL_shutdown(ssl) }
        shutdown(socket, Int32(SHUT_RDWR))
    }

    /// OpenSSL's first queued error as text.
    static func errorText() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        swift_ssl_error_text(&buffer, buffer.count)
        let text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return text.isEmpty ? "no detail" : text
    }
}
