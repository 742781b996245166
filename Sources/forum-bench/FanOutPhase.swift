/// How fast a scene change reached every phone.
struct FanOutResult {
    var repetitions: Int
    /// Per scene change: the host's command sent → the last phone has the new state.
    var everyPhone: Percentiles
    /// Per phone and change: command sent → that phone has the new state.
    var perPhone: Percentiles
    /// Per venue, per scene change: the host's command sent → that venue's last phone has it.
    var perVenue: [Percentiles] = []
}

extension Bench {
    /// Moves the show between the stage's two scenes `repetitions` times with `goto`, timing
    /// each until every phone has received the new scene.
    func fanOut(stage: Stage, repetitions: Int) throws(BenchFailure) -> FanOutResult {
        var completions: [Double] = []
        var arrivals: [Double] = []
        var venueCompletions = [[Double]](repeating: [], count: venueCount)
        for _ in 0..<repetitions {
            let target = host.scene == stage.decisionScene ? stage.otherScene : stage.decisionScene
            for index in phones.indices { phones[index].fanOutArrived = 0 }
            fanOutArrivals.removeAll(keepingCapacity: true)
            fanOutTarget = target
            fanOutStart = Clock.now()
            try command(.goto(scene: target))
            try run(
                until: { fanOutArrivals.count == phones.count && host.scene == target }, timeoutSeconds: 60,
                waitingFor: "every phone to get scene \(target) (\(fanOutArrivals.count) of \(phones.count) had it)")
            completions.append(fanOutArrivals.max() ?? 0)
            arrivals += fanOutArrivals
            fanOutTarget = nil
            var venueLast = [UInt64](repeating: fanOutStart, count: venueCount)
            for phone in phones { venueLast[phone.venue] = max(venueLast[phone.venue], phone.fanOutArrived) }
            for venue in venueLast.indices {
                venueCompletions[venue].append(Clock.milliseconds(from: fanOutStart, to: venueLast[venue]))
            }
        }
        return FanOutResult(
            repetitions: repetitions, everyPhone: Percentiles(completions), perPhone: Percentiles(arrivals),
            perVenue: venueCompletions.map { Percentiles($0) })
    }
}
