import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Holds a database file for one show: an exclusive `flock(2)` on the file, so a second
/// `forum serve` on the same database refuses to start instead of writing beside the first.
///
/// `flock` locks are separate from the POSIX record locks SQLite itself takes on Linux, so
/// readers (`forum export`, `forum backup`) are never held up. The kernel drops the lock when
/// the process ends, however it ends (a `kill -9` leaves no stale lock). On NFS, where Linux
/// emulates `flock` with record locks, this would collide with SQLite's own: keep show
/// databases on a local disk.
final class ShowFileLock: Sendable {
    /// The locked file's descriptor; -1 once released.
    private let descriptor: Mutex<Int32>

    /// Takes the lock on the file at `path`, which must exist.
    ///
    /// - Throws: ``StoreError/inUse(path:)`` when another process (or another open database in
    ///   this one) holds it.
    init(path: String) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw StoreError.noDatabase(path: path) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw StoreError.inUse(path: path)
        }
        self.descriptor = Mutex(descriptor)
    }

    /// Lets go of the file (closing the database does this); later calls do nothing.
    func release() {
        descriptor.withLock { descriptor in
            if descriptor >= 0 { close(descriptor) }
            descriptor = -1
        }
    }

    deinit {
        release()
    }
}
