/// A value of an exported row, written to CSV as a field and to JSON as a JSON value.
enum ExportValue: Sendable, Equatable, Encodable {
    case text(String)
    case number(Int)
    case null
    /// A yes/no (CSV `yes`/`no`, JSON true/false).
    case flag(Bool)
    /// Counts by key (JSON only: CSV spreads them over columns).
    case counts([String: Int])

    /// Text, or null for nil.
    static func text(_ text: String?) -> ExportValue {
        text.map(ExportValue.text) ?? .null
    }

    /// The CSV field; counts have no single field and come out empty.
    var csvField: CSVField {
        switch self {
        case .text(let text): .text(text)
        case .number(let number): .number(number)
        case .flag(let flag): .text(flag ? "yes" : "no")
        case .null, .counts: .empty
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let text): try container.encode(text)
        case .number(let number): try container.encode(number)
        case .flag(let flag): try container.encode(flag)
        case .null: try container.encodeNil()
        case .counts(let counts): try container.encode(counts)
        }
    }
}
