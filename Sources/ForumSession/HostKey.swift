/// Checking and making host keys.
public enum HostKey {
    /// Compares in time independent of where the strings differ, so the key cannot be
    /// guessed a character at a time.
    public static func matches(_ offered: String?, _ expected: String) -> Bool {
        guard let offered else { return false }
        let a = Array(offered.utf8)
        let b = Array(expected.utf8)
        var difference = UInt8(a.count == b.count ? 0 : 1)
        for index in 0..<max(a.count, b.count) {
            difference |= (index < a.count ? a[index] : 0) ^ (index < b.count ? b[index] : 0)
        }
        return difference == 0 && !b.isEmpty
    }
}

/// Random opaque tokens for devices and generated host keys.
public enum DeviceToken {
    /// 128 random bits as 32 hex digits. Says nothing about the person.
    public static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<2).map { _ in
            let value = generator.next() as UInt64
            let hex = String(value, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }
}
