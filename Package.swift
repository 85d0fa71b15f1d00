// swift-tools-version: 6.2
import PackageDescription

/// The clients generated from `Specs/` by `swift run clientgen generate` and committed, so apps that import
/// them need neither libyaml nor the generator.
let shippedClients = ["Allium", "Dune", "Polytomic", "RoeAI", "TriggerDev"]

/// Golden outputs of the fixture specs in `Tests/GoldenSpecs/`, compiled as modules of their own so that every
/// construct the generator emits is known to build without warnings, also under MainActor default isolation.
let goldenModules = [
    "GoldenAuth", "GoldenComposition", "GoldenContentTypes", "GoldenDefaults", "GoldenDictionaries", "GoldenEnums",
    "GoldenErrors", "GoldenFormats", "GoldenForms", "GoldenHelpers", "GoldenNaming", "GoldenNullability", "GoldenNullability30", "GoldenParameters",
    "GoldenRecursion", "GoldenStreaming", "GoldenSwagger2", "GoldenSwiftMeanings", "GoldenAlliumSeed", "GoldenTriggerSeed",
    "GoldenFlows", "GoldenResponses", "GoldenUnions",
]

let strictSettings: [SwiftSetting] = [.treatAllWarnings(as: .error)]

let package = Package(
    name: "ClientGen",
    platforms: [.macOS(.v13), .iOS(.v16), .tvOS(.v16), .watchOS(.v9)],
    products: [
        .executable(name: "clientgen", targets: ["clientgen"]),
        .library(name: "ClientGenCore", targets: ["ClientGenCore"]),
        .library(name: "ClientRuntime", targets: ["ClientRuntime"]),
    ] + shippedClients.map { .library(name: $0, targets: [$0]) },
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        /// The Mustache templates, compiled into the binary so `clientgen` needs no resource files at run time.
        .target(
            name: "ClientGenTemplates",
            path: "Templates",
            exclude: ["KEYS.md"],
            resources: ["alias", "client", "enum", "flow", "form", "header", "operations", "output", "struct", "types", "union"].map {
                .embedInCode("\($0).mustache")
            }
        ),
        .target(
            name: "ClientGenCore",
            dependencies: [
                "CLibYAML",
                "ClientGenTemplates",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .executableTarget(
            name: "clientgen",
            dependencies: [
                "ClientGenCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        /// libFuzzer target over the pipeline; not a product. `Scripts/fuzz` builds it with the sanitizers, a plain
        /// build makes an executable that replays the inputs given as arguments.
        .executableTarget(name: "ClientGenFuzzer", dependencies: ["ClientGenCore"]),
        .target(name: "ClientRuntime"),
    ] + shippedClients.map {
        .target(name: $0, dependencies: ["ClientRuntime"], swiftSettings: strictSettings)
    } + goldenModules.map {
        .target(
            name: $0,
            dependencies: ["ClientRuntime"],
            path: "Tests/Goldens/\($0)",
            swiftSettings: strictSettings + [.defaultIsolation(MainActor.self)]
        )
    } + [
        .testTarget(
            name: "ClientGenCoreTests",
            // The CLI tests run the built `clientgen` as a subprocess; the documented-examples test links generated
            // clients against the ClientRuntime built beside it.
            dependencies: ["ClientGenCore", "clientgen", "ClientRuntime"],
            exclude: ["Fixtures", "Examples"]
        ),
        .testTarget(
            name: "GoldenDecodingTests",
            dependencies: ["ClientRuntime", "HTTPTestServer", "TestClocks"] + goldenModules.map { .target(name: $0) },
            /// Independent parsers the form tests hand their bodies to.
            exclude: ["Scripts"]
        ),
        /// A real HTTP server on 127.0.0.1 that records requests and plays scripted responses, for end-to-end tests.
        .target(
            name: "HTTPTestServer",
            dependencies: ["ClientRuntime", .product(name: "FlyingFox", package: "FlyingFox")],
            path: "Tests/HTTPTestServer"
        ),
        /// A clock that tests advance themselves, so a client's waits and timeouts are stated, not timed.
        .target(name: "TestClocks", path: "Tests/TestClocks"),
        .testTarget(
            name: "ClientRuntimeTests",
            dependencies: ["ClientRuntime", "HTTPTestServer", "TestClocks"]
        ),
        /// The shipped clients against their vendors' documented examples, over real HTTP.
        .testTarget(
            name: "ClientsEndToEndTests",
            dependencies: ["ClientRuntime", "HTTPTestServer", "TestClocks"] + shippedClients.map { .target(name: $0) },
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// Plugins: generate a client from a target's openapi.yaml at build time (ClientGenPlugin), or write clients into
// the package on request (`swift package --allow-writing-to-package-directory generate-clients`); and the DocC
// plugin, for `swift package generate-documentation --target ClientRuntime`.
package.dependencies.append(.package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"))
package.products += [
    .plugin(name: "ClientGenPlugin", targets: ["ClientGenPlugin"]),
    .plugin(name: "GenerateClientsPlugin", targets: ["GenerateClientsPlugin"]),
]
package.targets += [
    .plugin(name: "ClientGenPlugin", capability: .buildTool(), dependencies: ["clientgen"]),
    .plugin(
        name: "GenerateClientsPlugin",
        capability: .command(
            intent: .custom(verb: "generate-clients", description: "Regenerate the clients generated from OpenAPI specs into the package's sources"),
            permissions: [.writeToPackageDirectory(reason: "Writes the generated client sources into the package")]
        ),
        dependencies: ["clientgen"]
    ),
]
