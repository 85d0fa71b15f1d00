// swift-tools-version: 6.2
import PackageDescription

/// A runnable tour of a generated client: `swift run --package-path Examples/DuneQuickStart` from the repository root.
let package = Package(
    name: "DuneQuickStart",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "ClientGen", path: "../.."),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        .executableTarget(
            name: "DuneQuickStart",
            dependencies: [
                .product(name: "Dune", package: "ClientGen"),
                .product(name: "ClientRuntime", package: "ClientGen"),
                .product(name: "FlyingFox", package: "FlyingFox"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
