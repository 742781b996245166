import ForumNats
import Foundation
import Testing

@Suite("ForumNats across a restart of nats-server while connected", needsNatsServer)
struct NatsRestartTests {
    @Test func theLinkReportsTheCutReconnectsAndPublishesConsumersAndWatchesGoOn() throws {
        let server = try NatsServerProcess()
        let statuses = Collector<NatsLinkStatus>()
        let connection = try NatsConnection.connect(NatsOptions(urls: [server.url], name: "restart")) {
            statuses.add($0)
        }
        let jetStream = try connection.jetStream()
        try jetStream.ensureStream(name: "VOTES_A", subjects: ["votes.a.>"])
        let store = try jetStream.keyValue(bucket: "SHOW_1", create: true)
        var revision = try store.create("state", "before".bytes)
        let seen = Collector<NatsEntry?>()
        let watch = try store.watch("state") { seen.add($0) }
        let core = Collector<NatsMessage>()
        let subscription = try connection.subscribe(subject: "tally.>") { core.add($0) }
        _ = try jetStream.publish(subject: "votes.a.r1", bytes: "1".bytes, messageID: "A:1")
        let stored = Collector<NatsStoredMessage>()
        let consumer = try jetStream.consume(stream: "VOTES_A", subject: "votes.a.>", fromSequence: 1) {
            stored.add($0)
        }
        #expect(seen.wait { !$0.isEmpty }.first??.value == "before".bytes)
        #expect(stored.wait { !$0.isEmpty }.count == 1)

        server.stop()
        #expect(statuses.wait { $0.contains(.disconnected) }.contains(.disconnected))
        try server.start()
        let afterRestart = statuses.wait(timeout: 15) { $0.contains(.reconnected) }
        #expect(afterRestart == [.connected, .disconnected, .reconnected])

        // Core publish after the reconnect.
        try connection.flush()
        try connection.publish(subject: "tally.show1.venueA", bytes: "after".bytes)
        #expect(core.wait { !$0.isEmpty }.first?.data == "after".bytes)
        // JetStream publish after the reconnect: the stream kept its message on disk.
        let published = try jetStream.publish(subject: "votes.a.r1", bytes: "2".bytes, messageID: "A:2")
        #expect(published.sequence == 2 && !published.duplicate)
        #expect(try jetStream.publish(subject: "votes.a.r1", bytes: "1".bytes, messageID: "A:1").duplicate)
        // The key-value store and the watch go on.
        #expect(try store.get("state")?.revision == revision)
        for value in ["after 1", "after 2"] {
            guard case .written(let next) = store.update("state", value.bytes, expecting: revision) else {
                Issue.record("update after the restart failed")
                return
            }
            revision = next
        }
        let values = seen.wait(timeout: 20) { $0.count >= 3 }.map {
            $0.map { String(decoding: $0.value, as: UTF8.self) }
        }
        #expect(values == ["before", "after 1", "after 2"])
        // The ordered consumer goes on from where it was, without repeats.
        #expect(stored.wait(timeout: 20) { $0.count >= 2 }.map(\.sequence) == [1, 2])
        watch.stop()
        consumer.unsubscribe()
        subscription.unsubscribe()
        connection.close()
        #expect(statuses.wait { $0.contains(.closed) }.last == .closed)
    }
}

@Suite("ForumNats while the server is down", needsNatsServer)
struct NatsServerDownTests {
    @Test func asyncPublishesWhoseAcksNeverComeAreReportedAsFailed() throws {
        let server = try NatsServerProcess()
        let statuses = Collector<NatsLinkStatus>()
        let connection = try NatsConnection.connect(NatsOptions(urls: [server.url], name: "down")) {
            statuses.add($0)
        }
        let jetStream = try connection.jetStream(timeout: .seconds(1))
        try jetStream.ensureStream(name: "VOTES_A", subjects: ["votes.a.>"])
        server.stop()
        #expect(statuses.wait { $0.contains(.disconnected) }.contains(.disconnected))
        for index in 1...3 {
            try jetStream.publishAsync(subject: "votes.a.r1", bytes: "\(index)".bytes, messageID: "A:\(index)")
        }
        #expect(!jetStream.waitForAcks(timeout: .seconds(3)), "no ack comes while the server is down")
        let failed = Collector<String>()
        let deadline = Date().addingTimeInterval(10)
        while failed.all.count < 3 && Date() < deadline {
            jetStream.failedMessageIDs().forEach(failed.add)
            Thread.sleep(forTimeInterval: 0.1)
        }
        #expect(failed.all.sorted() == ["A:1", "A:2", "A:3"], "each lost publish is named, for re-publishing")
        let error = #expect(throws: NatsError.self) {
            try jetStream.publish(subject: "votes.a.r1", bytes: [1], messageID: "A:4")
        }
        #expect(error?.kind == .timeout || error?.kind == .notConnected, "\(String(describing: error))")
    }
}
