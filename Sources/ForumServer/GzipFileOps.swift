import CLibWebSockets

/// lws file operations that open a page's gzip copy instead of the page when the client
/// accepts gzip; lws itself then sends `content-encoding: gzip`.
///
/// lws (4.1.6, built without on-the-fly compression) already supports precompressed files:
/// it tells the open handler whether the request's `Accept-Encoding` contains `gzip`
/// (`LWS_FOP_FLAG_COMPR_ACCEPTABLE_GZIP`), and when the handler answers with
/// `LWS_FOP_FLAG_COMPR_IS_GZIP` it adds the header (lib/roles/http/server/server.c:2580).
/// Only its zip-file handler uses this, and Debian leaves that out, so these operations
/// take the place of the context's platform ones (`lws_set_fops`): `open` is Forum's, the
/// rest are lws's. Length, ETag, the MIME type (from the requested name), keep-alive and
/// the mount's headers stay lws's own.
///
/// Must outlive the lws context; used on the service thread only.
final class GzipFileOps {
    /// The ops lws calls, followed in the same allocation by a pointer back to this object
    /// (lws passes the ops pointer to `open`, which finds the object from it).
    private let storage: UnsafeMutableRawPointer
    private let pages: PrecompressedPages
    /// The context's own platform operations, which do the actual file work.
    private var platform: UnsafePointer<lws_plat_file_ops>?

    private static let ownerOffset = MemoryLayout<lws_plat_file_ops>.stride
    private static let acceptsGzip = lws_fop_flags_t(LWS_FOP_FLAG_COMPR_ACCEPTABLE_GZIP)
    private static let isGzip = lws_fop_flags_t(LWS_FOP_FLAG_COMPR_IS_GZIP)

    init(pages: PrecompressedPages) {
        self.pages = pages
        storage = UnsafeMutableRawPointer.allocate(
            byteCount: Self.ownerOffset + MemoryLayout<UnsafeMutableRawPointer>.size,
            alignment: max(MemoryLayout<lws_plat_file_ops>.alignment, MemoryLayout<UnsafeMutableRawPointer>.alignment))
    }

    deinit {
        storage.deallocate()
    }

    /// Puts these operations in front of `context`'s platform ones.
    func install(on context: OpaquePointer) {
        guard let current = lws_get_fops(context) else { return }
        platform = UnsafePointer(current)
        var ops = current.pointee
        ops.open = gzipAwareOpen
        ops.next = nil
        storage.initializeMemory(as: lws_plat_file_ops.self, repeating: ops, count: 1)
        (storage + Self.ownerOffset).storeBytes(
            of: Unmanaged.passUnretained(self).toOpaque(), as: UnsafeMutableRawPointer.self)
        lws_set_fops(context, storage.assumingMemoryBound(to: lws_plat_file_ops.self))
    }

    /// `open` for lws: the gzip copy when the client accepts it and there is a fresh one,
    /// otherwise the file itself. The platform `open` records `fops` (these operations) in
    /// the handle, so lws reads and closes through them too.
    fileprivate func open(
        _ fops: UnsafePointer<lws_plat_file_ops>, _ filename: UnsafePointer<CChar>, _ vpath: UnsafePointer<CChar>?,
        _ flags: UnsafeMutablePointer<lws_fop_flags_t>
    ) -> lws_fop_fd_t? {
        guard let platform, let platformOpen = platform.pointee.open else { return nil }
        if flags.pointee & Self.acceptsGzip != 0, let gzipPath = pages.gzipPath(for: String(cString: filename)) {
            var gzipFlags = flags.pointee
            if let handle = platformOpen(fops, gzipPath, nil, &gzipFlags) {
                gzipFlags |= Self.isGzip
                handle.pointee.flags = gzipFlags
                flags.pointee = gzipFlags
                return handle
            }
        }
        return platformOpen(fops, filename, vpath, flags)
    }

    fileprivate static func owner(of fops: UnsafePointer<lws_plat_file_ops>) -> GzipFileOps {
        let raw = (UnsafeRawPointer(fops) + ownerOffset).load(as: UnsafeMutableRawPointer.self)
        return Unmanaged<GzipFileOps>.fromOpaque(raw).takeUnretainedValue()
    }
}

/// The C entry point of ``GzipFileOps/open(_:_:_:_:)`` (a C function pointer can only be
/// formed from a top-level func).
private func gzipAwareOpen(
    _ fops: UnsafePointer<lws_plat_file_ops>?, _ filename: UnsafePointer<CChar>?, _ vpath: UnsafePointer<CChar>?,
    _ flags: UnsafeMutablePointer<lws_fop_flags_t>?
) -> lws_fop_fd_t? {
    guard let fops, let filename, let flags else { return nil }
    return GzipFileOps.owner(of: fops).open(fops, filename, vpath, flags)
}
