import COpenSSL

/// Seals the shared show's entries with the host key (HMAC-SHA-256 from OpenSSL's
/// libcrypto, over a label and the entry's bytes), so that only a venue given the host key
/// can move the show, and a venue that is not can still check every entry it follows.
/// Sealed form: 64 hex digits, a dot, the entry's JSON.
struct StageSeal: Sendable {
    private let key: [UInt8]
    private static let label = Array("forum stage entry v1\n".utf8)

    /// A seal keyed by the show's host key.
    init(hostKey: String) {
        key = Array(hostKey.utf8)
    }

    /// `body` sealed.
    func seal(_ body: [UInt8]) -> [UInt8] {
        Array(Self.hex(mac(body)).utf8) + [UInt8(ascii: ".")] + body
    }

    /// The body of a sealed entry, or nil when the seal does not match this key (or the
    /// bytes are not a sealed entry at all).
    func open(_ sealed: [UInt8]) -> [UInt8]? {
        guard sealed.count > 65, sealed[64] == UInt8(ascii: ".") else { return nil }
        let body = Array(sealed[65...])
        let expected = Array(Self.hex(mac(body)).utf8)
        let given = Array(sealed[..<64])
        let same = expected.withUnsafeBytes { a in
            given.withUnsafeBytes { b in CRYPTO_memcmp(a.baseAddress, b.baseAddress, 64) }
        }
        return same == 0 ? body : nil
    }

    private func mac(_ body: [UInt8]) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let message = Self.label + body
        _ = key.withUnsafeBytes { keyBytes in
            message.withUnsafeBytes { bytes in
                HMAC(
                    EVP_sha256(), keyBytes.baseAddress, Int32(keyBytes.count),
                    bytes.bindMemory(to: UInt8.self).baseAddress,
                    bytes.count, &out, &length)
            }
        }
        return Array(out.prefix(Int(length)))
    }

    /// SHA-256 of `text`, in hex (the stories' fingerprint).
    static func sha256(_ text: String) -> String {
        var digest = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBufferPointer { SHA256($0.baseAddress, $0.count, &digest) }
        return hex(digest)
    }

    private static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 15)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
