/// Pseudonymous voter keys for one export: `V1`, `V2`, ... in the order devices first appear.
/// The same device gets the same key throughout, so an analyst can pair a person's votes
/// across rounds; the key is not the device token and cannot be turned back into it.
public struct VoterKeys: Sendable {
    private var keys: [String: String] = [:]

    /// Keys for `devices`, numbered in order of first appearance.
    public init(_ devices: [String]) {
        for device in devices where keys[device] == nil {
            keys[device] = "V\(keys.count + 1)"
        }
    }

    /// The key of `device` (nil for a device not among those given).
    public func key(for device: String) -> String? {
        keys[device]
    }
}
