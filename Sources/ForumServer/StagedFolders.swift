import Logging

/// What the service thread stages in temporary folders before it serves: the pages' gzip
/// copies and the join QR code. Neither is needed to run the show, so a failure is logged
/// and the server goes on without it.
struct StagedFolders {
    let pages: PrecompressedPages?
    let joinQR: JoinQRFile?

    /// Stages both and records in `configuration` where the QR code will be served.
    ///
    /// The `welcome` names the code before the server listens, so whether there is one is
    /// decided from the address it will hold: the first given join URL, or, when the
    /// addresses are made from the port once listening, one like `http://10.0.0.7:8080/`,
    /// which always fits.
    init(configuration: inout ServerConfiguration) {
        let logger = configuration.logger
        do {
            let pages = try PrecompressedPages(webRoot: configuration.webRoot)
            let plain = pages.entries.values.reduce(0) { $0 + $1.plainSize }
            let gzipped = pages.entries.values.reduce(0) { $0 + $1.gzipSize }
            logger.info(
                "pages gzipped for clients that accept it",
                metadata: ["files": "\(pages.entries.count)", "bytes": "\(plain)", "gzipped": "\(gzipped)"])
            self.pages = pages
        } catch {
            logger.warning("the pages will be sent uncompressed", metadata: ["error": "\(error)"])
            self.pages = nil
        }
        let hasCode = configuration.joinURLs.map { $0.first.map(JoinQRFile.fits) ?? false } ?? true
        do {
            joinQR = hasCode ? try JoinQRFile() : nil
        } catch {
            logger.warning("no join QR code", metadata: ["error": "\(error)"])
            joinQR = nil
        }
        configuration.joinQRPath = joinQR == nil ? nil : JoinQRFile.path
    }

    /// Writes the QR code for the first of `urls` (the join addresses now that the port is
    /// known).
    func writeJoinQR(urls: [String], configuration: ServerConfiguration) {
        guard let joinQR else { return }
        if let url = urls.first, joinQR.write(url: url) { return }
        configuration.logger.error("the join QR code could not be made", metadata: ["url": "\(urls.first ?? "")"])
    }

    /// Removes the staged folders (after the context is gone).
    func remove() {
        pages?.remove()
        joinQR?.remove()
    }
}
