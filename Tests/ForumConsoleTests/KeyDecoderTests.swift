import Testing

@testable import ForumConsole

@Suite("Keys from terminal bytes")
struct KeyDecoderTests {
    @Test func lettersEnterBackspaceAndControlKeys() {
        var decoder = KeyDecoder()
        #expect(
            decoder.feed(Array("n:go\r".utf8)) == [
                .character("n"), .character(":"), .character("g"), .character("o"), .enter,
            ])
        #expect(decoder.feed([0x7F, 0x03, 0x0C, 0x01]) == [.backspace, .interrupt, .redraw, .other])
    }

    @Test func arrowsPagesAndEscape() {
        var decoder = KeyDecoder()
        #expect(decoder.feed(Array("\u{1B}[A\u{1B}[B\u{1B}OA".utf8)) == [.up, .down, .up])
        #expect(decoder.feed(Array("\u{1B}[5~\u{1B}[6~".utf8)) == [.pageUp, .pageDown])
        #expect(decoder.feed([0x1B]) == [.escape])
        #expect(decoder.feed([0x1B, 0x1B]) == [.escape, .escape])
        #expect(decoder.feed(Array("\u{1B}t4".utf8)) == [.escape, .character("t"), .character("4")])
    }

    @Test func sequencesAndCharactersSplitAcrossReads() {
        var decoder = KeyDecoder()
        #expect(decoder.feed([0x1B, UInt8(ascii: "[")]) == [])
        #expect(decoder.feed([UInt8(ascii: "C")]) == [.right])
        let euro = Array("€".utf8)
        #expect(decoder.feed([euro[0]]) == [])
        #expect(decoder.feed(Array(euro[1...])) == [.character("€")])
    }
}
