extension ConsoleState {
    /// `G` *(addition)*: split the bars by place (in the room or remote), or stop splitting
    /// when they are. The server keeps one dimension per round and says so if the round was
    /// split by perspective already.
    mutating func splitByPlace() -> [ConsoleEffect] {
        guard view.decision != nil else {
            notice = Notice(kind: .refused, text: "This scene has no decision to vote on.", until: nil)
            return []
        }
        let on = !(isSplit && view.place.splitByPlace)
        localSplit = on
        return [.send(.split(on, by: on ? .place : nil))]
    }
}
