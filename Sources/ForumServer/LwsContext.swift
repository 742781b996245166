import CLibWebSockets
import Foundation

/// The C side of the server: everything lws keeps pointers to (protocols, mounts, options,
/// retry policy, strings) allocated once here and freed only after the context is gone.
/// Created, used and destroyed on the service thread.
final class LwsContext {
    private(set) var context: OpaquePointer?
    private let protocols = UnsafeMutablePointer<lws_protocols>.allocate(capacity: 3)
    private let mounts = UnsafeMutablePointer<lws_http_mount>.allocate(capacity: 3)
    private let vhostOptions = UnsafeMutablePointer<lws_protocol_vhost_options>.allocate(capacity: 2)
    private let mimeTypes = UnsafeMutablePointer<lws_protocol_vhost_options>.allocate(capacity: 3)
    private let retryPolicy = UnsafeMutablePointer<lws_retry_bo_t>.allocate(capacity: 1)
    private let foreignLoops = UnsafeMutablePointer<UnsafeMutableRawPointer?>.allocate(capacity: 1)
    private var strings: [UnsafeMutablePointer<CChar>] = []

    /// The name of the WebSocket protocol (browsers need not ask for it: it is the default).
    static let protocolName = "forum"
    static let vhostName = "forum"

    /// What went wrong creating the context.
    struct StartError: Error, CustomStringConvertible {
        var description: String
    }

    /// Creates the lws context on `eventLoop`, listening on `port` (0: any free port).
    /// `loop` is reached from the C callback through the context's user pointer.
    init(
        port: Int, webRoot: String, mediaRoot: String?, loop: ServiceLoop, eventLoop: UnsafeMutableRawPointer,
        pingAfter: UInt16,
        hangUpAfter: UInt16
    ) throws {
        var http = lws_protocols()
        http.name = keep("http")
        http.callback = lws_callback_http_dummy
        var forum = lws_protocols()
        forum.name = keep(Self.protocolName)
        forum.callback = forumCallback
        forum.per_session_data_size = MemoryLayout<UInt64>.size
        forum.rx_buffer_size = 1024
        forum.tx_packet_size = 16 * 1024
        protocols.initialize(to: http)
        (protocols + 1).initialize(to: forum)
        (protocols + 2).initialize(to: lws_protocols())

        var manifest = lws_protocol_vhost_options()
        manifest.name = keep(".webmanifest")
        manifest.value = keep("application/manifest+json")
        var map = lws_protocol_vhost_options()
        map.name = keep(".map")
        map.value = keep("application/json")
        var webp = lws_protocol_vhost_options()
        webp.name = keep(".webp")
        webp.value = keep("image/webp")
        manifest.next = UnsafePointer(mimeTypes + 1)
        map.next = UnsafePointer(mimeTypes + 2)
        mimeTypes.initialize(to: manifest)
        (mimeTypes + 1).initialize(to: map)
        (mimeTypes + 2).initialize(to: webp)

        var screen = lws_http_mount()
        screen.mountpoint = keep("/screen")
        screen.mountpoint_len = 7
        screen.origin = keep(webRoot)
        screen.def = keep("screen.html")
        screen.origin_protocol = UInt8(LWSMPRO_FILE.rawValue)
        screen.extra_mimetypes = UnsafePointer(mimeTypes)
        var root = lws_http_mount()
        root.mountpoint = keep("/")
        root.mountpoint_len = 1
        root.origin = keep(webRoot)
        root.def = keep("index.html")
        root.origin_protocol = UInt8(LWSMPRO_FILE.rawValue)
        root.extra_mimetypes = UnsafePointer(mimeTypes)
        root.mount_next = UnsafePointer(mounts + 1)
        var media = lws_http_mount()
        if let mediaRoot {
            media.mountpoint = keep("/scenarios-media")
            media.mountpoint_len = 16
            media.origin = keep(mediaRoot)
            media.origin_protocol = UInt8(LWSMPRO_FILE.rawValue)
            media.extra_mimetypes = UnsafePointer(mimeTypes)
            screen.mount_next = UnsafePointer(mounts + 2)
        }
        mounts.initialize(to: root)
        (mounts + 1).initialize(to: screen)
        (mounts + 2).initialize(to: media)

        // Make the Forum protocol the vhost default, so a browser's plain `new WebSocket(url)`
        // (no subprotocol) binds to it instead of silently to the HTTP dummy.
        var isDefault = lws_protocol_vhost_options()
        isDefault.name = keep("default")
        isDefault.value = keep("1")
        var forumOptions = lws_protocol_vhost_options()
        forumOptions.name = keep(Self.protocolName)
        forumOptions.value = keep("")
        forumOptions.options = UnsafePointer(vhostOptions + 1)
        vhostOptions.initialize(to: forumOptions)
        (vhostOptions + 1).initialize(to: isDefault)

        var retry = lws_retry_bo_t()
        retry.secs_since_valid_ping = pingAfter
        retry.secs_since_valid_hangup = hangUpAfter
        retryPolicy.initialize(to: retry)

        foreignLoops.initialize(to: eventLoop)

        var info = lws_context_creation_info()
        info.port = Int32(port)
        info.protocols = UnsafePointer(protocols)
        info.mounts = UnsafePointer(mounts)
        info.pvo = UnsafePointer(vhostOptions)
        info.vhost_name = keep(Self.vhostName)
        info.retry_and_idle_policy = UnsafePointer(retryPolicy)
        info.foreign_loops = foreignLoops
        info.user = Unmanaged.passUnretained(loop).toOpaque()
        info.options =
            UInt64(LWS_SERVER_OPTION_LIBEV) | UInt64(LWS_SERVER_OPTION_FAIL_UPON_UNABLE_TO_BIND)
            | UInt64(LWS_SERVER_OPTION_HTTP_HEADERS_SECURITY_BEST_PRACTICES_ENFORCE)
            | UInt64(LWS_SERVER_OPTION_VALIDATE_UTF8)
        guard let context = lws_create_context(&info) else {
            throw StartError(description: "could not listen on port \(port): is another program using it?")
        }
        self.context = context
    }

