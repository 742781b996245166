/// Pseudonymous voter keys for one export: `V` and 8 random characters (such as `V7kq3m9xa`),
/// drawn afresh for every export. The same device gets the same key throughout one export, so
/// an analyst can pair a person's votes across rounds; the key is not the device token, is not
/// made from it, and means nothing outside its export: two exports of one database give the
/// same pairs under different keys, so files from two exports cannot be joined on the key, and
/// the key says nothing about when a phone first voted.
///
/// `forum export` writes these keys; `forum report` pairs a replay's votes by them too.
public struct VoterKeys: Sendable {
    /// The characters a key is drawn from: lower-case letters and digits that cannot be
    /// misread for each other (no 0/o, 1/l/i).
    static let alphabet = Array("23456789abcdefghjkmnpqrstuvwxyz")
    /// Random characters per key: 31^8, about 8.5 × 10^11 keys.
    static let length = 8

    private var keys: [String: String] = [:]

    /// Fresh random keys for `devices` (repeats get the key of their first appearance).
    public init(_ devices: [String]) {
        var generator = SystemRandomNumberGenerator()
        self.init(devices, using: &generator)
    }

    /// Keys for `devices` drawn with `generator` (tests pass a seeded one). A key already given
    /// is drawn again, so keys are unique within the export.
    public init(_ devices: [String], using generator: inout some RandomNumberGenerator) {
        var used: Set<String> = []
        for device in devices where keys[device] == nil {
            var key: String
            repeat {
                key = "V" + String((0..<Self.length).map { _ in Self.alphabet.randomElement(using: &generator)! })
            } while used.contains(key)
            used.insert(key)
            keys[device] = key
        }
    }

    /// The key of `device` (nil for a device not among those given).
    public func key(for device: String) -> String? {
        keys[device]
    }
}
