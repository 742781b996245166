import Testing

@testable import ForumCore

/// Twine's link forms, read with Twine's own rules, and HTML character references.
@Suite("Twine links and entities")
struct TwineLinksTests {
    /// One link's label and target.
    static func read(_ line: String) -> [String] {
        TwineLinks.links(in: line).map { "\($0.label) => \($0.target)" + ($0.setter.map { " [\($0)]" } ?? "") }
    }

    @Test("the four forms, and which separator wins when several are written")
    func forms() {
        #expect(Self.read("[[Kitchen]]") == ["Kitchen => Kitchen"])
        #expect(Self.read("[[Go in|Kitchen]]") == ["Go in => Kitchen"])
        #expect(Self.read("[[Go in->Kitchen]]") == ["Go in => Kitchen"])
        #expect(Self.read("[[Kitchen<-Go in]]") == ["Go in => Kitchen"])
        #expect(Self.read("[[a->b->c]]") == ["a->b => c"])
        #expect(Self.read("[[a<-b<-c]]") == ["b<-c => a"])
        #expect(Self.read("[[a|b|c]]") == ["a|b => c"])
        #expect(Self.read("[[a|b->c]]") == ["a|b => c"])
        #expect(Self.read("[[Shop][$money to 5]]") == ["Shop => Shop [$money to 5]"])
        #expect(Self.read("[[Pay|Shop][$money -= 5]]") == ["Pay => Shop [$money -= 5]"])
    }

    @Test("several links on a line, hooks around a link, empty and unclosed links")
    func edges() {
        #expect(Self.read("Go [[left->L]] or [[right->R]].") == ["left => L", "right => R"])
        #expect(Self.read("(if: $x)[[[Hidden door]]]") == ["Hidden door => Hidden door"])
        #expect(Self.read("[[]] and [[->]] and [[ | ]]").isEmpty)
        #expect(Self.read("[[Never closed").isEmpty)
        #expect(TwineLinks.links(in: "[[https://example.org]]").first?.isExternal == true)
        #expect(TwineLinks.links(in: "[[Note: call 999->Call]]").first?.isExternal == false)
    }

    @Test("named and numeric character references decode; unknown ones stay as written")
    func entities() {
        let decoded = HTMLEntities.decode(
            "&amp;&lt;&gt;&quot;&#39;&apos; &#x2019;&#8217; &nbsp;&hellip; &madeup; & &#xZZ; &#1114112;")
        #expect(decoded.text == "&<>\"'' \u{2019}\u{2019} \u{A0}\u{2026} &madeup; & &#xZZ; \u{FFFD}")
        #expect(decoded.shifts[0]?.first == TextOrigin.Shift(column: 0, extra: 4))
    }
}
