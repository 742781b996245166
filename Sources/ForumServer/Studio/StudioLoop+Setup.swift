import CLibWebSockets

extension StudioLoop {
    static let protocolName = "forum-studio"
    static let vhostName = "forum-studio"

    /// The studio's server on the shared ``LwsContext``: the studio page at `/` (web/studio/),
    /// the phone page's files at `/phone/` (the preview uses the phone's own style sheet), and
    /// the studio's WebSocket protocol as the vhost default; lws's own keep-alive (a few
    /// writers, not a room).
    func setup(webRoot: String, pages: PrecompressedPages?) -> LwsContext.Setup {
        LwsContext.Setup(
            protocolName: Self.protocolName, vhostName: Self.vhostName, callback: studioCallback,
            user: Unmanaged.passUnretained(self).toOpaque(), receiveBufferSize: 4096, pingAfter: 20, hangUpAfter: 60,
            mounts: [
                LwsContext.Mount(mountpoint: "/", origin: webRoot + "/studio", defaultFile: "index.html", cached: true),
                LwsContext.Mount(mountpoint: "/phone", origin: webRoot, cached: true),
            ],
            pages: pages)
    }
}

/// The C callback for the studio protocol; finds the ``StudioLoop`` through the context's user pointer.
private func studioCallback(
    _ wsi: OpaquePointer?, _ reason: lws_callback_reasons, _ user: UnsafeMutableRawPointer?,
    _ input: UnsafeMutableRawPointer?, _ length: Int
) -> Int32 {
    guard let wsi, let context = lws_get_context(wsi), let raw = lws_context_user(context) else { return 0 }
    let loop = Unmanaged<StudioLoop>.fromOpaque(raw).takeUnretainedValue()
    return loop.handle(wsi: wsi, reason: reason, user: user, input: input, length: length)
}
