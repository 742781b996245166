import ForumQR
import Foundation

/// The join QR code as an SVG file in a staging folder of its own (removed with
/// ``remove()``), which the server publishes at ``path``: the projector shows it so the
/// room can join by pointing a camera at the wall.
final class JoinQRFile {
    static let fileName = "join.svg"
    /// Where the code is served.
    static let path = LwsContext.qrMountpoint + "/" + fileName

    /// The staging folder.
    let folder: URL

    /// Makes an empty staging folder.
    init() throws {
        StagingFolder.removeAbandoned("forum-qr")
        folder = StagingFolder.make("forum-qr")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// Whether `url` fits in a QR code.
    static func fits(_ url: String) -> Bool {
        QREncoder.encode(url) != nil
    }

    /// Writes the code for `url` (as `fileName`, the join code's by default); false when it
    /// cannot be encoded or written.
    func write(url: String, fileName: String = JoinQRFile.fileName) -> Bool {
        guard let code = QREncoder.encode(url) else { return false }
        let svg = QRSVG.render(code.matrix, title: url)
        return (try? Data(svg.utf8).write(to: folder.appendingPathComponent(fileName))) != nil
    }

    /// Removes the staging folder.
    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }
}
