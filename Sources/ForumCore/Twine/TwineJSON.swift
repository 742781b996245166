import Foundation

/// JSON as Twine's special passages hold it (`StoryData`) and as Forum writes `ForumData`.
enum TwineJSON {
    /// `text` read as a JSON object, or nil when it is not one.
    static func object(_ text: String) -> [String: Any]? {
        guard let data = text.data(using: .utf8),
            let value = try? JSONSerialization.jsonObject(with: data, options: [])
        else { return nil }
        return value as? [String: Any]
    }

    /// `value` as pretty-printed JSON with sorted keys, so the same story always gives the same text.
    static func encode<Value: Encodable>(_ value: Value) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// `text` decoded as `Value`, or nil when it does not fit.
    static func decode<Value: Decodable>(_ type: Value.Type, from text: String) -> Value? {
        let decoder = JSONDecoder()
        guard let data = text.data(using: .utf8) else { return nil }
        return try? decoder.decode(type, from: data)
    }
}
