import ForumCore
import Testing

@Suite("The clients' JSON reader")
struct JSONParserTests {
    func parse(_ text: String) -> JSONValue? { JSONValue(parsing: Array(text.utf8)) }

    @Test func readsEveryKindOfValueKeysInOrder() {
        #expect(
            parse(#" {"b": [1, -2, true, false, null], "a": {"x": "y"}, "e": {}, "f": []} "#)
                == .object([
                    ("b", .array([.int(1), .int(-2), .bool(true), .bool(false), .null])),
                    ("a", .object([("x", .string("y"))])), ("e", .object([])), ("f", .array([])),
                ]))
        #expect(parse("1.5") == .number("1.5"), "a number that is not an integer is kept as its text")
        #expect(parse("[1e2, 99999999999999999999]") == .array([.number("1e2"), .number("99999999999999999999")]))
        #expect(parse("[-1.5e-3]")?.text == "[-1.5e-3]", "and written back as it was")
    }

    @Test func decodesEscapesAndSurrogatePairs() {
        #expect(parse(#""a\"b\\c\n\t\u00e9\ud83d\ude00/""#) == .string("a\"b\\c\n\té😀/"))
        let written = JSONValue.string("<script>\"x\"\n\u{1}é").text
        #expect(parse(written) == .string("<script>\"x\"\n\u{1}é"), "what the server writes reads back")
    }

    @Test func refusesWhatIsNotJSON() {
        for text in [
            "", "{", #"{"a" 1}"#, "[1,]x", "tru", #""open"#, #"{"a":1} trailing"#, #""\u12""#, "[01]", "[1.]", "[NaN]",
            #"["\ud800"]"#, "[\"\u{1}\"]", #"["\x"]"#, "[1,,]",
        ] {
            #expect(parse(text) == nil, "\(text)")
        }
    }
}
