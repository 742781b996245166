import ForumCore
import Testing

/// The event file's support lines and what happens next, as `forum check` reads them.
@Suite("Event file: support lines and next steps")
struct EventSupportTests {
    @Test("support lines and next steps become part of the programme")
    func supportLines() throws {
        let result = ScenarioChecking.event(
            """
            next_steps: The votes go to the crisis care board in June.
            support:
              - { label: Samaritans, number: "116 123", when: "Free, day or night" }
              - label: Shout
                link: https://giveusashout.org
              - { label: NHS 111, number: 111, link: "tel:111" }
            """)
        #expect(result.lines == [])
        let programme = try #require(result.programme)
        #expect(programme.nextSteps == "The votes go to the crisis care board in June.")
        #expect(
            programme.support == [
                SupportLine(label: "Samaritans", number: "116 123", when: "Free, day or night"),
                SupportLine(label: "Shout", link: "https://giveusashout.org"),
                SupportLine(label: "NHS 111", number: "111", link: "tel:111"),
            ])
        #expect(programme.support[0].dial == "116123")
    }

    @Test("without support lines the event names none, and next steps take the default")
    func defaults() throws {
        let programme = try #require(ScenarioChecking.event("title: Day\n").programme)
        #expect(programme.support == [])
        #expect(programme.nextSteps == EventProgramme.defaultNextSteps)
    }

    @Test("a line with neither number nor link, a bad number, a link phones cannot open")
    func mistakes() {
        let result = ScenarioChecking.event(
            """
            support:
              - { label: Samaritans }
              - { label: Helpline, number: call us }
              - { label: Web, link: www.example.org }
              - { label: Script, link: "javascript:alert(1)" }
              - { number: "999" }
              - { label: Short, number: "12" }
              - { label: Plus, number: "+44 (0)20 7946 0000" }
            """)
        #expect(
            result.lines == [
                "2:5 error: support line `Samaritans` has neither a `number` nor a `link`",
                "3:32 error: `call us` is not a phone number",
                "4:25 error: `www.example.org` is not a link a phone can open",
                "5:28 error: `javascript:alert(1)` is not a link a phone can open",
                "6:5 error: this support line has no `label`",
                "7:29 error: `12` is not a phone number",
            ])
        #expect(result.hints[0] == "add `number: \"116 123\"` for a phone line or `link: https://…` for a web page")
        #expect(
            result.hints[2]
                == "links start with `https://` (a web page) or `tel:` (a phone number), "
                + "such as `link: https://www.samaritans.org`")
        #expect(result.programme == nil)
    }

    @Test("misspelt keys get the usual hints; an empty list is an error")
    func keys() {
        let top = ScenarioChecking.event("helplines:\n  - { label: Samaritans, number: \"116 123\" }\n")
        #expect(top.lines == ["1:1 error: unknown key `helplines`"])
        #expect(top.hints == ["did you mean `support`?"])
        let inLine = ScenarioChecking.event("support:\n  - { label: Samaritans, phone: \"116 123\" }\n")
        #expect(inLine.lines == ["2:26 error: unknown key `phone`"])
        #expect(inLine.hints == ["did you mean `number`?"])
        let empty = ScenarioChecking.event("support: []\n")
        #expect(empty.lines == ["1:1 error: `support` lists no support lines"])
    }

    @Test func dialableNumbers() {
        #expect(SupportLine.dialable("116 123") == "116123")
        #expect(SupportLine.dialable("+44 (0)20 7946-0000") == "+4402079460000")
        #expect(SupportLine.dialable("0800 ext 2") == nil)
        #expect(SupportLine.dialable("1+1") == nil)
        #expect(SupportLine.dialable("99") == nil)
        #expect(SupportLine.isOpenable("https://www.mind.org.uk/need-urgent-help/"))
        #expect(SupportLine.isOpenable("tel:+44 116 123"))
        #expect(!SupportLine.isOpenable("https://"))
        #expect(!SupportLine.isOpenable("https:///path"))
        #expect(!SupportLine.isOpenable("data:text/html,hi"))
        #expect(!SupportLine.isOpenable("https://a b.org"))
    }
}
