import CQREncode

/// A QR code made by libqrencode: its version (1–40) and its modules.
public struct QRCode: Equatable, Sendable {
    public let version: Int
    public let matrix: QRMatrix
}

/// Encodes text as a QR code with libqrencode (error correction level M: about 15 % of the
/// symbol may be damaged or covered and it still reads).
public enum QREncoder {
    /// The smallest QR code holding `text` as 8-bit bytes, or nil when it cannot be encoded
    /// (empty, or longer than a version-40 symbol holds).
    public static func encode(_ text: String) -> QRCode? {
        guard !text.isEmpty, let code = QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M) else { return nil }
        defer { QRcode_free(code) }
        let size = Int(code.pointee.width)
        guard size > 0, let data = code.pointee.data else { return nil }
        // Each byte is one module; bit 0 says whether it is dark (the other bits describe
        // the module's role in the symbol).
        let rows = (0..<size).map { y in (0..<size).map { x in data[y * size + x] & 1 == 1 } }
        return QRCode(version: Int(code.pointee.version), matrix: QRMatrix(rows: rows))
    }
}
