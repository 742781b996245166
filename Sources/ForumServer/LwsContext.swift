import CLibWebSockets
import Foundation

/// The C side of a server: everything lws keeps pointers to (protocols, mounts, options,
/// retry policy, strings) allocated once here and freed only after the context is gone.
/// Created, used and destroyed on its service thread. The show's server and the studio's
/// both use it; what differs between them is a ``Setup`` (LwsContext+Setup.swift).
final class LwsContext {
    private(set) var context: OpaquePointer?
    private let protocols = UnsafeMutablePointer<lws_protocols>.allocate(capacity: 3)
    private let mounts: UnsafeMutablePointer<lws_http_mount>
    private let vhostOptions = UnsafeMutablePointer<lws_protocol_vhost_options>.allocate(capacity: 2)
    private let mimeTypes = UnsafeMutablePointer<lws_protocol_vhost_options>.allocate(capacity: 3)
    private let retryPolicy = UnsafeMutablePointer<lws_retry_bo_t>.allocate(capacity: 1)
    private let headers = UnsafeMutablePointer<lws_protocol_vhost_options>.allocate(capacity: 1)
    /// Opens the pages' gzip copies; lws points to it until the context is gone.
    private let fileOps: GzipFileOps?
    private let foreignLoops = UnsafeMutablePointer<UnsafeMutableRawPointer?>.allocate(capacity: 1)
    private var strings: [UnsafeMutablePointer<CChar>] = []
    /// The vhost's name, to find the port listened on.
    private let vhost: String

    /// The name of the WebSocket protocol (browsers need not ask for it: it is the default).
    static let protocolName = "forum"
    static let vhostName = "forum"
    /// Where the join QR code's folder is published.
    static let qrMountpoint = "/qr"
    /// How long a browser may reuse a page before it asks again (with its ETag, so an
    /// unchanged page costs a `304`): short, so a page changed between sessions reaches
    /// every phone within a minute.
    static let pageMaxAge: Int32 = 60

    /// What went wrong creating the context.
    struct StartError: Error, CustomStringConvertible {
        var description: String
    }

    /// The folders published besides the pages.
    struct Folders {
        /// The pages (`/`, `/screen`).
        var webRoot: String
        /// The stories' images (`/scenarios-media/`), if any.
        var mediaRoot: String?
        /// The join QR code (`/qr/`), if any.
        var qrRoot: String?
        /// Gzip copies of the pages, sent to clients that accept gzip.
        var pages: PrecompressedPages?
    }

    /// Creates the show's lws context on `eventLoop`, listening on `port` (0: any free port).
    /// `loop` is reached from the C callback through the context's user pointer; with `tls`,
    /// over HTTPS and WSS only.
    convenience init(
        port: Int, folders: Folders, loop: ServiceLoop, eventLoop: UnsafeMutableRawPointer, tls: TLSFiles? = nil
    ) throws {
        var setup = Self.showSetup(folders: folders, loop: loop)
        setup.tls = tls
        try self.init(port: port, setup: setup, eventLoop: eventLoop)
    }

    /// Creates an lws context on `eventLoop` as `setup` says, listening on `port` (0: any
    /// free port).
    init(port: Int, setup: Setup, eventLoop: UnsafeMutableRawPointer) throws {
        vhost = setup.vhostName
        mounts = UnsafeMutablePointer<lws_http_mount>.allocate(capacity: max(1, setup.mounts.count))
        fileOps = setup.pages.map(GzipFileOps.init(pages:))
        var http = lws_protocols()
        http.name = keep("http")
        http.callback = lws_callback_http_dummy
        var forum = lws_protocols()
        forum.name = keep(setup.protocolName)
        forum.callback = setup.callback
        forum.per_session_data_size = MemoryLayout<UInt64>.size
        forum.rx_buffer_size = setup.receiveBufferSize
        forum.tx_packet_size = 16 * 1024
        // Forum's protocol comes first: until lws runs the protocol init (on the loop's first
        // turns, when the system state reaches POLICY_VALID), a WebSocket upgrade without a
        // subprotocol binds to protocol 0 whatever the vhost default says. With the HTTP dummy
        // there, a phone reconnecting the instant a restarted server listened got its 101 and
        // then silence, about one early connection in four.
        protocols.initialize(to: forum)
        (protocols + 1).initialize(to: http)
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

        var list = setup.mounts.map {
            fileMount(at: $0.mountpoint, origin: $0.origin, defaultFile: $0.defaultFile, cached: $0.cached)
        }
        for index in list.indices {
            if index + 1 < list.count { list[index].mount_next = UnsafePointer(mounts + index + 1) }
            (mounts + index).initialize(to: list[index])
        }

        // Every answer may differ with the request's Accept-Encoding (the pages' gzip copies):
        // shared caches must keep the two apart. lws adds these canned headers to every
        // response it starts with a status line (lib/roles/http/header.c:330).
        var vary = lws_protocol_vhost_options()
        vary.name = keep("vary:")
        vary.value = keep("Accept-Encoding")
        headers.initialize(to: vary)

        // Make the Forum protocol the vhost default, so a browser's plain `new WebSocket(url)`
        // (no subprotocol) binds to it instead of silently to the HTTP dummy.
        var isDefault = lws_protocol_vhost_options()
        isDefault.name = keep("default")
        isDefault.value = keep("1")
        var forumOptions = lws_protocol_vhost_options()
        forumOptions.name = keep(setup.protocolName)
        forumOptions.value = keep("")
        forumOptions.options = UnsafePointer(vhostOptions + 1)
        vhostOptions.initialize(to: forumOptions)
        (vhostOptions + 1).initialize(to: isDefault)

        // The show keeps lws's keep-alive off (see ``Setup/pingAfter``).
        var retry = lws_retry_bo_t()
        retry.secs_since_valid_ping = setup.pingAfter
        retry.secs_since_valid_hangup = setup.hangUpAfter
        retryPolicy.initialize(to: retry)

        foreignLoops.initialize(to: eventLoop)

        var info = lws_context_creation_info()
        info.port = Int32(port)
        info.protocols = UnsafePointer(protocols)
        info.mounts = UnsafePointer(mounts)
        info.pvo = UnsafePointer(vhostOptions)
        info.headers = UnsafePointer(headers)
        info.vhost_name = keep(setup.vhostName)
        info.retry_and_idle_policy = UnsafePointer(retryPolicy)
        info.foreign_loops = foreignLoops
        info.user = setup.user
        info.options =
            UInt64(LWS_SERVER_OPTION_LIBEV) | UInt64(LWS_SERVER_OPTION_FAIL_UPON_UNABLE_TO_BIND)
            | UInt64(LWS_SERVER_OPTION_HTTP_HEADERS_SECURITY_BEST_PRACTICES_ENFORCE)
            | UInt64(LWS_SERVER_OPTION_VALIDATE_UTF8)
        if let tls = setup.tls { useTLS(tls, in: &info) }
        guard let context = lws_create_context(&info) else {
            throw StartError(description: "could not listen on port \(port): is another program using it?")
        }
        self.context = context
        fileOps?.install(on: context)
    }

