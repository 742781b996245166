extension ClientMessageDecoder {
    /// Typed access to a JSON object's fields with protocol errors. A key given more than
    /// once counts with its last value (as Foundation's dictionaries had it).
    struct Fields {
        let members: [(String, JSONValue)]

        /// The last value given for `key`, nil when absent (a JSON `null` is `.null`).
        subscript(key: String) -> JSONValue? {
            members.last { $0.0 == key }?.1
        }

        func string(_ key: String) throws(ProtocolError) -> String {
            guard let value = try optionalString(key) else {
                throw ProtocolError("bad_message", "The field '\(key)' is missing.")
            }
            return value
        }

        /// A longer text field (a proposal): at most 4 KiB; its length in characters is the
        /// show's to check.
        func text(_ key: String) throws(ProtocolError) -> String {
            guard case .string(let value)? = self[key] else {
                throw ProtocolError("bad_message", "The field '\(key)' must be a string.")
            }
            guard value.utf8.count <= 4096 else {
                throw ProtocolError("bad_message", "The field '\(key)' is too long.")
            }
            return value
        }

        func optionalString(_ key: String) throws(ProtocolError) -> String? {
            switch self[key] {
            case nil, .null?: return nil
            case .string(let value)?:
                guard value.utf8.count <= maximumFieldLength else {
                    throw ProtocolError("bad_message", "The field '\(key)' is too long.")
                }
                return value
            default: throw ProtocolError("bad_message", "The field '\(key)' must be a string.")
            }
        }

        /// JSON `true` or `false` (never a number).
        func bool(_ key: String) throws(ProtocolError) -> Bool {
            guard case .bool(let value)? = self[key] else {
                throw ProtocolError("bad_message", "The field '\(key)' must be true or false.")
            }
            return value
        }

        /// The optional `place` field: room, remote, or absent/null.
        func place() throws(ProtocolError) -> Place? {
            guard let name = try optionalString("place") else { return nil }
            guard let place = Place(rawValue: name) else {
                throw ProtocolError("bad_message", "'place' must be room, remote or null.")
            }
            return place
        }

        /// The optional `by` of `split`: perspective or place.
        func splitDimension() throws(ProtocolError) -> SplitDimension? {
            guard let name = try optionalString("by") else { return nil }
            guard let dimension = SplitDimension(rawValue: name) else {
                throw ProtocolError("bad_message", "'by' must be perspective or place.")
            }
            return dimension
        }

        /// A whole number of magnitude below 10⁹, absent or null for nil. A number written
        /// with a fraction or an exponent counts when its value (as a `Double`) is whole:
        /// `60.0` and `6e1` are 60.
        func optionalInt(_ key: String) throws(ProtocolError) -> Int? {
            let value: Double
            switch self[key] {
            case nil, .null?: return nil
            case .int(let integer)?: value = Double(integer)
            case .number(let text)?: value = Double(text) ?? .nan
            default: value = .nan
            }
            guard value == value.rounded() else {
                throw ProtocolError("bad_message", "The field '\(key)' must be a whole number.")
            }
            guard abs(value) < 1e9 else { throw ProtocolError("bad_message", "The field '\(key)' is out of range.") }
            return Int(value)
        }
    }
}
