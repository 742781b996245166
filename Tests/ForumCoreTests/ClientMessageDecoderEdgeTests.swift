import Testing

@testable import ForumCore

/// The full decoder on ``JSONParser`` at the edges of JSON: each answer is the one the
/// server gave when it decoded through Foundation (FoundationReferenceDecoder), written out.
@Suite("The full decoder at JSON's edges")
struct ClientMessageDecoderEdgeTests {
    func decode(_ text: String) -> Result<(ClientMessage, ref: String?), ProtocolError> {
        ClientMessageDecoder.decodeFully(Array(text.utf8))
    }

    func decode(bytes: [UInt8]) -> Result<(ClientMessage, ref: String?), ProtocolError> {
        ClientMessageDecoder.decodeFully(bytes)
    }

    func message(_ text: String) -> ClientMessage? { try? decode(text).get().0 }

    func error(_ text: String) -> String? { error(bytes: Array(text.utf8)) }

    func error(bytes: [UInt8]) -> String? {
        guard case .failure(let error) = decode(bytes: bytes) else { return nil }
        return "\(error.code): \(error.message)"
    }

    func seconds(_ number: String) -> String {
        #"{"type":"command","command":"open","args":{"seconds":"# + number + "}}"
    }

    /// A vote whose decision is these bytes.
    func vote(decision: [UInt8]) -> [UInt8] {
        Array(#"{"type":"vote","decision":""#.utf8) + decision + Array(#"","option":"o"}"#.utf8)
    }

    static let badJSON = "bad_json: The message is not a JSON object."

    @Test func aRepeatedKeyCountsWithItsLastValue() throws {
        #expect(
            message(#"{"type":"ping","type":"vote","decision":"D","option":"o"}"#) == .vote(decision: "D", option: "o"))
        #expect(message(#"{"type":"vote","decision":"D","option":"o","type":"ping"}"#) == .ping)
        #expect(try decode(#"{"type":"ping","ref":"a","ref":"b"}"#).get().ref == "b")
        #expect(try decode(#"{"type":"ping","ref":"a","ref":5}"#).get().ref == nil)
    }

    @Test func wholeNumbersMayBeWrittenWithAFractionOrAnExponent() {
        for (number, value) in [("60", 60), ("1.0", 1), ("1e2", 100), ("1E+2", 100), ("0.1e1", 1), ("-0", 0)] {
            #expect(message(seconds(number)) == .command(.open(seconds: value)), "\(number)")
        }
        #expect(message(seconds("999999999.0")) == .command(.open(seconds: 999_999_999)))
        #expect(message(seconds("null")) == .command(.open(seconds: nil)))
        let whole = "bad_message: The field 'seconds' must be a whole number."
        for number in ["1.5", "2.5e-1", "true", #""60""#] { #expect(error(seconds(number)) == whole, "\(number)") }
        let range = "bad_message: The field 'seconds' is out of range."
        for number in ["1e9", "-1e9", "9223372036854775807", "-9223372036854775808", "99999999999999999999"] {
            #expect(error(seconds(number)) == range, "\(number)")
        }
        #expect(
            error(#"{"type":"hello","role":"audience","device":1.5}"#)
                == "bad_message: The field 'device' must be a string.")
        #expect(
            error(#"{"type":"hello","role":"audience","state_after_ack":1}"#)
                == "bad_message: The field 'state_after_ack' must be true or false.")
    }

    @Test func numbersJSONDoesNotHaveAreNotJSON() {
        for number in [
            "NaN", "Infinity", "-Infinity", "1e400", "-1e400", "01", "-01", "+1", "1.", ".1", "-", "1e", "0x1",
        ] {
            #expect(error(seconds(number)) == Self.badJSON, "\(number)")
        }
    }

    @Test func deepNestingStopsAtFoundationsLimit() {
        func nested(_ depth: Int) -> String {
            #"{"type":"ping","x":"# + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "}"
        }
        #expect(message(nested(JSONParser.maximumDepth - 1)) == .ping, "512 open at once, the object counted")
        #expect(error(nested(JSONParser.maximumDepth)) == Self.badJSON)
        #expect(error(nested(4000)) == Self.badJSON, "8 KB of brackets neither traps nor recurses without end")
    }

    @Test func stringsMustBeUTF8WithoutControlsOrLoneSurrogates() throws {
        #expect(
            message(#"{"type":"vote","decision":"\ud83d\ude00\u00e9\/","option":"o"}"#)
                == .vote(decision: "😀é/", option: "o"))
        #expect(
            message(#"{"type":"vote","decision":"D\u0000","option":"o"}"#) == .vote(decision: "D\u{0}", option: "o"))
        for escaped in [
            #"\ud800"#, #"\udc00"#, #"\ud800\u0041"#, #"\ud800x"#, #"\udc00\ud800"#, #"\x"#, #"\'"#, #"\u12G4"#,
        ] {
            #expect(error(bytes: vote(decision: Array(escaped.utf8))) == Self.badJSON, "\(escaped)")
        }
        for raw: [UInt8] in [
            [0x01], [0x00], [0x09], [0x0A], [0xFF], [0x80], [0xC0, 0x80], [0xE2, 0x82], [0xED, 0xA0, 0x80],
            [0xF4, 0x90, 0x80, 0x80],
        ] {
            #expect(error(bytes: vote(decision: raw)) == Self.badJSON, "\(raw)")
        }
        #expect(
            try decode(bytes: vote(decision: [0x7F, 0xC3, 0xA9, 0xEF, 0xBF, 0xBF])).get().0
                == .vote(decision: "\u{7F}é\u{FFFF}", option: "o"))
    }

    @Test func foundationsLeniencyStays() throws {
        #expect(message(#"{"type":"ping",}"#) == .ping)
        #expect(message(#"{"type":"ping","a":[1 , ] , }"#) == .ping)
        #expect(try decode(bytes: [0xEF, 0xBB, 0xBF] + Array(#" {"type":"ping"}"#.utf8)).get().0 == .ping)
        for text in [
            "{,}", #"{"type":"ping",,"a":1}"#, #"{"type":"ping","a":[,1]}"#, #"{"type":"ping","a":[1,,]}"#,
            " \u{FEFF}{}", "\u{0B}{}", #"{"type":"ping"}\#u{0}"#,
        ] {
            #expect(error(text) == Self.badJSON, "\(text)")
        }
    }

    @Test func utf16IsNotGuessed() {
        // Foundation guessed UTF-16 and UTF-32 from the first bytes; the protocol is WebSocket
        // text, which is UTF-8, so such bytes are not a JSON object here.
        let utf16 = #"{"type":"ping"}"#.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(error(bytes: utf16) == Self.badJSON)
        #expect(FoundationReferenceDecoder.decode(utf16).map(\.0) == .success(.ping), "the difference, on record")
    }

    @Test func numbersBeyondADoublesPrecisionReadAsTheirDouble() throws {
        // Foundation kept these as NSDecimalNumber and truncated them (0.99999999999999999999 was
        // 0 seconds); the decoder reads every number as a Double, the nearest one.
        #expect(message(seconds("0.99999999999999999999")) == .command(.open(seconds: 1)))
        #expect(
            try FoundationReferenceDecoder.decode(Array(seconds("0.99999999999999999999").utf8)).get().0
                == .command(.open(seconds: 0)), "the difference, on record")
        #expect(message(seconds("1e-400")) == .command(.open(seconds: 0)), "as Foundation: it underflows to 0")
    }
}
