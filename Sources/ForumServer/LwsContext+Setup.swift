import CLibWebSockets

extension LwsContext {
    /// What differs between the servers built on ``LwsContext``: the show's (`forum serve`) and
    /// the studio's (`forum studio`). The rest is the same for both: the WebSocket protocol
    /// first and the vhost default, the HTTP dummy after it, Forum's extra MIME types, lws's
    /// security headers, `vary: Accept-Encoding`, the pages' gzip copies, the libev loop.
    /// A WebSocket protocol's C callback (a top-level func: C cannot call a closure).
    typealias Callback =
        @convention(c) (
            OpaquePointer?, lws_callback_reasons, UnsafeMutableRawPointer?, UnsafeMutableRawPointer?, Int
        ) -> Int32

    struct Setup {
        /// The WebSocket protocol's and the vhost's names.
        var protocolName: String
        var vhostName: String
        /// The C callback of the WebSocket protocol; it finds its loop through `user`.
        var callback: Callback
        /// The context's user pointer (the loop, unretained: it outlives the context).
        var user: UnsafeMutableRawPointer
        /// lws's receive buffer for the protocol, in bytes.
        var receiveBufferSize: Int
        /// lws's keep-alive: ping after this many idle seconds, hang up after this many (0: off).
        /// The show keeps it off: lws 4.1.6 reschedules every connection's timer by walking
        /// one sorted list, and a room pinged together stalled the service thread for seconds;
        /// its service loop pings with a jitter itself (ServiceLoop+KeepAlive.swift). The
        /// studio, with a few writers, uses lws's.
        var pingAfter: UInt16
        var hangUpAfter: UInt16
        /// The folders served, in order.
        var mounts: [Mount]
        /// Gzip copies of the pages, sent to clients that accept gzip.
        var pages: PrecompressedPages?
        /// The certificate and key for HTTPS and WSS only; nil serves plain HTTP and WS.
        var tls: TLSFiles? = nil
    }

    /// A folder served over HTTP at `mountpoint`; `cached` files may be kept for a minute and
    /// then revalidated by ETag.
    struct Mount {
        var mountpoint: String
        var origin: String
        var defaultFile: String?
        var cached: Bool
    }

    /// The show's server: the phone page at `/`, the projector at `/screen`, the live report
    /// at `/report`, the stories' images and the join QR code; the Forum protocol.
    static func showSetup(folders: Folders, loop: ServiceLoop) -> Setup {
        let webRoot = folders.webRoot
        var mounts = [
            Mount(mountpoint: "/", origin: webRoot, defaultFile: "index.html", cached: true),
            Mount(mountpoint: "/screen", origin: webRoot, defaultFile: "screen.html", cached: true),
            Mount(mountpoint: "/moderate", origin: webRoot, defaultFile: "moderate.html", cached: true),
            Mount(mountpoint: "/report", origin: webRoot, defaultFile: "report.html", cached: true),
        ]
        if let mediaRoot = folders.mediaRoot {
            mounts.append(Mount(mountpoint: "/scenarios-media", origin: mediaRoot, cached: true))
        }
        if let qrRoot = folders.qrRoot {
            // Made anew at each start (the address may change): never cached.
            mounts.append(Mount(mountpoint: qrMountpoint, origin: qrRoot, cached: false))
        }
        return Setup(
            protocolName: protocolName, vhostName: vhostName, callback: forumCallback,
            user: Unmanaged.passUnretained(loop).toOpaque(), receiveBufferSize: 1024, pingAfter: 0, hangUpAfter: 0,
            mounts: mounts, pages: folders.pages)
    }
}
