import ForumNats
import Foundation
import Testing

@Suite("ForumNats core: connect, publish, subscribe, close, against a real nats-server", needsNatsServer)
struct NatsCoreTests {
    @Test func aPublishedMessageReachesTheSubscriber() throws {
        let server = try NatsServerProcess()
        let statuses = Collector<NatsLinkStatus>()
        let connection = try NatsConnection.connect(NatsOptions(urls: [server.url], name: "core-test")) {
            statuses.add($0)
        }
        #expect(statuses.all == [.connected])
        #expect(connection.isConnected)
        let received = Collector<NatsMessage>()
        let subscription = try connection.subscribe(subject: "tally.show1.>") { received.add($0) }
        try connection.flush()
        try connection.publish(subject: "tally.show1.r1.venueA", bytes: "3,4".bytes)
        try connection.publish(subject: "other.subject", bytes: "ignored".bytes)
        try connection.publish(subject: "tally.show1.r1.venueB", bytes: [0, 255, 7])
        let messages = received.wait { $0.count >= 2 }
        #expect(messages.map(\.subject) == ["tally.show1.r1.venueA", "tally.show1.r1.venueB"])
        #expect(messages.map(\.data) == ["3,4".bytes, [0, 255, 7]])

        subscription.unsubscribe()
        subscription.unsubscribe()
        try connection.publish(subject: "tally.show1.r1.venueC", bytes: "late".bytes)
        try connection.flush()
        Thread.sleep(forTimeInterval: 0.2)
        #expect(received.all.count == 2, "nothing arrives after unsubscribe")
        connection.close()
        connection.close()
        #expect(statuses.wait { $0.contains(.closed) }.last == .closed)
        #expect(throws: NatsError.self) { try connection.publish(subject: "x", bytes: []) }
    }

    @Test func connectSucceedsBeforeTheServerIsUpAndConnectsWhenItIs() throws {
        let server = try NatsServerProcess(start: false)
        let statuses = Collector<NatsLinkStatus>()
        let connection = try NatsConnection.connect(NatsOptions(urls: [server.url], name: "early")) {
            statuses.add($0)
        }
        #expect(statuses.all.isEmpty)
        #expect(!connection.isConnected)
        try server.start()
        #expect(statuses.wait { !$0.isEmpty } == [.connected])
        let received = Collector<NatsMessage>()
        let subscription = try connection.subscribe(subject: "hello") { received.add($0) }
        try connection.flush()
        try connection.publish(subject: "hello", bytes: "world".bytes)
        #expect(received.wait { !$0.isEmpty }.first?.data == "world".bytes)
        _ = subscription
    }

    @Test func userAndPasswordInTheURLAreUsedAndAWrongPasswordIsAClearError() throws {
        let server = try NatsServerProcess(arguments: ["--user", "venue", "--pass", "s3cret"])
        let good = NatsOptions(urls: ["nats://venue:s3cret@127.0.0.1:\(server.port)"], name: "auth")
        let connection = try NatsConnection.connect(good)
        #expect(connection.isConnected)
        try connection.flush()

        let bad = NatsOptions(urls: ["nats://venue:wrong@127.0.0.1:\(server.port)"], name: "auth")
        let started = Date()
        let error = #expect(throws: NatsError.self) { try NatsConnection.connect(bad) }
        #expect(Date().timeIntervalSince(started) < 5, "a refused password fails at once, it is not retried")
        #expect(error?.kind == .authorization)
        #expect(error?.description.contains("wrong") == false, "the password is not repeated in the error")
        #expect(error?.description.lowercased().contains("auth") == true, "\(String(describing: error))")

        let none = NatsOptions(urls: [server.url], name: "auth")
        let noneError = #expect(throws: NatsError.self) { try NatsConnection.connect(none) }
        #expect(noneError?.kind == .authorization)
        #expect(
            noneError?.description.contains(".c:") == false, "no C source locations: \(String(describing: noneError))")
    }

    @Test func aBadURLOrCredentialsFileIsAnErrorNotARetry() {
        #expect(throws: NatsError.self) { try NatsConnection.connect(NatsOptions(urls: [], name: "n")) }
        let missing = NatsOptions(urls: ["nats://127.0.0.1:1"], name: "n", credentialsFile: "/nonexistent.creds")
        let missingError = #expect(throws: NatsError.self) { try NatsConnection.connect(missing) }
        #expect(missingError?.description.contains("/nonexistent.creds") == true)
    }

    @Test func aCredentialsFileWithoutAUserJWTIsAClearError() throws {
        let server = try NatsServerProcess()
        let file = server.directory.appendingPathComponent("bad.creds").path
        try "not a creds file\n".write(toFile: file, atomically: true, encoding: .utf8)
        let options = NatsOptions(urls: [server.url], name: "creds", credentialsFile: file)
        let error = #expect(throws: NatsError.self) { try NatsConnection.connect(options) }
        #expect(error?.description.contains("bad.creds") == true, "\(String(describing: error))")
        #expect(error?.kind == .authorization)
    }
}

@Suite("ForumNats options without a server")
struct NatsOptionsTests {
    @Test func passwordsAreRedactedFromURLs() {
        let options = NatsOptions(urls: ["nats://u:p4ss@host:4222", "tls://host:4223", "nats://token@h:1"], name: "n")
        #expect(options.redactedURLs == "nats://u:***@host:4222, tls://host:4223, nats://token@h:1")
        #expect(options.usesTLS)
        #expect(!NatsOptions(urls: ["nats://h:1"], name: "n").usesTLS)
        #expect(NatsOptions(urls: ["nats://h:1"], name: "n", caFile: "/ca.pem").usesTLS)
    }
}
