import COpenSSL
import Foundation

/// The certificate and private key `forum serve --tls-cert --tls-key` serves HTTPS and WSS
/// with, checked before listening so that a wrong file is told by name with what to do,
/// rather than lws failing to start with no reason.
public struct TLSFiles: Sendable, Equatable {
    /// A PEM certificate, or a chain (the server's certificate first, as Let's Encrypt's
    /// `fullchain.pem`).
    public var certificate: String
    /// The PEM private key of that certificate.
    public var privateKey: String

    public init(certificate: String, privateKey: String) {
        self.certificate = certificate
        self.privateKey = privateKey
    }

    /// Why the files cannot be served.
    public struct Problem: Error, CustomStringConvertible, Sendable, Equatable {
        public var description: String
    }

    /// Checks that both files can be read, hold a PEM certificate and key, and belong
    /// together; throws the first problem found.
    public func check() throws(Problem) {
        try Self.readable(certificate, what: "certificate", option: "--tls-cert")
        try Self.readable(privateKey, what: "private key", option: "--tls-key")
        guard let certFile = fopen(certificate, "r") else {
            throw Problem(description: "cannot open the certificate '\(certificate)'")
        }
        let x509 = PEM_read_X509(certFile, nil, nil, nil)
        fclose(certFile)
        guard let x509 else {
            throw Problem(
                description: "'\(certificate)' (--tls-cert) holds no PEM certificate: it should start with "
                    + "-----BEGIN CERTIFICATE-----")
        }
        defer { X509_free(x509) }
        guard let keyFile = fopen(privateKey, "r") else {
            throw Problem(description: "cannot open the private key '\(privateKey)'")
        }
        let key = PEM_read_PrivateKey(keyFile, nil, nil, nil)
        fclose(keyFile)
        guard let key else {
            throw Problem(
                description: "'\(privateKey)' (--tls-key) holds no unencrypted PEM private key: it should start "
                    + "with -----BEGIN PRIVATE KEY----- (a key with a passphrase cannot be used)")
        }
        defer { EVP_PKEY_free(key) }
        guard X509_check_private_key(x509, key) == 1 else {
            ERR_clear_error()
            throw Problem(
                description: "the private key '\(privateKey)' does not belong to the certificate '\(certificate)': "
                    + "give the key the certificate was made for")
        }
    }

    private static func readable(_ path: String, what: String, option: String) throws(Problem) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else {
            throw Problem(description: "the \(what) '\(path)' (\(option)) does not exist")
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw Problem(
                description: "the \(what) '\(path)' (\(option)) cannot be read by this user: check its permissions")
        }
    }
}
