// swift-tools-version:6.1
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
]

let package = Package(
    name: "samad",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "samad", targets: ["samad"]),
        .executable(name: "samad-load", targets: ["samad-load"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-openapi-hummingbird.git", from: "2.1.0"),
        .package(url: "https://github.com/apple/swift-openapi-generator.git", from: "1.14.3"),
        .package(url: "https://github.com/apple/swift-openapi-runtime.git", from: "1.13.4"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.17.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift.git", from: "0.2.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.81.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        .package(url: "https://github.com/yaslab/CSV.swift.git", from: "2.5.2"),
    ],
    targets: [
        .target(
            name: "PersianKit",
            resources: [.process("Resources")],
            swiftSettings: strict
        ),
        .target(
            name: "Domain",
            dependencies: ["PersianKit"],
            swiftSettings: strict
        ),
        .target(
            name: "Storage",
            dependencies: [
                "Domain", "PersianKit",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "Workflow",
            dependencies: [
                "Domain", "Storage", "PersianKit",
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "HummingbirdOTP", package: "hummingbird-auth"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "HTTPAPI",
            dependencies: [
                "Domain", "Storage", "PersianKit", "Workflow",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "OpenAPIHummingbird", package: "swift-openapi-hummingbird"),
            ],
            resources: [.copy("openapi.yaml")],
            swiftSettings: strict,
            plugins: [.plugin(name: "OpenAPIGenerator", package: "swift-openapi-generator")]
        ),
        .target(
            name: "WebUI",
            dependencies: [
                "Domain", "Storage", "PersianKit", "Workflow",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "CSV", package: "CSV.swift"),
            ],
            resources: [.copy("templates"), .copy("static")],
            swiftSettings: strict
        ),
        .target(
            name: "Workers",
            dependencies: [
                "Domain", "Storage",
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "AppBootstrap",
            dependencies: [
                "Domain", "Storage", "Workflow", "HTTPAPI", "WebUI", "Workers", "PersianKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        // The demo and the bulk generator: phrase banks, demo agencies, staff and cases, and the bulk
        // writers of `samad generate`. Only the CLI, the load tool and the tests use it.
        .target(
            name: "DemoData",
            dependencies: [
                "AppBootstrap", "Domain", "Storage", "Workflow", "PersianKit",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "samad",
            dependencies: [
                "AppBootstrap", "DemoData", "Domain", "Storage", "Workers", "Workflow",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "HummingbirdOTP", package: "hummingbird-auth"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "TestSupport",
            dependencies: [
                "AppBootstrap", "DemoData", "Storage", "Domain", "Workers", "Workflow",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "samad-load",
            dependencies: [
                "DemoData", "Domain", "PersianKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Histogram", package: "hdrhistogram-swift"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
            ],
            path: "Benchmarks/LoadTool",
            swiftSettings: strict
        ),
        .testTarget(name: "PersianKitTests", dependencies: ["PersianKit"], resources: [.copy("Fixtures")], swiftSettings: strict),
        .testTarget(
            name: "DomainTests", dependencies: ["Domain", .product(name: "PropertyBased", package: "swift-property-based")],
            swiftSettings: strict),
        .testTarget(name: "StorageTests", dependencies: ["Storage", "TestSupport"], swiftSettings: strict),
        .testTarget(
            name: "HTTPAPITests",
            dependencies: [
                "HTTPAPI", "Workflow", "TestSupport", .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "PropertyBased", package: "swift-property-based"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            swiftSettings: strict),
        .testTarget(name: "WebUITests", dependencies: ["WebUI", "Workflow", "TestSupport", "DemoData", .product(name: "CSV", package: "CSV.swift")], resources: [.copy("Snapshots")], swiftSettings: strict),
        .testTarget(name: "WorkersTests", dependencies: ["Workers", "Workflow", "TestSupport", .product(name: "HummingbirdTesting", package: "hummingbird")], swiftSettings: strict),
        .testTarget(name: "AppBootstrapTests", dependencies: ["AppBootstrap", "DemoData", "TestSupport", "samad", .product(name: "AsyncHTTPClient", package: "async-http-client")], swiftSettings: strict),
    ]
)
