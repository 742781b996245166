import CLibWebSockets
import ForumCore

extension ServiceLoop {
    /// Decides a WebSocket upgrade before lws answers it: a page from another site (see
    /// ``OriginPolicy``) gets `403 Forbidden` and no WebSocket.
    ///
    /// lws 4.1.6 asks the protocol bound for HTTP, Forum's (protocol 0, the vhost default):
    /// returning 1 after writing the status tells lws the answer has been sent
    /// (lib/roles/http/server/server.c:2160).
    func confirmUpgrade(wsi: OpaquePointer) -> Int32 {
        let origin = header(WSI_TOKEN_ORIGIN, of: wsi)
        let host = header(WSI_TOKEN_HOST, of: wsi)
        // The remote link's page is Forum's own too (a proxy that rewrites `Host`).
        let pages = joinURLs + [session.remoteJoin?.url].compactMap { $0 }
        guard !OriginPolicy.allows(origin: origin, host: host, joinURLs: pages) else { return 0 }
        logger.notice(
            "refused a WebSocket from another site's page",
            metadata: ["origin": "\(ControlCharacters.cleaned(origin ?? ""))"])
        lws_return_http_status(
            wsi, UInt32(HTTP_STATUS_FORBIDDEN.rawValue), "Forum's live connection is only for its own pages.")
        return 1
    }

    /// A request header's value, or nil when absent (at most 512 bytes are read).
    private func header(_ token: lws_token_indexes, of wsi: OpaquePointer) -> String? {
        let length = lws_hdr_total_length(wsi, token)
        guard length > 0 else { return nil }
        var buffer = [CChar](repeating: 0, count: min(Int(length), 511) + 1)
        guard lws_hdr_copy(wsi, &buffer, Int32(buffer.count), token) >= 0 else { return nil }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

extension ServiceLoop {
    /// The peer's address as text (`127.0.0.1`, `::1`), for the host-key guard only: held in
    /// memory while the connection lasts, never stored or logged.
    static func peerAddress(of wsi: OpaquePointer) -> String? {
        var buffer = [CChar](repeating: 0, count: 64)
        guard let text = lws_get_peer_simple(wsi, &buffer, buffer.count) else { return nil }
        let address = String(cString: text)
        return address.isEmpty ? nil : address
    }
}
