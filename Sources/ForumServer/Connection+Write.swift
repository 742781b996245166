import CLibWebSockets

extension Connection {
    /// Writes one text message now; false when the connection is broken. `pre` is lws's
    /// headroom (`LWS_PRE`) and `scratch` a buffer the loop reuses. lws keeps what the socket
    /// does not take at once and sends it before the next write slot.
    func write(_ payload: [UInt8], pre: Int, scratch: inout [UInt8]) -> Bool {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: repeatElement(0, count: pre))
        scratch.append(contentsOf: payload)
        let written = scratch.withUnsafeMutableBufferPointer { buffer in
            lws_write(wsi, buffer.baseAddress! + pre, payload.count, LWS_WRITE_TEXT)
        }
        return written >= payload.count
    }
}
