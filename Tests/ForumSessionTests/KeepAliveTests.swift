import ForumSession
import Testing

@Suite("Keep-alive: spread pings, hang up on the silent")
struct KeepAliveTests {
    let keepAlive = KeepAlive(pingAfter: 20, hangUpAfter: 60)

    @Test func aSilentConnectionIsPingedOnceThenHungUpOn() {
        let jitter = keepAlive.jitter(0.5)
        #expect(jitter == 5)
        #expect(keepAlive.step(silent: 24.9, jitter: jitter, pinged: false) == .wait)
        #expect(keepAlive.step(silent: 25, jitter: jitter, pinged: false) == .ping)
        #expect(keepAlive.step(silent: 40, jitter: jitter, pinged: true) == .wait)
        #expect(keepAlive.step(silent: 65, jitter: jitter, pinged: true) == .hangUp)
    }

    @Test func aRoomSilentTogetherIsPingedOverTenSecondsNotAtOnce() {
        // 10,000 phones that all spoke last at the same moment, with evenly spread jitter.
        let jitters = (0..<10_000).map { keepAlive.jitter(Double($0) / 10_000) }
        var pingedAt: [Double] = []
        var pinged = Array(repeating: false, count: jitters.count)
        var second = 0.0
        while second < 40 {
            for index in jitters.indices
            where keepAlive.step(silent: second, jitter: jitters[index], pinged: pinged[index]) == .ping {
                pinged[index] = true
                pingedAt.append(second)
            }
            second += 0.25
        }
        #expect(pingedAt.count == 10_000)
        #expect(pingedAt.min() == 20)
        #expect(pingedAt.max()! >= 29.5)
        // No quarter second carries more than 3% of the room.
        let perTick = Dictionary(grouping: pingedAt, by: { $0 }).values.map(\.count)
        #expect(perTick.max()! <= 300)
    }

    @Test func hangUpNeverComesBeforeThePing() {
        let odd = KeepAlive(pingAfter: 30, hangUpAfter: 10)
        #expect(odd.hangUpAfter == 30)
    }
}