    /// The port actually listened on (useful with port 0).
    var listenPort: Int {
        guard let context, let vhost = lws_get_vhost_by_name(context, Self.vhostName) else { return 0 }
        return Int(lws_get_vhost_listen_port(vhost))
    }

    /// Destroys the context (running the CLOSED callbacks) and frees what lws pointed to.
    func destroy() {
        if let context { lws_context_destroy(context) }
        context = nil
    }

    deinit {
        destroy()
        Self.release(
            protocols: protocols, mounts: mounts, vhostOptions: vhostOptions, mimeTypes: mimeTypes, retry: retryPolicy,
            loops: foreignLoops, strings: strings)
    }

    private static func release(
        protocols: UnsafeMutablePointer<lws_protocols>, mounts: UnsafeMutablePointer<lws_http_mount>,
        vhostOptions: UnsafeMutablePointer<lws_protocol_vhost_options>,
        mimeTypes: UnsafeMutablePointer<lws_protocol_vhost_options>, retry: UnsafeMutablePointer<lws_retry_bo_t>,
        loops: UnsafeMutablePointer<UnsafeMutableRawPointer?>, strings: [UnsafeMutablePointer<CChar>]
    ) {
        protocols.deallocate()
        mounts.deallocate()
        vhostOptions.deallocate()
        mimeTypes.deallocate()
        retry.deallocate()
        loops.deallocate()
        strings.forEach { free($0) }
    }

    /// A C copy of `string` that lives as long as this object.
    private func keep(_ string: String) -> UnsafePointer<CChar> {
        let copy = strdup(string)!
        strings.append(copy)
        return UnsafePointer(copy)
    }
}

/// The C callback for the Forum protocol. A C function pointer can only be formed from a
/// top-level func; it finds the Swift ``ServiceLoop`` through the context's user pointer.
private func forumCallback(
    _ wsi: OpaquePointer?, _ reason: lws_callback_reasons, _ user: UnsafeMutableRawPointer?,
    _ input: UnsafeMutableRawPointer?, _ length: Int
) -> Int32 {
    guard let wsi, let context = lws_get_context(wsi), let raw = lws_context_user(context) else { return 0 }
    let loop = Unmanaged<ServiceLoop>.fromOpaque(raw).takeUnretainedValue()
    return loop.handle(wsi: wsi, reason: reason, user: user, input: input, length: length)
}
