// swift-tools-version: 6.2
import Foundation
import PackageDescription

/// SwiftPM names a package added by path after its folder: `../..` is ClientGen's clone, whatever it is called.
let clientGen = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardizedFileURL.lastPathComponent

let package = Package(
    name: "PluginDemo",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: "../.."),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        /// Holds `openapi.yaml` and `clientgen.yaml`; ClientGenPlugin generates the client into it at build time.
        .executableTarget(
            name: "PluginDemo",
            dependencies: [
                .product(name: "ClientRuntime", package: clientGen),
                .product(name: "FlyingFox", package: "FlyingFox"),
            ],
            plugins: [.plugin(name: "ClientGenPlugin", package: clientGen)]
        ),
    ],
    swiftLanguageModes: [.v6]
)
