import ForumQR
import Testing

@Suite("QR code: the SVG renderer")
struct QRSVGTests {
    @Test func aSmallMatrixRendersToExactlyThisSVG() {
        let matrix = QRMatrix(rows: [
            [true, true, false],
            [false, false, false],
            [true, false, true],
        ])
        let svg = QRSVG.render(matrix, title: "http://a/?x=1&y=<2>")
        #expect(
            svg == """
                <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 11 11" shape-rendering="crispEdges" \
                role="img"><title>http://a/?x=1&amp;y=&lt;2&gt;</title>\
                <rect width="11" height="11" fill="#fff"/>\
                <path fill="#000" d="M4 4h2v1h-2zM4 6h1v1h-1zM6 6h1v1h-1z"/></svg>

                """)
    }

    @Test func aRunReachingTheRightEdgeEndsThere() {
        let matrix = QRMatrix(rows: [[false, true], [true, true]])
        let svg = QRSVG.render(matrix, title: "t")
        #expect(svg.contains(#"d="M5 4h1v1h-1zM4 5h2v1h-2z""#))
    }

    @Test func aLightMatrixHasAnEmptyPath() {
        let svg = QRSVG.render(QRMatrix(rows: [[false]]), title: "t")
        #expect(svg.contains(#"viewBox="0 0 9 9""#))
        #expect(svg.contains(##"<path fill="#000" d=""/>"##))
    }

    @Test func quotesAreEscapedToo() {
        let svg = QRSVG.render(QRMatrix(rows: [[true]]), title: #"say "hi" it's"#)
        #expect(svg.contains("<title>say &quot;hi&quot; it&apos;s</title>"))
    }
}
