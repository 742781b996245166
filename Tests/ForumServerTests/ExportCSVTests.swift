import ForumExport
import Testing

/// CSV encoding: RFC 4180 quoting and spreadsheet formula defusing.
@Suite struct ExportCSVTests {
    @Test func quotesOnlyWhatNeedsQuoting() {
        let cases: [(String, String)] = [
            ("plain", "plain"),
            ("", ""),
            ("a, b", "\"a, b\""),
            ("say \"hi\"", "\"say \"\"hi\"\"\""),
            ("two\nlines", "\"two\nlines\""),
            ("carriage\rreturn", "\"carriage\nreturn\""),
            ("crlf\r\nline", "\"crlf\nline\""),
            ("Sam’s night", "Sam’s night"),
        ]
        for (text, expected) in cases {
            #expect(CSVWriter.encode(.text(text)) == expected, "\(text.debugDescription)")
        }
    }

    @Test func defusesFormulasInTextButNotInNumbers() {
        let cases: [(String, String)] = [
            ("=SUM(A1:A9)", "'=SUM(A1:A9)"),
            ("+44 20 7946 0000", "'+44 20 7946 0000"),
            ("-1", "'-1"),
            ("@cmd", "'@cmd"),
            ("\t=1", "' =1"),
            ("  -2", "'  -2"),
            ("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""),
            ("a=b", "a=b"),
            ("'quoted already", "'quoted already"),
        ]
        for (text, expected) in cases {
            #expect(CSVWriter.encode(.text(text)) == expected, "\(text.debugDescription)")
        }
        #expect(CSVWriter.encode(.number(-3)) == "-3")
        #expect(CSVWriter.encode(.empty) == "")
    }

    @Test func controlCharactersFromAStoryNeverReachTheFile() {
        let cases: [(String, String)] = [
            ("\u{1B}[2J\u{1B}[31mred alert", "[2J[31mred alert"),
            ("bell\u{07} and back\u{08}space", "bell and backspace"),
            ("C1\u{9B}31m csi", "C131m csi"),
            ("nul\u{00}byte, del\u{7F}", "\"nulbyte, del\""),
            ("tab\tstop", "tab stop"),
            ("\u{1B}=cmd", "'=cmd"),
            ("Arabic \u{0645}\u{0631}\u{062D}\u{0628}\u{0627}", "Arabic \u{0645}\u{0631}\u{062D}\u{0628}\u{0627}"),
        ]
        for (text, expected) in cases {
            #expect(CSVWriter.encode(.text(text)) == expected, "\(text.debugDescription)")
            #expect(!CSVWriter.encode(.text(text)).unicodeScalars.contains { $0.value == 0x1B })
        }
    }

    @Test func writesADocumentWithCRLFLinesAndAByteOrderMark() {
        let document = CSVWriter.document(
            header: ["option", "count", "note"],
            rows: [[.text("police"), .number(3), .empty], [.text("=1+1"), .number(0), .text("a, \"b\"")]])
        #expect(document == "\u{FEFF}option,count,note\r\npolice,3,\r\n'=1+1,0,\"a, \"\"b\"\"\"\r\n")
    }
}
