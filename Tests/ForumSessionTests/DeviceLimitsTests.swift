import ForumCore
import ForumSession
import Testing

/// Limits that follow the device, not the connection (issue 13, item 4): reconnecting does
/// not reset a phone's message limit, new phones are limited per source address, and phones
/// that never voted are neither stored nor kept in memory without bound.
@Suite struct DeviceLimitsTests {
    /// A driver with the story started and its vote open.
    func openVote() -> (SessionDriver, host: ConnectionID) {
        let driver = SessionDriver()
        let host = driver.join(.host).id
        driver.command(host, .start(story: "night"))
        driver.command(host, .next)
        driver.command(host, .open(seconds: nil))
        return (driver, host)
    }

    /// Acks for 200 votes at one instant by one device, each on a new connection when
    /// `reconnecting`, else all on one.
    func acks(reconnecting: Bool) -> Int {
        let (driver, _) = openVote()
        let first = driver.join(.audience)
        let token = first.welcome?.device
        var phone = first.id
        var acks = 0
        for index in 0..<200 {
            if reconnecting {
                driver.apply(.closed(phone))
                phone = driver.join(.audience, device: token).id
            }
            driver.vote(phone, index % 2 == 0 ? "police" : "crisis")
            driver.commit()
            acks += driver.take(phone).filter { $0.type == .ack }.count
        }
        return acks
    }

    @Test func reconnectingDoesNotResetTheMessageLimit() {
        let staying = acks(reconnecting: false)
        let reconnecting = acks(reconnecting: true)
        #expect(staying == 40)
        #expect(reconnecting == staying)
    }

    @Test func theLimitRefillsWithTimeAcrossReconnects() {
        let (driver, _) = openVote()
        let first = driver.join(.audience)
        let token = first.welcome?.device
        for _ in 0..<40 { driver.vote(first.id, "police") }
        driver.commit()
        driver.apply(.closed(first.id))
        let again = driver.join(.audience, device: token)
        #expect(again.welcome?.device == token)
        _ = driver.take(again.id)
        driver.vote(again.id, "crisis")
        #expect(driver.take(again.id).map(\.errorCode) == [.rateLimited])
        driver.tick(after: 1)  // 20 a second
        driver.vote(again.id, "crisis")
        driver.commit()
        #expect(driver.take(again.id).contains { $0.type == .ack })
    }

    /// Opens `count` fresh audience hellos from `source`; returns the error codes they got
    /// (nil for a welcome).
    func freshJoins(_ driver: SessionDriver, _ count: Int, from source: String) -> [ErrorCode?] {
        (0..<count).map { _ in
            let id = driver.connect(from: source)
            driver.say(id, .hello(role: .audience, device: nil, key: nil))
            let first = driver.take(id).first
            return first?.type == .welcome ? nil : first?.errorCode
        }
    }

    @Test func newPhonesAreLimitedPerSourceAddress() {
        let driver = SessionDriver()
        let burst = freshJoins(driver, 70, from: "198.51.100.7")
        #expect(burst.prefix(60).allSatisfy { $0 == nil })
        #expect(burst.suffix(10).allSatisfy { $0 == .rateLimited })
        #expect(driver.closed.count == 10)
        // Other addresses are not affected; this machine is never limited (a proxy on it).
        #expect(freshJoins(driver, 5, from: "203.0.113.9").allSatisfy { $0 == nil })
        #expect(freshJoins(driver, 500, from: "127.0.0.1").allSatisfy { $0 == nil })
        #expect(freshJoins(driver, 500, from: "::ffff:127.0.0.1").allSatisfy { $0 == nil })
        // One a second after the burst.
        driver.tick(after: 3)
        #expect(freshJoins(driver, 4, from: "198.51.100.7") == [nil, nil, nil, .rateLimited])
        // A phone that comes back with its token is not a new phone.
        let known = driver.connect(from: "198.51.100.7")
        let token = driver.join(.audience).welcome?.device
        driver.say(known, .hello(role: .audience, device: token ?? "", key: nil))
        #expect(driver.take(known).first?.type == .welcome)
    }

    @Test func anIPv6NetworkCountsAsOneSource() {
        let driver = SessionDriver()
        let spread = (0..<61).map { "2001:db8:1:2::\(String($0, radix: 16))" }
        let codes = spread.map { source -> ErrorCode? in
            let id = driver.connect(from: source)
            driver.say(id, .hello(role: .audience, device: nil, key: nil))
            return driver.take(id).first?.errorCode
        }
        #expect(codes.prefix(60).allSatisfy { $0 == nil })
        #expect(codes.last == .rateLimited)
        #expect(freshJoins(driver, 1, from: "2001:db8:1:3::1") == [nil])
    }

    @Test func aPhoneIsStoredAtItsFirstVoteOrPerspective() {
        let (driver, _) = openVote()
        let looker = driver.join(.audience)
        let voter = driver.join(.audience)
        let chooser = driver.join(.audience)
        #expect(driver.storing.isEmpty)
        #expect(driver.session.show.devices.isEmpty)
        driver.vote(voter.id, "police")
        let voterToken = voter.welcome?.device ?? ""
        #expect(
            driver.storing.map(\.record).first == .deviceJoined(DeviceJoin(device: voterToken, at: driver.time.date)))
        driver.commit()
        #expect(driver.take(voter.id).contains { $0.type == .ack })
        driver.say(chooser.id, .perspective("carer"), ref: "p")
        driver.commit()
        #expect(driver.take(chooser.id).contains { $0.type == .ack })
        let stored = driver.committed.compactMap { record -> String? in
            if case .deviceJoined(let join) = record { return join.device }
            return nil
        }
        #expect(stored == [voterToken, chooser.welcome?.device ?? ""])
        #expect(driver.session.show.devices.count == 2)
        // The one that only looked keeps its token when it comes back, still unstored.
        let lookerToken = looker.welcome?.device
        driver.apply(.closed(looker.id))
        #expect(driver.join(.audience, device: lookerToken).welcome?.device == lookerToken)
        #expect(driver.storing.isEmpty)
        // A token the server never gave is replaced.
        #expect(driver.join(.audience, device: "forged").welcome?.device != "forged")
    }

    @Test func aChurnOfFreshPhonesStaysBounded() {
        let driver = SessionDriver()
        for round in 0..<50_000 {
            let id = driver.connect(from: "127.0.0.1")
            driver.say(id, .hello(role: .audience, device: nil, key: nil))
            driver.apply(.closed(id))
            if round % 1000 == 0 { driver.tick(after: 0.1) }
            _ = driver.take(id)
        }
        #expect(driver.storing.isEmpty)
        #expect(driver.session.show.devices.isEmpty)
        let held = driver.session.limitsHeld
        #expect(held.newDevices == 10_000)
        #expect(held.newDeviceQueue <= 20_000)
        #expect(held.deviceBuckets == 0)
        #expect(held.sources == 0)
    }
}
