import ForumCore
import ForumStore
import Logging

/// What `forum serve --nats` adds to a server: the venue's link to the others and, with
/// `--archive`, the day's archive. Started before the service thread, stopped after it.
final class SharedShow: Sendable {
    let link: NatsVenueLink
    let archive: ArchiveKeeper?
    let venue: String
    /// The shared entry's revision the venue's database is at (0: none kept).
    let revision: UInt64

    private init(link: NatsVenueLink, archive: ArchiveKeeper?, venue: String, revision: UInt64) {
        self.link = link
        self.archive = archive
        self.venue = venue
        self.revision = revision
    }

    /// The shared show of `configuration`, nil for a single-machine show.
    static func start(
        configuration: ServerConfiguration, library: Library, database: ForumDatabase, mailbox: Mailbox
    ) throws -> SharedShow? {
        guard let settings = configuration.venues else { return nil }
        try database.setVenue(settings.venue)
        let logger = configuration.logger
        let link = try NatsVenueLink(settings: settings, database: database, mailbox: mailbox, logger: logger)
        let archive = try configuration.archivePath.map {
            try ArchiveKeeper(
                path: $0, library: library, hostKey: configuration.hostKey, link: link, names: settings.names,
                logger: logger)
        }
        return SharedShow(
            link: link, archive: archive, venue: settings.venue, revision: try database.sharedRevision() ?? 0)
    }

    /// Stops the archive and the link.
    func stop() {
        archive?.stop()
        link.stop()
    }
}
