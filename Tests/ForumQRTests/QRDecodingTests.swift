import ForumQR
import Foundation
import Testing

/// `rsvg-convert` (librsvg2-bin) and `zbarimg` (zbar-tools), from scripts/install-deps.
private let tools = QRTools()

@Suite("QR code: the SVG decodes back to the URL")
struct QRDecodingTests {
    @Test(.enabled(if: tools.available, "needs rsvg-convert and zbarimg (scripts/install-deps)"))
    func theRenderedSVGDecodesToTheURL() throws {
        for url in ["http://192.168.1.20:8080/", "http://10.0.0.7:18080/"] {
            let code = try #require(QREncoder.encode(url))
            let decoded = try tools.decode(svg: QRSVG.render(code.matrix, title: url))
            #expect(decoded == url)
        }
    }
}

/// Renders an SVG to PNG and reads the QR code in it.
struct QRTools: Sendable {
    let rsvg = QRTools.find("rsvg-convert")
    let zbar = QRTools.find("zbarimg")

    var available: Bool { rsvg != nil && zbar != nil }

    func decode(svg: String) throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("forum-qr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let svgFile = folder.appendingPathComponent("code.svg")
        let pngFile = folder.appendingPathComponent("code.png")
        try svg.write(to: svgFile, atomically: true, encoding: .utf8)
        _ = try Self.run(rsvg!, ["--width", "400", "--output", pngFile.path, svgFile.path])
        let output = try Self.run(zbar!, ["--quiet", "--raw", pngFile.path])
        return output.trimmingCharacters(in: .newlines)
    }

    private static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    private static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        // zbarimg complains on stderr that it has no D-Bus; only its exit status matters.
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "\(tool) failed"])
        }
        return String(decoding: data, as: UTF8.self)
    }
}
