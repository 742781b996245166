/// `report.json` writes every field, with `null` where there is no value (Swift's own
/// encoding leaves missing values out): analysts get the same keys in every object. The
/// one exception *(addition)*: members marked ``OmittedWhenNil`` (the venues of a shared
/// show) are left out while nil, so a single-machine report is as it was.
public protocol NullEncoding: Encodable {}

private struct FieldKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

extension NullEncoding {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: FieldKey.self)
        for child in Mirror(reflecting: self).children {
            guard let name = child.label, let value = child.value as? any Encodable else { continue }
            if let member = child.value as? any OmissibleMember, member.isOmitted { continue }
            try container.encode(value, forKey: FieldKey(stringValue: name))
        }
    }
}
