extension ConsoleState {
    /// `x` or `:finish`: asks first, then finishes the day (closing screen everywhere).
    mutating func finishDay() -> [ConsoleEffect] {
        let running = view.storyTitle.map { " This ends \($0)." } ?? ""
        mode = .confirm(
            Confirmation(
                question: "Finish the day? Phones and the projector show the closing screen.\(running)",
                effect: .send(.finish)))
        return []
    }
}
