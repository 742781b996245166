import ForumQR
import Testing

@Suite("QR code: encoding with libqrencode")
struct QREncoderTests {
    @Test func aJoinURLNeedsVersion2() throws {
        // 25 bytes: version 1 holds 14 bytes at level M, version 2 holds 26.
        let code = try #require(QREncoder.encode("http://192.168.1.20:8080/"))
        #expect(code.version == 2)
        #expect(code.matrix.size == 25)
        #expect(code.matrix.modules.count == 625)
    }

    @Test func aLongerURLNeedsALargerSymbol() throws {
        let code = try #require(QREncoder.encode("http://192.168.100.200:65535/screen?from=the-venue-poster"))
        #expect(code.version > 2)
        #expect(code.matrix.size == 17 + 4 * code.version)
    }

    @Test func theFinderPatternsAreInTheCorners() throws {
        let matrix = try #require(QREncoder.encode("http://192.168.1.20:8080/")).matrix
        let last = matrix.size - 1
        for (x, y) in [(0, 0), (last, 0), (0, last)] {
            #expect(matrix[x, y], "corner (\(x), \(y)) of a finder pattern is dark")
        }
        // The finder's light ring, one module in from the corner.
        #expect(!matrix[1, 1])
        #expect(matrix[2, 2])
    }

    @Test func nothingOrTooMuchCannotBeEncoded() {
        #expect(QREncoder.encode("") == nil)
        #expect(QREncoder.encode(String(repeating: "x", count: 3000)) == nil)
    }
}
