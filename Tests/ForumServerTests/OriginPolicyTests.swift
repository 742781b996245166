import Testing

@testable import ForumServer

/// Which pages may open the live WebSocket (no sockets: the rule alone).
@Suite struct OriginPolicyTests {
    let joins = ["http://192.168.1.20:8080/", "https://forum.example.org/"]

    @Test func toolsWithoutAnOriginAreLetIn() {
        #expect(OriginPolicy.allows(origin: nil, host: "127.0.0.1:8080", joinURLs: joins))
        #expect(OriginPolicy.allows(origin: "", host: nil, joinURLs: []))
    }

    @Test func forumsOwnPagesAreLetIn() {
        #expect(OriginPolicy.allows(origin: "http://192.168.1.20:8080", host: "192.168.1.20:8080", joinURLs: []))
        #expect(OriginPolicy.allows(origin: "http://FORUM.local:8080", host: "forum.local:8080", joinURLs: []))
        #expect(OriginPolicy.allows(origin: "http://[::1]:9000", host: "[::1]:9000", joinURLs: []))
        #expect(OriginPolicy.allows(origin: "https://forum.example.org", host: "forum.example.org", joinURLs: []))
        // Behind a proxy that rewrites Host: the join address names the public origin.
        #expect(OriginPolicy.allows(origin: "https://forum.example.org", host: "127.0.0.1:8080", joinURLs: joins))
    }

    @Test func otherSitesAreRefused() {
        #expect(!OriginPolicy.allows(origin: "http://evil.example", host: "192.168.1.20:8080", joinURLs: joins))
        #expect(!OriginPolicy.allows(origin: "http://192.168.1.20:8081", host: "192.168.1.20:8080", joinURLs: []))
        #expect(!OriginPolicy.allows(origin: "null", host: "192.168.1.20:8080", joinURLs: joins))
        #expect(
            !OriginPolicy.allows(
                origin: "http://192.168.1.20.evil.example:8080", host: "192.168.1.20:8080",
                joinURLs: joins))
    }
}
