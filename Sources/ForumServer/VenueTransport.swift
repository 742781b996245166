/// What the service loop needs of the link to the other venues of a shared show (NATS in
/// `forum serve --nats`: ``NatsVenueLink``). Both calls return at once; answers come back
/// through the mailbox as session events.
protocol VenueTransport: AnyObject, Sendable {
    /// Writes the sealed shared entry if the hub's is at revision `expecting` (0: none yet);
    /// the end is posted as ``ServiceMessage/venue(_:)`` with a `stageWritten` event.
    func writeStage(_ bytes: [UInt8], expecting: UInt64, ticket: UInt64)
    /// Publishes this venue's report to the others.
    func report(_ bytes: [UInt8])
}
