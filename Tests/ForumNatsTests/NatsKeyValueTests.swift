import ForumNats
import Foundation
import Testing

@Suite("ForumNats key-value: create, get, compare-and-set, watch", needsNatsServer)
struct NatsKeyValueTests {
    let server: NatsServerProcess
    let connection: NatsConnection
    let store: NatsKeyValue

    init() throws {
        server = try NatsServerProcess()
        connection = try NatsConnection.connect(NatsOptions(urls: [server.url], name: "kv-test"))
        store = try connection.jetStream().keyValue(bucket: "SHOW_1", history: 5, create: true)
    }

    @Test func createGetAndUpdateWithTheRightRevision() throws {
        #expect(try store.get("state") == nil)
        let first = try store.create("state", "scene 1".bytes)
        #expect(try store.get("state") == NatsEntry(key: "state", value: "scene 1".bytes, revision: first))
        let error = #expect(throws: NatsError.self) { try store.create("state", "other".bytes) }
        #expect(error?.kind == .keyExists, "\(String(describing: error))")
        let written = store.update("state", "scene 2".bytes, expecting: first)
        guard case .written(let second) = written else {
            Issue.record("update failed: \(written)")
            return
        }
        #expect(second > first)
        #expect(try store.get("state")?.value == "scene 2".bytes)
        #expect(store.update("state", "stale".bytes, expecting: first) == .conflict)
        #expect(try store.get("state")?.revision == second)
        try store.delete("state")
        #expect(try store.get("state") == nil)
        #expect(try store.create("state", "again".bytes) > second, "a deleted key can be created again")
        let reopened = try connection.jetStream().keyValue(bucket: "SHOW_1", create: false)
        #expect(try reopened.get("state")?.value == "again".bytes)
        #expect(throws: NatsError.self) { try connection.jetStream().keyValue(bucket: "NONE", create: false) }
    }

    @Test func updateExpectingRevisionZeroWritesOnlyAnAbsentKey() throws {
        guard case .written(let revision) = store.update("fresh", "first".bytes, expecting: 0) else {
            Issue.record("the first write of an absent key failed")
            return
        }
        #expect(store.update("fresh", "second".bytes, expecting: 0) == .conflict)
        #expect(try store.get("fresh") == NatsEntry(key: "fresh", value: "first".bytes, revision: revision))
    }

    @Test func twoWritersFromTheSameRevisionOnlyOneWins() throws {
        let base = try store.create("state", "start".bytes)
        let other = try connection.jetStream().keyValue(bucket: "SHOW_1", create: false)
        let results = Collector<NatsWriteResult>()
        let start = DispatchSemaphore(value: 0)
        let group = DispatchGroup()
        for (writer, name) in [(store, "host A"), (other, "host B")] {
            DispatchQueue.global().async(group: group) {
                start.wait()
                results.add(writer.update("state", name.bytes, expecting: base))
            }
        }
        start.signal()
        start.signal()
        group.wait()
        let outcomes = results.all
        #expect(outcomes.filter { $0 == .conflict }.count == 1, "\(outcomes)")
        let winners = outcomes.compactMap { if case .written(let revision) = $0 { revision } else { nil } }
        #expect(winners.count == 1)
        #expect(try store.get("state")?.revision == winners.first)
    }

    @Test func aWatchSeesTheCurrentValueThenEachUpdateInOrder() throws {
        var revision = try store.create("state", "v0".bytes)
        let seen = Collector<NatsEntry?>()
        let watch = try store.watch("state") { seen.add($0) }
        #expect(seen.wait { !$0.isEmpty }.first??.value == "v0".bytes)
        for index in 1...20 {
            guard case .written(let next) = store.update("state", "v\(index)".bytes, expecting: revision) else {
                Issue.record("update \(index) failed")
                return
            }
            revision = next
        }
        let values = seen.wait { $0.count >= 21 }.map { $0.map { String(decoding: $0.value, as: UTF8.self) } }
        #expect(values == (0...20).map { "v\($0)" })
        try store.delete("state")
        #expect(seen.wait { $0.count >= 22 }.last == .some(nil), "a delete is delivered as nil")
        watch.stop()
        watch.stop()
        let count = seen.all.count
        _ = try store.create("state", "after stop".bytes)
        Thread.sleep(forTimeInterval: 0.3)
        #expect(seen.all.count == count, "nothing is delivered after stop")
    }

    @Test func aWatchOfAnAbsentKeyStartsWithNil() throws {
        let seen = Collector<NatsEntry?>()
        let watch = try store.watch("later") { seen.add($0) }
        #expect(seen.wait { !$0.isEmpty } == [nil])
        let revision = try store.create("later", "now".bytes)
        #expect(seen.wait { $0.count >= 2 }.last == NatsEntry(key: "later", value: "now".bytes, revision: revision))
        watch.stop()
    }

    @Test func closingTheConnectionEndsAWatch() throws {
        let seen = Collector<NatsEntry?>()
        let watch = try store.watch("state") { seen.add($0) }
        #expect(seen.wait { !$0.isEmpty } == [nil])
        #expect(watch.isRunning)
        connection.close()
        let deadline = Date().addingTimeInterval(5)
        while watch.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        #expect(!watch.isRunning, "the watch's thread ended with the connection")
        #expect(seen.all == [nil])
        watch.stop()
    }
}
