import ForumCore

extension Session {
    /// Takes one message's place in its rate limit: an audience connection's comes from its
    /// device's bucket, shared by the device's tabs and kept across reconnects, so that
    /// reconnecting does not reset it; anybody else's from the connection's own.
    func allowMessage(from connection: inout SessionConnection) -> Bool {
        if connection.role == .audience, let device = connection.device {
            return deviceLimits.allow(device, now: now.seconds)
        }
        return connection.limiter.allow(now: now.seconds)
    }

    /// The device token for an audience hello: the offered one when the show or
    /// ``NewDevices`` knows it, otherwise a new one, if the source may make one now
    /// (``JoinGuard``). Nil when refused: the connection has been told and is closing.
    func audienceToken(id: ConnectionID, offered: String?, ref: String?) -> String? {
        if let offered, show.knows(device: offered) { return offered }
        let token: String
        if let offered, newDevices.knows(offered) {
            token = offered
        } else {
            if let wait = joinGuard.admit(connections[id]?.source, now: now.seconds) {
                sendError(
                    to: id,
                    ProtocolError(
                        .rateLimited,
                        "Too many new phones from one address: try again in \(Int(wait.rounded(.up))) seconds.",
                        ref: ref))
                close(id, reason: "too many new phones from one address")
                return nil
            }
            token = DeviceToken.make()
        }
        newDevices.opened(token)
        return token
    }

    /// A new device's first vote or perspective: from now on it is one of the show's
    /// devices, stored. Returns the records to store first (none for a known device).
    func enlist(_ device: String) -> [ShowRecord] {
        guard !show.knows(device: device) else { return [] }
        newDevices.forget(device)
        return show.enlist(device: device, at: now.date)
    }

    /// What the limits hold now, to measure that churn leaves them bounded: phones not yet
    /// the show's (and the entries of their idle queue), device buckets, sources.
    public var limitsHeld: (newDevices: Int, newDeviceQueue: Int, deviceBuckets: Int, sources: Int) {
        (newDevices.count, newDevices.queued, deviceLimits.count, joinGuard.count)
    }
}
