import Foundation

/// The Swift objects libnats callbacks reach, by number. libnats gets the number as its
/// `closure` pointer, never a Swift object's address, so a callback that comes late (after
/// its owner was closed) finds nothing and returns instead of touching freed memory.
final class NatsRegistry: @unchecked Sendable {
    /// The one registry of the process.
    static let shared = NatsRegistry()

    private let lock = NSLock()
    private var next: UInt = 1
    private var entries: [UInt: AnyObject] = [:]

    /// Stores `object` and returns the closure pointer that finds it again.
    func add(_ object: AnyObject) -> UnsafeMutableRawPointer {
        let key = lock.withLock {
            let key = next
            next += 1
            entries[key] = object
            return key
        }
        return UnsafeMutableRawPointer(bitPattern: key)!
    }

    /// The object stored under `closure`, if it is still there and of type `T`.
    func find<T: AnyObject>(_ closure: UnsafeMutableRawPointer?, as: T.Type = T.self) -> T? {
        guard let closure else { return nil }
        let key = UInt(bitPattern: closure)
        return lock.withLock { entries[key] as? T }
    }

    /// Forgets the object stored under `closure`; later callbacks for it do nothing.
    func remove(_ closure: UnsafeMutableRawPointer?) {
        guard let closure else { return }
        let key = UInt(bitPattern: closure)
        _ = lock.withLock { entries.removeValue(forKey: key) }
    }

    /// How many objects are registered (tests check that closing forgets them).
    var count: Int { lock.withLock { entries.count } }
}
