import ForumCore
import ForumSession
import Testing

/// Host-key guessing is slowed down per source address: 5 wrong keys in a minute lock that
/// address out, longer each time; other addresses and the right key elsewhere are unaffected.
@Suite struct HostKeyGuardTests {
    /// A host hello from `source` with `key`; the code of the error it got, or nil when let in.
    func hello(_ driver: SessionDriver, from source: String, key: String) -> ErrorCode? {
        let id = driver.connect(from: source)
        driver.say(id, .hello(role: .host, device: nil, key: key))
        let first = driver.take(id).first
        return first?.type == .error ? first?.errorCode : nil
    }

    @Test func fiveWrongKeysLockTheAddressOutThenLongerEachTime() {
        let driver = SessionDriver()
        for _ in 0..<5 { #expect(hello(driver, from: "198.51.100.7", key: "guess") == .unauthorized) }
        // Locked out: even the right key is not compared now.
        #expect(hello(driver, from: "198.51.100.7", key: SessionDriver.hostKey) == .tooManyAttempts)
        // Another address, the real host, is unaffected.
        #expect(hello(driver, from: "192.0.2.10", key: SessionDriver.hostKey) == nil)
        // After 30 s the address may try again; 5 more wrong keys lock it out for 60 s.
        driver.seconds += 31
        for _ in 0..<5 { #expect(hello(driver, from: "198.51.100.7", key: "guess") == .unauthorized) }
        driver.seconds += 31
        #expect(hello(driver, from: "198.51.100.7", key: "guess") == .tooManyAttempts)
        driver.seconds += 30
        // The right key clears the address: it starts afresh.
        #expect(hello(driver, from: "198.51.100.7", key: SessionDriver.hostKey) == nil)
        #expect(hello(driver, from: "198.51.100.7", key: "guess") == .unauthorized)
    }

    @Test func wrongKeysSpreadOverMoreThanAMinuteDoNotLockOut() {
        let driver = SessionDriver()
        for _ in 0..<12 {
            #expect(hello(driver, from: "198.51.100.8", key: "typo") == .unauthorized)
            driver.seconds += 15
        }
        #expect(hello(driver, from: "198.51.100.8", key: SessionDriver.hostKey) == nil)
    }

    @Test func theLockoutMessageSaysHowLongToWait() {
        let driver = SessionDriver()
        for _ in 0..<5 { _ = hello(driver, from: "198.51.100.9", key: "x") }
        let id = driver.connect(from: "198.51.100.9")
        driver.say(id, .hello(role: .host, device: nil, key: "x"), ref: "h")
        let error = driver.take(id).first
        #expect(error?.errorText == "Too many wrong host keys: try again in 30 seconds.")
        #expect(error?.ref == "h")
        #expect(driver.closed.contains(id))
    }

    @Test func thisMachineIsNeverLockedOut() {
        // The console of forum serve, or a proxy in front of it, connects from loopback.
        let driver = SessionDriver()
        for _ in 0..<8 { #expect(hello(driver, from: "127.0.0.1", key: "guess") == .unauthorized) }
        #expect(hello(driver, from: "127.0.0.1", key: SessionDriver.hostKey) == nil)
        for _ in 0..<8 { #expect(hello(driver, from: "::1", key: "guess") == .unauthorized) }
        #expect(hello(driver, from: "::1", key: SessionDriver.hostKey) == nil)
    }
}
