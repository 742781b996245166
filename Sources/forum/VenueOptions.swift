import ArgumentParser
import ForumCore
import ForumNats
import ForumServer
import ForumSession
import Foundation

/// `forum serve`'s options for one show in several venues (docs/venues.md). Without
/// `--nats` the show is the single-machine show it always was.
struct VenueOptions: ParsableArguments {
    @ArgumentParser.Option(
        help: ArgumentHelp(
            "Share the show with other venues through this NATS server (this venue's leaf node, e.g. nats://127.0.0.1:4222; several: comma-separated).",
            valueName: "url"))
    var nats: String?

    @ArgumentParser.Option(
        help: ArgumentHelp("This venue's name in the shared show (letters, digits, - and _).", valueName: "name"))
    var venue: String?

    @ArgumentParser.Option(
        name: .customLong("nats-show"),
        help: ArgumentHelp("The shared show's name on NATS: the same at every venue.", valueName: "name"))
    var natsShow = "forum"

    @ArgumentParser.Option(
        name: .customLong("nats-domain"),
        help: ArgumentHelp(
            "The hub's JetStream domain (its 'jetstream { domain: ... }'); '' when the server has JetStream itself with no domain.",
            valueName: "name"))
    var natsDomain = "hub"

    @ArgumentParser.Option(
        name: .customLong("nats-creds"),
        help: ArgumentHelp("A NATS credentials file (.creds) for this venue.", valueName: "file"))
    var natsCreds: String?

    @ArgumentParser.Option(
        name: .customLong("nats-ca"),
        help: ArgumentHelp("Trust this CA certificate for TLS to the NATS server (tls:// URLs).", valueName: "file"))
    var natsCA: String?

    @ArgumentParser.Option(
        help: ArgumentHelp(
            "Keep the whole day of the shared show (every venue's votes and the stage) in this database too.",
            valueName: "file"))
    var archive: String?

    /// Refuses what does not fit together before anything is opened.
    func validate() throws {
        _ = try settings()
    }

    /// The settings these options give, nil without `--nats`; a clear error for what does
    /// not fit together.
    func settings() throws(ValidationError) -> VenueSettings? {
        guard let nats else {
            if venue != nil || archive != nil { throw ValidationError("--venue and --archive need --nats URL.") }
            return nil
        }
        guard let venue else {
            throw ValidationError("--nats needs --venue NAME: each venue of the show has its own name.")
        }
        guard RemoteVote.isVenueName(venue) else {
            throw ValidationError("--venue '\(venue)': use 1 to 64 letters, digits, - and _ (no spaces).")
        }
        guard let names = SharedShowNames(show: natsShow) else {
            throw ValidationError("--nats-show '\(natsShow)': use 1 to 32 ASCII letters, digits, - and _.")
        }
        let urls = nats.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !urls.isEmpty else { throw ValidationError("--nats needs a URL, e.g. nats://127.0.0.1:4222.") }
        var options = NatsOptions(urls: urls, name: "forum \(natsShow) \(venue)")
        options.credentialsFile = natsCreds
        options.caFile = natsCA
        options.tlsRequired = natsCA != nil || urls.contains { $0.hasPrefix("tls://") }
        return VenueSettings(nats: options, domain: natsDomain.isEmpty ? nil : natsDomain, names: names, venue: venue)
    }
}
