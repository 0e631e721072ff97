// swift-tools-version:6.0
// libFuzzer targets for Briefing; built only by run.sh (they need -sanitize=fuzzer), never by
// the repository's own `swift build`.
import PackageDescription

let package = Package(
    name: "BriefingFuzz",
    dependencies: [.package(name: "Briefing", path: "../..")],
    targets: [
        .target(name: "FuzzerDriver"),
        .executableTarget(
            name: "FuzzBriefing",
            dependencies: ["FuzzerDriver", .product(name: "BriefingCore", package: "Briefing")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
