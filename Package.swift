// swift-tools-version: 6.2
import PackageDescription

/// Settings every target shares: Swift 6 language mode is the tools-version default;
/// `ExistentialAny` makes `any Database` explicit, as the Vapor template does.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
]

let package = Package(
    name: "partrack",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "partrack-server", targets: ["partrack-server"]),
        .executable(name: "partrack", targets: ["partrack"]),
        .executable(name: "partrack-bench", targets: ["partrack-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/vapor/leaf.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/leaf-kit.git", from: "1.14.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
    ],
    targets: [
        // Rules of the domain: catalogs, calendar, deadlines, plan parsing, projection.
        // Foundation only, so its tests run in milliseconds and the CLI can share it.
        .target(name: "PartrackDomain", swiftSettings: swiftSettings),

        // File formats around the domain: YAML catalogs and demo data, .docx and .xlsx.
        .target(
            name: "PartrackFiles",
            dependencies: [
                "PartrackDomain",
                .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: swiftSettings
        ),

        // JSON wire types of /api/v1, shared by the server and the CLI. Foundation only; the
        // domain's own Codable results (projection, compliance) are part of the wire form.
        .target(name: "PartrackAPI", dependencies: ["PartrackDomain"], swiftSettings: swiftSettings),

        // The Vapor application: storage, routes, pages.
        .target(
            name: "PartrackServer",
            dependencies: [
                "PartrackDomain", "PartrackFiles", "PartrackAPI",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Leaf", package: "leaf"),
                .product(name: "LeafKit", package: "leaf-kit"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "partrack-server",
            dependencies: ["PartrackServer"],
            swiftSettings: swiftSettings
        ),

        // The command-line client: a library so tests run commands in-process, and a thin main.
        .target(
            name: "PartrackCLI",
            dependencies: [
                "PartrackDomain", "PartrackAPI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            path: "cli/PartrackCLI",
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "partrack",
            dependencies: ["PartrackCLI"],
            path: "cli/partrack",
            swiftSettings: swiftSettings
        ),

        // Benchmarks print figures; targets live there, never in timed unit tests.
        .executableTarget(
            name: "partrack-bench",
            dependencies: [
                "PartrackDomain", "PartrackFiles", "PartrackAPI",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            path: "bench/partrack-bench",
            swiftSettings: swiftSettings
        ),

        .testTarget(
            name: "PartrackDomainTests",
            dependencies: ["PartrackDomain"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PartrackFilesTests",
            dependencies: ["PartrackFiles"],
            swiftSettings: swiftSettings
        ),
        // What the server's and the CLI's tests share: scratch databases cloned from migrated
        // templates (SQLite, and PostgreSQL when configured), a live server on a free port,
        // sign-in, a movable clock. Test targets cannot import each other, so it is a library
        // that only test targets depend on.
        .target(
            name: "PartrackTestSupport",
            dependencies: [
                "PartrackServer",
                .product(name: "VaporTesting", package: "vapor"),
            ],
            path: "Tests/Support",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PartrackServerTests",
            dependencies: [
                "PartrackServer", "PartrackTestSupport",
                .product(name: "VaporTesting", package: "vapor"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "PartrackCLITests",
            dependencies: [
                "PartrackCLI", "PartrackServer", "PartrackTestSupport",
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