    /// Lets browsers keep a file for ``pageMaxAge`` seconds, then revalidate it:
    /// `cache-control: must-revalidate, private, max-age=60` (lws's words; with the mount
    /// defaults it sends `no-store`, and the ETag is never used).
    /// A mount serving the files of `origin` at `mountpoint`, with Forum's extra MIME types;
    /// `cached` ones may be kept for a minute and then revalidated by ETag.
    private func fileMount(at mountpoint: String, origin: String, defaultFile: String? = nil, cached: Bool)
        -> lws_http_mount
    {
        var mount = lws_http_mount()
        mount.mountpoint = keep(mountpoint)
        mount.mountpoint_len = UInt8(mountpoint.utf8.count)
        mount.origin = keep(origin)
        mount.def = defaultFile.map { keep($0) }
        mount.origin_protocol = UInt8(LWSMPRO_FILE.rawValue)
        mount.extra_mimetypes = UnsafePointer(mimeTypes)
        if cached { Self.allowCaching(&mount) }
        return mount
    }

    private static func allowCaching(_ mount: inout lws_http_mount) {
        mount.cache_max_age = pageMaxAge
        mount.cache_reusable = 1
        mount.cache_revalidate = 1
        mount.cache_intermediaries = 0
    }

    /// The port actually listened on (useful with port 0).
    var listenPort: Int {
        guard let context, let vhost = lws_get_vhost_by_name(context, vhost) else { return 0 }
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
            headers: headers, loops: foreignLoops, strings: strings)
    }

    private static func release(
        protocols: UnsafeMutablePointer<lws_protocols>, mounts: UnsafeMutablePointer<lws_http_mount>,
        vhostOptions: UnsafeMutablePointer<lws_protocol_vhost_options>,
        mimeTypes: UnsafeMutablePointer<lws_protocol_vhost_options>, retry: UnsafeMutablePointer<lws_retry_bo_t>,
        headers: UnsafeMutablePointer<lws_protocol_vhost_options>,
        loops: UnsafeMutablePointer<UnsafeMutableRawPointer?>, strings: [UnsafeMutablePointer<CChar>]
    ) {
        protocols.deallocate()
        mounts.deallocate()
        vhostOptions.deallocate()
        mimeTypes.deallocate()
        retry.deallocate()
        headers.deallocate()
        loops.deallocate()
        strings.forEach { free($0) }
    }

    /// Serves HTTPS and WSS only, with the certificate and key of `tls` (checked before, see
    /// ``TLSFiles/check()``). lws 4.1.6 (lib/tls/openssl/openssl-server.c) loads the chain
    /// from `ssl_cert_filepath` and the key from `ssl_private_key_filepath` into the vhost it
    /// makes from `info`; the global OpenSSL init must be asked for.
    private func useTLS(_ tls: TLSFiles, in info: inout lws_context_creation_info) {
        info.options |= UInt64(LWS_SERVER_OPTION_DO_SSL_GLOBAL_INIT)
        info.ssl_cert_filepath = keep(tls.certificate)
        info.ssl_private_key_filepath = keep(tls.privateKey)
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
func forumCallback(
    _ wsi: OpaquePointer?, _ reason: lws_callback_reasons, _ user: UnsafeMutableRawPointer?,
    _ input: UnsafeMutableRawPointer?, _ length: Int
) -> Int32 {
    guard let wsi, let context = lws_get_context(wsi), let raw = lws_context_user(context) else { return 0 }
    let loop = Unmanaged<ServiceLoop>.fromOpaque(raw).takeUnretainedValue()
    return loop.handle(wsi: wsi, reason: reason, user: user, input: input, length: length)
}
