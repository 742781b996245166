import Foundation

/// `report` *(addition)*: the show's report as one standalone HTML page, for the host that
/// asked with the `report` command (docs/protocol.md, "Hosting").
public struct ReportMessage: ServerMessageBody {
    public static let type = ServerMessageType.report

    /// The `ref` of the host's command.
    public var ref: String?
    public var edition: ReportEdition
    /// When the report was built from the database.
    public var builtAt: Date
    /// The whole page.
    public var html: String

    public init(ref: String?, edition: ReportEdition, builtAt: Date, html: String) {
        self.ref = ref
        self.edition = edition
        self.builtAt = builtAt
        self.html = html
    }

    public var json: JSONValue {
        .object([
            ("type", .string(Self.type.rawValue)), ("ref", .string(ref)), ("edition", .string(edition.rawValue)),
            ("built_at", .string(ISOTime.string(builtAt))), ("html", .string(html)),
        ])
    }

    public init?(json: JSONValue) {
        guard Self.isOwnType(json) else { return nil }
        ref = json["ref"]?.stringValue
        edition = json["edition"]?.stringValue.flatMap(ReportEdition.init(rawValue:)) ?? .community
        builtAt = json["built_at"]?.stringValue.flatMap(ISOTime.date) ?? Date(timeIntervalSince1970: 0)
        html = json["html"]?.stringValue ?? ""
    }
}
