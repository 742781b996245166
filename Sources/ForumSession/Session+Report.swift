import ForumCore

extension Session {
    /// A host asked for the report: the IO side builds it from the database on a read-only
    /// connection of its own, off the service thread (votes never wait for it), and sends it
    /// to this connection alone. Nothing is stored and the show does not change, so there is
    /// no `ack`: the `report` message (or an error) is the answer.
    func requestReport(_ edition: ReportEdition, ref: String?, from id: ConnectionID) {
        guard let connection = connections[id], !connection.closing else { return }
        logger.info("host command", metadata: ["command": "report", "edition": "\(edition.rawValue)"])
        actions.append(.buildReport(id, ref: ref, edition: edition))
    }
}
