@testable import ClientGenCore
import Foundation
import Testing

/// Names that are hostile to Swift but valid OpenAPI: they must generate without a diagnostic, get deterministic
/// suffixes when they collide, and compile.
@Suite struct GenerationNamingTests {
    static let folder = ParserFixtures.fixtures

    static func generate(_ name: String) throws -> [String: String] {
        let generator = Generator(sourceProvider: FolderSourceProvider(base: folder))
        let path = "Generation/\(name).yaml"
        let bytes = Array(try Data(contentsOf: folder.appendingPathComponent(path)))
        let result = generator.generate(file: path, bytes: bytes, options: GenerationOptions(moduleName: "M", specName: "\(name).yaml"))
        #expect(result.diagnostics.map(\.description) == [])
        let files = try #require(result.files)
        return Dictionary(uniqueKeysWithValues: files.map { ($0.name, $0.contents) })
    }

    static func expectContains(_ files: [String: String], _ snippets: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let all = files.keys.sorted().map { files[$0]! }.joined(separator: "\n")
        for snippet in snippets where !all.contains(snippet) {
            Issue.record("generated code lacks: \(snippet)", sourceLocation: sourceLocation)
        }
    }

    /// Schemas claim names in sorted order of their spec names (`UserProfile` < `user-profile` <
    /// `user_profile`), operations in order of name, path and method, members in the order they are written.
    @Test func namesCollidingAfterCaseConversionGetDeterministicSuffixes() throws {
        let files = try Self.generate("name-collisions")
        Self.expectContains(files, [
            "public nonisolated struct UserProfile: ",
            "public typealias UserProfile2 = String",
            "public nonisolated struct UserProfile3: ",
            "public func getUser() async throws(ClientError) -> UserProfile3 {",
            "public func getUser2(\n        id: String,\n        pageSize: Int? = nil,\n        pageSize2: Int? = nil,\n        pageSize3: Int? = nil\n    ) async throws(ClientError) -> UserProfile {",
            "request.query(\"page-size\", pageSize)",
            "request.query(\"page_size\", pageSize2)",
            "request.header(\"pageSize\", pageSize3)",
            "public func getUser3(id: String) async throws(ClientError) -> UserProfile2 {",
            "case firstName = \"first_name\"",
            "firstName2 = \"firstName\"",
            "firstName3 = \"FirstName\"",
            "case \"a-b\": self = .aB",
            "case \"a_b\": self = .aB2",
            "case \"A B\": self = .aB3",
            "case \"aB\": self = .aB4",
        ])
        #expect(try Self.generate("name-collisions") == files)
    }

    @Test func swiftKeywordsAreBacktickedOrRenamed() throws {
        let files = try Self.generate("swift-keywords")
        Self.expectContains(files, [
            // Types: reserved names get a Model suffix.
            "public nonisolated struct TypeModel: ", "public nonisolated enum Class: ", "public nonisolated struct ProtocolModel: ",
            "public nonisolated enum SelfModel: ", "public nonisolated enum AnyModel: ", "public typealias ErrorModel = String",
            "public nonisolated struct StringModel: ",
            // Properties and their coding keys.
            "public var `class`: String", "public var `default`: String?", "public var `init`: String",
            "public var `func`: Bool?", "public var `return`: String?", "public var `protocol`: String?",
            "public var `associatedtype`: String?", "public var `is`: String?", "public var `where`: SelfModel?",
            "public var type: String?", "public var underscore: String?",
            // `self` would shadow the instance in the memberwise initializer.
            "public var selfValue: Int?", "selfValue = \"self\"", "self.selfValue = selfValue",
            // Operations and parameters.
            "public func `import`(", "`in`: String", "`where`: String? = nil", "selfValue: String? = nil",
            "`default`: String? = nil", "public func `return`(`in`: String, body: Class? = nil) async throws(ClientError) -> ProtocolModel {",
            "public func `default`() async throws(ClientError) {",
            // Enum cases.
            "case \"case\": self = .`case`", "case \"default\": self = .`default`", "case \"true\": self = .`true`",
            "case \"nil\": self = .`nil`", "case \"Type\": self = .type", "case \"_\": self = .underscore",
        ])
    }

    @Test func namesMadeOfDigitsEmojiAndPunctuation() throws {
        let files = try Self.generate("symbol-names")
        Self.expectContains(files, [
            // A type starting with a digit is not spelled like a member, which would shadow it.
            "public nonisolated struct Model123: ",
            "public func value(value: String, dollarDollarDollar: String? = nil, _123: String? = nil) async throws(ClientError) -> Model123 {",
            "public func notNotNot() async throws(ClientError) -> Value2 {",
            "case _123 = \"123\"", "plus1 = \"+1\"", "minus1 = \"-1\"", "dotDotDot = \"...\"",
            "id = \"@id\"", "case hash = \"#\"", "value = \"🎉\"", "value2 = \"\"",
            "case \"+\": self = .plus", "case \"-\": self = .minus", "case \"😀\": self = .value",
            "case \"😡\": self = .value2", "case \"\": self = .empty", "case \"   \": self = .spaceSpaceSpace",
            "case -1: self = .minus1", "case 0: self = ._0",
        ])
    }

    /// The module the generated files build against, beside the `clientgen` the tests run.
    static let modules = URL(fileURLWithPath: ChildProcess.clientgen).deletingLastPathComponent().appendingPathComponent("Modules")
    static var canTypeCheck: Bool {
        FileManager.default.fileExists(atPath: modules.appendingPathComponent("ClientRuntime.swiftmodule").path)
    }

    /// Type-checks the generated module with warnings as errors against the built ClientRuntime.
    @Test(.enabled(if: canTypeCheck, "ClientRuntime.swiftmodule is not built beside clientgen"),
          arguments: ["name-collisions", "swift-keywords", "symbol-names"])
    func generatedCodeTypeChecks(_ name: String) async throws {
        let files = try Self.generate(name)
        let folder = try temporaryFolder("typecheck")
        defer { try? FileManager.default.removeItem(at: folder) }
        for (file, contents) in files {
            try contents.write(to: folder.appendingPathComponent(file), atomically: true, encoding: .utf8)
        }
        let outcome = try await ChildProcess.run(
            "swiftc",
            ["-typecheck", "-swift-version", "6", "-warnings-as-errors", "-module-name", "M", "-I", Self.modules.path] + files.keys.sorted(),
            in: folder, timeout: .seconds(300)
        )
        #expect(outcome.status == 0, "\(outcome.stderr)")
    }
}
