// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Briefing",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "briefing", targets: ["BriefingCLI"]),
        .library(name: "BriefingCore", targets: ["BriefingCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.0"),
    ],
    targets: [
        // Debian's libcmark-dev, found through pkg-config.
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // Debian's libyaml-dev: the YAML parser, read event by event.
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        // Debian's libjemalloc-dev: the allocator of the `briefing` program (not of the tests).
        .systemLibrary(
            name: "CJemalloc",
            pkgConfig: "jemalloc",
            providers: [.apt(["libjemalloc-dev"])]
        ),
        .target(
            name: "BriefingCore",
            dependencies: ["CCmark", "CYAML"],
            // What `briefing init` writes and the script that makes StarterFiles.swift of it: not sources.
            exclude: ["Scaffold/Starter"]
        ),
        // The preview server: HTTP, file watching and browser reload for `briefing serve`.
        .target(
            name: "BriefingServe",
            dependencies: [
                "BriefingCore",
                .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "FlyingSocks", package: "FlyingFox"),
            ]
        ),
        .executableTarget(
            name: "BriefingCLI",
            dependencies: [
                "BriefingCore",
                "BriefingServe",
                "CJemalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "BriefingCoreTests",
            // swift-mustache is the oracle our own Mustache engine is tested against.
            dependencies: ["BriefingCore", .product(name: "Mustache", package: "swift-mustache")],
            // Golden pages are read from the checkout (so BRIEFING_UPDATE_GOLDEN=1 can rewrite them).
            exclude: ["Golden"],
            // The official Mustache spec's tests (MIT, its LICENSE beside them).
            resources: [.copy("MustacheSpec")]
        ),
        .testTarget(
            name: "BriefingServeTests",
            dependencies: ["BriefingServe", "BriefingCore"]
        ),
        .testTarget(
            name: "BriefingCLITests",
            dependencies: ["BriefingCore"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
