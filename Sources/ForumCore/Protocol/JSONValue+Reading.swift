/// Reading ``JSONValue``s leniently, as the protocol's clients do: a missing or mistyped
/// member reads as nil (or empty), never a crash.
extension JSONValue {
    /// Parses UTF-8 JSON text (see ``JSONParser``); nil if it is not valid JSON.
    public init?(parsing bytes: some Collection<UInt8>) {
        guard let value = JSONParser.parse(bytes) else { return nil }
        self = value
    }

    /// The string, if this is one.
    public var stringValue: String? {
        if case .string(let value) = self { value } else { nil }
    }

    /// The integer, if this is one.
    public var intValue: Int? {
        if case .int(let value) = self { value } else { nil }
    }

    /// The boolean, if this is one.
    public var boolValue: Bool? {
        if case .bool(let value) = self { value } else { nil }
    }

    /// The items, if this is an array.
    public var arrayValue: [JSONValue]? {
        if case .array(let items) = self { items } else { nil }
    }

    /// The members in order, if this is an object.
    public var members: [(String, JSONValue)]? {
        if case .object(let members) = self { members } else { nil }
    }

    /// The strings of an array (others skipped; empty when not an array).
    public var strings: [String] { arrayValue?.compactMap(\.stringValue) ?? [] }

    /// An object of integers as a dictionary (others skipped; nil when not an object).
    public var intMap: [String: Int]? {
        members.map { Dictionary($0.compactMap { key, value in value.intValue.map { (key, $0) } }) { a, _ in a } }
    }

    /// An object of strings as a dictionary (others skipped; nil when not an object).
    public var stringMap: [String: String]? {
        members.map { Dictionary($0.compactMap { key, value in value.stringValue.map { (key, $0) } }) { a, _ in a } }
    }
}
