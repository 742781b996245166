// swift-tools-version:6.2
import PackageDescription

/// Settings for the project's own targets: Swift 6 mode comes from the tools version;
/// every warning is an error, dangling temporary pointers above all (lws keeps pointers).
let strict: [SwiftSetting] = [.treatAllWarnings(as: .error)]

let package = Package(
    name: "Forum",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "forum", targets: ["forum"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibWebSockets",
            pkgConfig: "libwebsockets",
            providers: [.apt(["libwebsockets-dev"])]
        ),
        .systemLibrary(name: "COpenSSL", pkgConfig: "openssl", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CQREncode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CGraphviz", pkgConfig: "libgvc", providers: [.apt(["libgraphviz-dev"])]),
        .systemLibrary(name: "CNats", pkgConfig: "libnats", providers: [.apt(["libnats-dev"])]),
        .target(
            name: "ForumNats",
            dependencies: ["CNats", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strict
        ),
        .target(name: "ForumStoryMap", dependencies: ["ForumCore", "CGraphviz"], swiftSettings: strict),
        .target(
            name: "ForumCore",
            dependencies: [.product(name: "Yams", package: "Yams")],
            swiftSettings: strict
        ),
        .target(
            name: "ForumSession",
            dependencies: [
                "ForumCore", "COpenSSL", .product(name: "Logging", package: "swift-log"),
                .product(name: "DequeModule", package: "swift-collections"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "ForumStore",
            dependencies: ["ForumCore", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict
        ),
        .target(name: "ForumStudio", dependencies: ["ForumCore"], swiftSettings: strict),
        .target(
            name: "ForumStudioStore",
            dependencies: ["ForumCore", "ForumStudio", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict
        ),
        .target(
            name: "ForumStudioService",
            dependencies: ["ForumCore", "ForumStudio", "ForumStudioStore", "ForumStoryMap"],
            swiftSettings: strict
        ),
        .target(name: "ForumQR", dependencies: ["CQREncode"], swiftSettings: strict),
        .target(
            name: "ForumServer",
            dependencies: [
                "ForumCore", "ForumSession", "ForumStore", "CLibWebSockets", "COpenSSL", "ForumQR", "CZlib",
                "ForumStudio", "ForumNats",
                "ForumStudioService",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "DequeModule", package: "swift-collections"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "ForumClient",
            dependencies: ["ForumCore", "CLibWebSockets", "COpenSSL"],
            swiftSettings: strict
        ),
        .target(
            name: "ForumConsole",
            dependencies: ["ForumCore", "ForumClient"],
            swiftSettings: strict
        ),
        .target(
            name: "ForumExport",
            dependencies: ["ForumCore", "ForumStore"],
            swiftSettings: strict
        ),
        .target(
            name: "ForumReport",
            dependencies: ["ForumCore", "ForumStore", "ForumExport", "ForumStoryMap"],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "forum",
            dependencies: [
                "ForumCore", "ForumSession", "ForumStore", "ForumServer", "ForumClient", "ForumConsole", "ForumExport",
                "ForumReport", "ForumStudioStore", "ForumStudioService", "ForumNats",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "forum-fuzz",
            dependencies: ["ForumCore"],
            swiftSettings: strict
        ),
        .systemLibrary(name: "CEpoll"),
        .executableTarget(
            name: "forum-bench",
            dependencies: [
                "ForumCore", "ForumClient", "CEpoll",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ForumCoreTests",
            dependencies: ["ForumCore", .product(name: "PropertyBased", package: "swift-property-based")],
            exclude: ["Golden"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ForumSessionTests",
            dependencies: ["ForumSession", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strict
        ),
        .testTarget(name: "ForumConsoleTests", dependencies: ["ForumConsole"], swiftSettings: strict),
        .testTarget(
            name: "ForumTwineTests",
            dependencies: ["ForumCore", .product(name: "PropertyBased", package: "swift-property-based")],
            resources: [.copy("Fixtures")],
            swiftSettings: strict
        ),
        .testTarget(name: "ForumQRTests", dependencies: ["ForumQR"], swiftSettings: strict),
        .testTarget(name: "ForumNatsTests", dependencies: ["ForumNats"], swiftSettings: strict),
        .testTarget(
            name: "ForumReportTests",
            dependencies: ["ForumCore", "ForumStore", "ForumReport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ForumStudioTests",
            dependencies: ["ForumCore", "ForumStudio", "ForumStudioStore", "ForumStudioService", "ForumStoryMap"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ForumServerTests",
            dependencies: [
                "ForumCore", "ForumStore", "ForumServer", "ForumClient", "ForumExport", "ForumQR", "CZlib",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ForumCLITests",
            dependencies: ["ForumCore"],
            resources: [.copy("Fixtures")],
            swiftSettings: strict
        ),
    ]
)
