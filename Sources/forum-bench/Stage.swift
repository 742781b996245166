import ForumCore

/// Where the bench plays: a story, a scene of it with a decision (its options), and another
/// scene to move away to.
struct Stage {
    var story: String
    var decisionScene: String
    var options: [String]
    var otherScene: String
}

extension Bench {
    /// Connects the host (pool connection 0) and waits for its welcome and first state.
    ///
    /// A connection made while the server is still starting (lws finishes setting up its
    /// listener on the loop's first turns) can hang; the host then reconnects, up to 5 times.
    /// Returns how many reconnections were needed.
    func joinHost() throws(BenchFailure) -> Int {
        let index = try pool.open()
        precondition(index == 0, "the host must be the first connection")
        for attempt in 0..<5 {
            if attempt > 0 {
                failures.removeAll()
                try pool.reopen(0)
            }
            do {
                try run(
                    until: { host.welcome != nil && host.state != nil }, timeoutSeconds: 3,
                    waitingFor: "the host's welcome")
                return attempt
            } catch  where attempt < 4 {
                continue
            }
        }
        return 5
    }

    /// Starts `story` (or the first story that works) and walks it with `next` to its first
    /// decision.
    func prepareStage(story wanted: String?) throws(BenchFailure) -> Stage {
        var candidates: [String] = []
        candidates = host.welcome?.catalogue?.stories.map(\.id) ?? []
        if let wanted { candidates = [wanted] }
        for story in candidates {
            if let stage = try walk(story: story) { return stage }
        }
        throw BenchFailure("no story has a decision reachable with `next`: tried \(candidates.joined(separator: ", "))")
    }

    private func walk(story: String) throws(BenchFailure) -> Stage? {
        try commandAndState(.start(story: story))
        var previous: String?
        for _ in 0..<500 {
            guard let scene = host.scene else { return nil }
            if let options = host.state?.decision?.options {
                let ids = options.map(\.id)
                var other = previous
                if other == nil, let next = host.state?.host?.details?.optionsNext {
                    other = next.compactMap(\.scene).first { $0 != scene }
                }
                guard ids.count >= 2, let other else { return nil }
                return Stage(story: story, decisionScene: scene, options: ids, otherScene: other)
            }
            guard host.state?.host?.details?.next != nil else { return nil }
            previous = scene
            try commandAndState(.next)
        }
        return nil
    }

    /// Runs a host command that changes the show and waits for the host's new state.
    func commandAndState(_ command: HostCommand) throws(BenchFailure) {
        let before = host.states
        try self.command(command)
        try run(
            until: { host.states > before }, timeoutSeconds: 30,
            waitingFor: "the host's state after `\(command.name.rawValue)`")
    }
}
