// swift-tools-version:6.0
import PackageDescription

// Toolchain only: no package dependencies (see the design card in README.md).
let package = Package(
    name: "ClaimKit",
    products: [
        .library(name: "ClaimKit", targets: ["ClaimKit"]),
        .library(name: "ClaimKitTesting", targets: ["ClaimKitTesting"]),
        .executable(name: "claimcheck", targets: ["claimcheck"]),
        .executable(name: "claimcheck-bench", targets: ["claimcheck-bench"]),
    ],
    targets: [
        .target(name: "ClaimKit"),
        .target(name: "ClaimCheckCLI", dependencies: ["ClaimKit"]),
        // Golden tests with Swift Testing (imports the toolchain's Testing module).
        .target(name: "ClaimKitTesting", dependencies: ["ClaimKit"]),
        .executableTarget(name: "claimcheck", dependencies: ["ClaimCheckCLI"]),
        // The benchmark (docs/PERFORMANCE.md): `swift run -c release claimcheck-bench`.
        .executableTarget(name: "claimcheck-bench", dependencies: ["ClaimKit"]),
        .testTarget(name: "ClaimKitTests", dependencies: ["ClaimKit", "ClaimCheckCLI", "ClaimKitTesting"]),
        // Test helper: loops writing fixtures until killed (FixtureWriterTests).
        .executableTarget(name: "FixtureWriteLoop", dependencies: ["ClaimKit"], path: "Tests/FixtureWriteLoop"),
    ]
)
