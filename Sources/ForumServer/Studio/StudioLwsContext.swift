import CLibWebSockets
import Foundation

/// The studio's lws context: the studio page at `/` (web/studio/), the phone page's files
/// at `/phone/` (for the preview, which uses the phone's own style sheet), and the studio's
/// WebSocket protocol as the vhost default. Everything lws points to lives as long as this.
/// Created, used and destroyed on the studio's service thread.
final class StudioLwsContext {
    private(set) var context: OpaquePointer?
    private let protocols = UnsafeMutablePointer<lws_protocols>.allocate(capacity: 3)
    private let mounts = UnsafeMutablePointer<lws_http_mount>.allocate(capacity: 2)
    private let vhostOptions = UnsafeMutablePointer<lws_protocol_vhost_options>.allocate(capacity: 2)
    private let headers = UnsafeMutablePointer<lws_protocol_vhost_options>.allocate(capacity: 1)
    private let retryPolicy = UnsafeMutablePointer<lws_retry_bo_t>.allocate(capacity: 1)
    private let foreignLoops = UnsafeMutablePointer<UnsafeMutableRawPointer?>.allocate(capacity: 1)
    private let fileOps: GzipFileOps?
    private var strings: [UnsafeMutablePointer<CChar>] = []

    static let protocolName = "forum-studio"
    static let vhostName = "forum-studio"

    init(port: Int, webRoot: String, pages: PrecompressedPages?, loop: StudioLoop, eventLoop: UnsafeMutableRawPointer)
        throws
    {
        fileOps = pages.map(GzipFileOps.init(pages:))
        var studio = lws_protocols()
        studio.name = keep(Self.protocolName)
        studio.callback = studioCallback
        studio.per_session_data_size = MemoryLayout<UInt64>.size
        studio.rx_buffer_size = 4096
        studio.tx_packet_size = 16 * 1024
        var http = lws_protocols()
        http.name = keep("http")
        http.callback = lws_callback_http_dummy
        // As in LwsContext: the WebSocket protocol is protocol 0 (early upgrades bind to it).
        protocols.initialize(to: studio)
        (protocols + 1).initialize(to: http)
        (protocols + 2).initialize(to: lws_protocols())

        var list = [
            mount(at: "/", origin: webRoot + "/studio", defaultFile: "index.html"),
            mount(at: "/phone", origin: webRoot, defaultFile: nil),
        ]
        list[0].mount_next = UnsafePointer(mounts + 1)
        mounts.initialize(to: list[0])
        (mounts + 1).initialize(to: list[1])

        var vary = lws_protocol_vhost_options()
        vary.name = keep("vary:")
        vary.value = keep("Accept-Encoding")
        headers.initialize(to: vary)
        var isDefault = lws_protocol_vhost_options()
        isDefault.name = keep("default")
        isDefault.value = keep("1")
        var options = lws_protocol_vhost_options()
        options.name = keep(Self.protocolName)
        options.value = keep("")
        options.options = UnsafePointer(vhostOptions + 1)
        vhostOptions.initialize(to: options)
        (vhostOptions + 1).initialize(to: isDefault)
        var retry = lws_retry_bo_t()
        retry.secs_since_valid_ping = 20
        retry.secs_since_valid_hangup = 60
        retryPolicy.initialize(to: retry)
        foreignLoops.initialize(to: eventLoop)

        var info = lws_context_creation_info()
        info.port = Int32(port)
        info.protocols = UnsafePointer(protocols)
        info.mounts = UnsafePointer(mounts)
        info.pvo = UnsafePointer(vhostOptions)
        info.headers = UnsafePointer(headers)
        info.vhost_name = keep(Self.vhostName)
        info.retry_and_idle_policy = UnsafePointer(retryPolicy)
        info.foreign_loops = foreignLoops
        info.user = Unmanaged.passUnretained(loop).toOpaque()
        info.options =
            UInt64(LWS_SERVER_OPTION_LIBEV) | UInt64(LWS_SERVER_OPTION_FAIL_UPON_UNABLE_TO_BIND)
            | UInt64(LWS_SERVER_OPTION_HTTP_HEADERS_SECURITY_BEST_PRACTICES_ENFORCE)
            | UInt64(LWS_SERVER_OPTION_VALIDATE_UTF8)
        guard let context = lws_create_context(&info) else {
            throw LwsContext.StartError(description: "could not listen on port \(port): is another program using it?")
        }
        self.context = context
        fileOps?.install(on: context)
    }

    /// A file mount revalidated after a minute (as the show's pages).
    private func mount(at mountpoint: String, origin: String, defaultFile: String?) -> lws_http_mount {
        var mount = lws_http_mount()
        mount.mountpoint = keep(mountpoint)
        mount.mountpoint_len = UInt8(mountpoint.utf8.count)
        mount.origin = keep(origin)
        mount.def = defaultFile.map { keep($0) }
        mount.origin_protocol = UInt8(LWSMPRO_FILE.rawValue)
        mount.cache_max_age = LwsContext.pageMaxAge
        mount.cache_reusable = 1
        mount.cache_revalidate = 1
        return mount
    }

    var listenPort: Int {
        guard let context, let vhost = lws_get_vhost_by_name(context, Self.vhostName) else { return 0 }
        return Int(lws_get_vhost_listen_port(vhost))
    }

    func destroy() {
        if let context { lws_context_destroy(context) }
        context = nil
    }

    deinit {
        destroy()
        protocols.deallocate()
        mounts.deallocate()
        vhostOptions.deallocate()
        headers.deallocate()
        retryPolicy.deallocate()
        foreignLoops.deallocate()
        strings.forEach { free($0) }
    }

    private func keep(_ string: String) -> UnsafePointer<CChar> {
        let copy = strdup(string)!
        strings.append(copy)
        return UnsafePointer(copy)
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
