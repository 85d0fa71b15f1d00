// swift-tools-version: 6.2
// The benchmarks against apple/swift-openapi-generator. A package of its own, so that ClientGen itself never
// depends on the peer: `Benchmarks/run` builds both tools from here and measures them side by side.
import PackageDescription

/// SwiftPM names a path dependency after its folder, and the clone may have any name.
let clientGen = Context.packageDirectory.split(separator: "/").dropLast().last.map(String.init) ?? "ClientGen"

let package = Package(
    name: "ClientGenBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/apple/swift-openapi-generator", exact: "1.14.3"),
        .package(url: "https://github.com/apple/swift-openapi-runtime", exact: "1.13.4"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
    ],
    targets: [
        /// ClientGen's libyaml loader against Yams on one file, in one process.
        .executableTarget(
            name: "yaml-bench",
            dependencies: [
                .product(name: "ClientGenCore", package: clientGen),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        /// Streamed bodies over loopback: rows of large results, a large multipart upload, many server-sent events.
        .executableTarget(
            name: "stream-bench",
            dependencies: [
                .product(name: "Dune", package: clientGen),
                .product(name: "ClientRuntime", package: clientGen),
            ]
        ),
        /// Waits and timeouts on the real clock against Benchmarks/timing-server.py: Retry-After asked vs waited,
        /// timeouts asked vs when the call ended, cancellation latency, poll spacing against the schedule.
        .executableTarget(
            name: "timing-bench",
            dependencies: [.product(name: "ClientRuntime", package: clientGen)]
        ),
        /// Decoding a large Dune results body with the generated client's types and coder, or with plain
        /// JSONDecoder into hand-written structs; one mode per process so that peak RSS is per decoder.
        .executableTarget(
            name: "dune-bench",
            dependencies: [
                .product(name: "Dune", package: clientGen),
                .product(name: "ClientRuntime", package: clientGen),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
