import Foundation

/// Every phone holds one open file (its socket), so the soft limit on open files caps the
/// audience. Service managers and login shells often leave it at 1024 while allowing far more.
enum OpenFilesLimit {
    /// Raises the soft limit on open files to the hard limit. Returns the limit now in force.
    @discardableResult
    static func raiseToMaximum() -> UInt64 {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 0 }
        if limit.rlim_cur < limit.rlim_max {
            var raised = limit
            raised.rlim_cur = limit.rlim_max
            if setrlimit(Int32(RLIMIT_NOFILE.rawValue), &raised) == 0 { limit = raised }
        }
        return UInt64(limit.rlim_cur)
    }

    /// A warning for the banner when the limit leaves room for fewer phones than a big event
    /// brings, or nil.
    static func warning(limit: UInt64, expectedPhones: UInt64 = 2000) -> String? {
        guard limit < expectedPhones + 64 else { return nil }
        let phones = limit > 64 ? limit - 64 : 0
        return "Note: this system allows \(limit) open files, so about \(phones) phones can join at once. "
            + "Raise the hard limit (ulimit -Hn, or LimitNOFILE= in a systemd unit) for more."
    }
}
