import Foundation

extension ConsoleState {
    /// `V` *(addition)*: the venues table of a shared show; on a single-machine show, says so.
    mutating func showVenues(now: Date) {
        guard venues != nil else {
            notice = Notice(
                kind: .info, text: "This show runs on one machine: there are no other venues.", until: now + 4)
            return
        }
        mode = .venues
    }
}
