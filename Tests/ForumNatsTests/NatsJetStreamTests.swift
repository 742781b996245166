import ForumNats
import Foundation
import Testing

@Suite("ForumNats JetStream: streams, acked and async publishes, ordered consumers", needsNatsServer)
struct NatsJetStreamTests {
    let server: NatsServerProcess
    let connection: NatsConnection
    let jetStream: NatsJetStream

    init() throws {
        server = try NatsServerProcess()
        connection = try NatsConnection.connect(NatsOptions(urls: [server.url], name: "js-test"))
        jetStream = try connection.jetStream()
        try jetStream.ensureStream(name: "VOTES_A", subjects: ["votes.a.>"], duplicateWindow: .seconds(120))
    }

    @Test func theSameMessageIDTwiceIsStoredOnceAndFlaggedDuplicate() throws {
        let first = try jetStream.publish(subject: "votes.a.r1", bytes: "vote 1".bytes, messageID: "A:1")
        let again = try jetStream.publish(subject: "votes.a.r1", bytes: "vote 1".bytes, messageID: "A:1")
        let other = try jetStream.publish(subject: "votes.a.r1", bytes: "vote 2".bytes, messageID: "A:2")
        #expect(first.sequence == 1 && !first.duplicate)
        #expect(again.duplicate && again.sequence == 1, "the duplicate is answered with the stored sequence")
        #expect(other.sequence == 2 && !other.duplicate)
        let last = try jetStream.lastMessage(stream: "VOTES_A", subject: "votes.a.r1")
        #expect(last?.sequence == 2)
        #expect(last?.header("Nats-Msg-Id") == "A:2")
    }

    @Test func athousandAsyncPublishesAreAllStoredInOrder() throws {
        for index in 1...1000 {
            try jetStream.publishAsync(
                subject: "votes.a.r\(index % 3)", bytes: "\(index)".bytes, messageID: "A:\(index)")
        }
        #expect(jetStream.waitForAcks(timeout: .seconds(20)))
        #expect(jetStream.failedMessageIDs().isEmpty)
        let received = Collector<NatsStoredMessage>()
        let consumer = try jetStream.consume(stream: "VOTES_A", subject: "votes.a.>", fromSequence: 1) {
            received.add($0)
        }
        let messages = received.wait(timeout: 20) { $0.count >= 1000 }
        #expect(messages.count == 1000)
        #expect(messages.map(\.sequence) == Array(1...1000))
        #expect(messages.map { String(decoding: $0.data, as: UTF8.self) } == (1...1000).map(String.init))
        consumer.unsubscribe()
    }

    @Test func aRefusedAsyncPublishIsReportedWithItsMessageID() throws {
        // No stream listens on "nowhere.*": the publish has no responders.
        try jetStream.publishAsync(subject: "votes.a.ok", bytes: "kept".bytes, messageID: "A:ok")
        try jetStream.publishAsync(subject: "nowhere.1", bytes: "lost".bytes, messageID: "A:lost")
        #expect(!jetStream.waitForAcks(timeout: .seconds(10)))
        #expect(jetStream.failedMessageIDs() == ["A:lost"])
        #expect(jetStream.failedMessageIDs().isEmpty, "each failure is reported once")
        #expect(jetStream.waitForAcks(timeout: .seconds(1)), "nothing failed since")
        #expect(try jetStream.lastMessage(stream: "VOTES_A", subject: "votes.a.ok")?.data == "kept".bytes)
    }

    @Test func lastMessageIsBySubjectAndNilWhenTheSubjectHasNone() throws {
        _ = try jetStream.publish(subject: "votes.a.r1", bytes: "one".bytes, messageID: "m1")
        _ = try jetStream.publish(subject: "votes.a.r2", bytes: "two".bytes, messageID: "m2")
        _ = try jetStream.publish(subject: "votes.a.r1", bytes: "three".bytes, messageID: "m3")
        let r1 = try jetStream.lastMessage(stream: "VOTES_A", subject: "votes.a.r1")
        #expect(r1?.data == "three".bytes && r1?.sequence == 3 && r1?.subject == "votes.a.r1")
        #expect(try jetStream.lastMessage(stream: "VOTES_A", subject: "votes.a.r2")?.sequence == 2)
        #expect(try jetStream.lastMessage(stream: "VOTES_A", subject: "votes.a.none") == nil)
        let error = #expect(throws: NatsError.self) {
            try jetStream.lastMessage(stream: "NO_SUCH_STREAM", subject: "votes.a.r1")
        }
        #expect(error?.kind == .notFound, "\(String(describing: error))")
    }

    @Test func consumeFromAMiddleSequenceThenFollowsNewMessages() throws {
        for index in 1...10 {
            _ = try jetStream.publish(subject: "votes.a.r\(index % 2)", bytes: "\(index)".bytes, messageID: "c\(index)")
        }
        let received = Collector<NatsStoredMessage>()
        let consumer = try jetStream.consume(stream: "VOTES_A", subject: "votes.a.>", fromSequence: 6) {
            received.add($0)
        }
        #expect(received.wait { $0.count >= 5 }.map(\.sequence) == [6, 7, 8, 9, 10])
        _ = try jetStream.publish(subject: "votes.a.r0", bytes: "11".bytes, messageID: "c11")
        #expect(received.wait { $0.count >= 6 }.last?.sequence == 11)
        let filtered = Collector<NatsStoredMessage>()
        let odd = try jetStream.consume(stream: "VOTES_A", subject: "votes.a.r1", fromSequence: 4) {
            filtered.add($0)
        }
        #expect(filtered.wait { $0.count >= 3 }.map(\.sequence) == [5, 7, 9])
        consumer.unsubscribe()
        odd.unsubscribe()
    }

    @Test func ensureStreamLeavesAnExistingStreamAndItsMessagesAndUpdatesIt() throws {
        _ = try jetStream.publish(subject: "votes.a.r1", bytes: "kept".bytes, messageID: "e1")
        try jetStream.ensureStream(name: "VOTES_A", subjects: ["votes.a.>", "votes.extra"], maxAge: .seconds(3600))
        #expect(try jetStream.lastMessage(stream: "VOTES_A", subject: "votes.a.r1")?.data == "kept".bytes)
        #expect(try jetStream.publish(subject: "votes.extra", bytes: "new".bytes).sequence == 2)
    }
}
