import ForumNats
import Foundation
import Testing

@Suite("ForumNats over TLS with a test CA made by openssl", needsNatsServer)
struct NatsTLSTests {
    @Test func withTheCAFileTheConnectionWorksWithoutItItFailsClearly() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("forum-nats-tls-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = { (name: String) in directory.appendingPathComponent(name).path }
        try openssl([
            "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=Forum test CA",
            "-keyout", file("ca.key"), "-out", file("ca.pem"),
        ])
        try openssl([
            "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1",
            "-keyout", file("server.key"), "-out", file("server.csr"),
        ])
        try "subjectAltName=IP:127.0.0.1,DNS:localhost\n".write(
            toFile: file("san.ext"), atomically: true, encoding: .utf8)
        try openssl([
            "x509", "-req", "-in", file("server.csr"), "-CA", file("ca.pem"), "-CAkey", file("ca.key"),
            "-CAcreateserial", "-days", "1", "-extfile", file("san.ext"), "-out", file("server.pem"),
        ])
        let server = try NatsServerProcess(arguments: [
            "--tls", "--tlscert", file("server.pem"), "--tlskey", file("server.key"),
        ])

        let trusted = NatsOptions(urls: ["tls://127.0.0.1:\(server.port)"], name: "tls", caFile: file("ca.pem"))
        let connection = try NatsConnection.connect(trusted)
        let received = Collector<NatsMessage>()
        let subscription = try connection.subscribe(subject: "secure") { received.add($0) }
        try connection.flush()
        try connection.publish(subject: "secure", bytes: "over tls".bytes)
        #expect(received.wait { !$0.isEmpty }.first?.data == "over tls".bytes)
        subscription.unsubscribe()
        connection.close()

        let untrusted = NatsOptions(urls: ["tls://127.0.0.1:\(server.port)"], name: "tls")
        let error = #expect(throws: NatsError.self) { try NatsConnection.connect(untrusted) }
        #expect(error?.kind == .tls, "\(String(describing: error))")
        #expect(error?.description.contains("127.0.0.1:\(server.port)") == true)

        let plain = NatsOptions(urls: [server.url], name: "tls")
        let plainError = #expect(throws: NatsError.self) { try NatsConnection.connect(plain) }
        #expect(plainError?.kind == .tls, "\(String(describing: plainError))")
        #expect(error?.description.contains("caFile") == true)
    }

    private func openssl(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "openssl \(arguments.joined(separator: " "))")
    }
}
