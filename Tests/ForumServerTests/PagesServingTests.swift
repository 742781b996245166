import Foundation
import Testing

@Suite("Server: the pages, gzipped for clients that accept it")
struct PagesServingTests {
    /// Request path, file, MIME type.
    static let pages: [(String, String, String)] = [
        ("/", "index.html", "text/html"), ("/app.js", "app.js", "text/javascript"),
        ("/style.css", "style.css", "text/css"), ("/screen/", "screen.html", "text/html"),
    ]

    @Test func withoutAcceptEncodingThePagesArePlain() throws {
        let harness = try PagesHarness()
        let client = try harness.client()
        for (path, file, type) in Self.pages {
            let response = try #require(try client.get(path))
            #expect(response.status == 200, "\(path)")
            #expect(response.headers["content-encoding"] == nil, "\(path)")
            #expect(response.headers["content-type"] == type, "\(path)")
            #expect(response.headers["vary"] == "Accept-Encoding", "\(path)")
            #expect(response.body == (try harness.file(file)), "\(path)")
        }
    }

    @Test func withAcceptEncodingGzipThePagesAreGzipped() throws {
        let harness = try PagesHarness()
        let client = try harness.client()
        for (path, file, type) in Self.pages {
            let response = try #require(try client.get(path, headers: ["Accept-Encoding": "gzip, deflate, br"]))
            let original = try harness.file(file)
            #expect(response.status == 200, "\(path)")
            #expect(response.headers["content-encoding"] == "gzip", "\(path)")
            #expect(response.headers["content-type"] == type, "\(path)")
            #expect(response.headers["vary"] == "Accept-Encoding", "\(path)")
            #expect(response.body.count < original.count, "\(path)")
            #expect(gunzip(response.body) == original, "\(path)")
        }
    }

    @Test func aKeptAliveConnectionGetsEachRequestsOwnFile() throws {
        let harness = try PagesHarness()
        let client = try harness.client()
        let requests: [(String, String, String, Bool)] = [
            ("/", "index.html", "text/html", true), ("/style.css", "style.css", "text/css", true),
            ("/app.js", "app.js", "text/javascript", false), ("/screen/", "screen.html", "text/html", true),
            ("/favicon.svg", "favicon.svg", "image/svg+xml", false),
        ]
        for (path, file, type, gzip) in requests {
            let response = try #require(
                try client.get(path, headers: gzip ? ["Accept-Encoding": "gzip"] : [:]),
                "the connection was closed before \(path)")
            #expect(response.headers["content-type"] == type, "\(path)")
            let body = gzip ? gunzip(response.body) : response.body
            #expect(body == (try harness.file(file)), "\(path)")
        }
    }

    @Test func screenIsRedirectedToItsFolder() throws {
        // lws sends a mountpoint without its final slash to the slash (server.c:1329), so
        // that the page's relative links resolve inside the mount. It answers that before it
        // has read the HTTP version: an HTTP/1.0 answer, and the connection is closed.
        let harness = try PagesHarness()
        let redirect = try #require(try harness.client().get("/screen", headers: ["Accept-Encoding": "gzip"]))
        #expect(redirect.status == 301)
        #expect(redirect.headers["location"] == "http://127.0.0.1/screen/")
        let page = try #require(try harness.client().get("/screen/", headers: ["Accept-Encoding": "gzip"]))
        #expect(page.headers["content-encoding"] == "gzip")
        #expect(gunzip(page.body) == (try harness.file("screen.html")))
    }

    @Test func theSecurityAndCacheHeadersStay() throws {
        let harness = try PagesHarness()
        let client = try harness.client()
        for headers in [[:], ["Accept-Encoding": "gzip"]] {
            let response = try #require(try client.get("/app.js", headers: headers))
            #expect(response.headers["content-security-policy"]?.contains("script-src 'self'") == true)
            #expect(response.headers["x-content-type-options"] == "nosniff")
            #expect(response.headers["cache-control"] == "must-revalidate, private, max-age=60")
            let etag = try #require(response.headers["etag"])
            var revalidate = headers
            revalidate["If-None-Match"] = etag
            let again = try #require(try client.get("/app.js", headers: revalidate))
            #expect(again.status == 304)
            #expect(again.body.isEmpty)
        }
    }

    @Test func theTwoEncodingsHaveDifferentETags() throws {
        let harness = try PagesHarness()
        let client = try harness.client()
        let plain = try #require(try client.get("/style.css"))
        let gzipped = try #require(try client.get("/style.css", headers: ["Accept-Encoding": "gzip"]))
        #expect(plain.headers["etag"] != nil)
        #expect(plain.headers["etag"] != gzipped.headers["etag"])
        // A plain copy's ETag does not make the gzip one "not modified".
        let mixed = try #require(
            try client.get("/style.css", headers: ["Accept-Encoding": "gzip", "If-None-Match": plain.headers["etag"]!]))
        #expect(mixed.status == 200)
        #expect(gunzip(mixed.body) == plain.body)
    }

    @Test func aPageChangedWhileServingIsSentAsItNowIs() throws {
        let harness = try PagesHarness()
        let changed = "/* changed while serving */\n" + String(decoding: try harness.file("style.css"), as: UTF8.self)
        try changed.write(to: harness.web.appendingPathComponent("style.css"), atomically: true, encoding: .utf8)
        let response = try #require(try harness.client().get("/style.css", headers: ["Accept-Encoding": "gzip"]))
        #expect(response.headers["content-encoding"] == nil)
        #expect(response.text == changed)
    }

    @Test func aMissingFileIs404AndTheConnectionGoesOn() throws {
        let harness = try PagesHarness()
        let client = try harness.client()
        for headers in [[:], ["Accept-Encoding": "gzip"]] {
            let missing = try #require(try client.get("/no-such-page.js", headers: headers))
            #expect(missing.status == 404)
        }
        let next = try #require(try client.get("/style.css"))
        #expect(next.status == 200)
        #expect(next.body == (try harness.file("style.css")))
    }

    @Test func nothingOutsideThePagesFolderIsServed() throws {
        let harness = try PagesHarness()
        for target in [
            "/../secret.txt", "/%2e%2e/secret.txt", "/screen/../../secret.txt", "/..%2fsecret.txt",
            "/./../secret.txt", "//../secret.txt",
        ] {
            for headers in [[:], ["Accept-Encoding": "gzip"]] {
                // lws resolves `..` in the path, never above `/` (parsers.c:763-906): all of
                // these ask for `/secret.txt` inside web/, which is not there.
                let response = try #require(try harness.client().get(target, headers: headers), "\(target)")
                #expect(!response.text.contains(PagesHarness.secret), "\(target)")
                #expect(response.status == 404, "\(target)")
            }
        }
    }
}
