import CLibWebSockets
import ForumSession

extension ServiceLoop {
    /// At each tick: pings the connections silent for their time (``KeepAlive``, with each
    /// one's jitter) and hangs up on those silent too long. lws's own keep-alive is off (see
    /// ``LwsContext``): it rescheduled every connection's timer in one sorted list.
    func keepConnectionsAlive() {
        let now = uptime
        for connection in connections.values where !connection.closing {
            switch keepAlive.step(
                silent: now - connection.lastHeard, jitter: connection.jitter, pinged: connection.pinged)
            {
            case .wait: continue
            case .ping:
                connection.pinged = true
                connection.wantsPing = true
                lws_callback_on_writable(connection.wsi)
            case .hangUp:
                // Closed at its next write slot; a peer that takes no more bytes is killed at
                // lws's next turn.
                connection.closing = true
                lws_callback_on_writable(connection.wsi)
                lws_set_timeout(connection.wsi, PENDING_TIMEOUT_USER_OK, LWS_TO_KILL_ASYNC)
            }
        }
    }

    /// Writes a WebSocket ping, then asks for another slot if messages wait. The ping
    /// carries one byte: lws 4.1.6 never reports a pong with no payload
    /// (lib/roles/ws/ops-ws.c: `opcode == LWSWSOPC_PONG && !pmdrx.eb_in.len`).
    func writePing(_ connection: Connection) -> Int32 {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: repeatElement(0, count: pre))
        scratch.append(UInt8(ascii: "k"))
        let written = scratch.withUnsafeMutableBufferPointer { buffer in
            lws_write(connection.wsi, buffer.baseAddress! + pre, 1, LWS_WRITE_PING)
        }
        if written < 0 { return -1 }
        if connection.hasMore { lws_callback_on_writable(connection.wsi) }
        return 0
    }
}
