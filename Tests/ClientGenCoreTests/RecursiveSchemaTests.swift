@testable import ClientGenCore
import Foundation
import Testing

/// Schemas that reach themselves through an inline part once recursed through `SchemaTranslator.structure`,
/// `usage(of:suggestedName:)` and `declare` until the stack ran out (AWS specs write every documented property
/// as `allOf: [{$ref: …}, {description: …}]`, some of them on their own schema). Each shape in
/// `Fixtures/Recursion/` must now generate, and the generated module must type-check without warnings, the
/// self-reference held in an `Indirect` box.
@Suite struct RecursiveSchemaTests {
    static let folder = ParserFixtures.fixtures.appendingPathComponent("Recursion")
    static let shapes = ParserFixtures.files(under: folder, relativeTo: folder).filter { $0.hasSuffix(".yaml") }

    static func generate(_ name: String) async throws -> [String: String] {
        let bytes = Array(try Data(contentsOf: folder.appendingPathComponent(name)))
        // On a thread with the stack the CLI has: the failure this guards against is a stack overflow.
        let result = try await offPool {
            Generator(sourceProvider: InMemorySourceProvider()).generate(file: name, bytes: bytes, options: GenerationOptions(moduleName: "M", specName: name))
        }
        #expect(result.diagnostics.map(\.description) == [])
        let files = try #require(result.files)
        return Dictionary(uniqueKeysWithValues: files.map { ($0.name, $0.contents) })
    }

    static func declaredTypes(_ files: [String: String]) -> [String] {
        files.filter { $0.key.hasSuffix(".Types.swift") }.values.flatMap { $0.split(separator: "\n") }.compactMap { line -> String? in
            guard let range = line.range(of: #"(struct|enum) [A-Za-z0-9_]+"#, options: .regularExpression) else { return nil }
            return String(line[range].split(separator: " ")[1])
        }.sorted()
    }

    @Test func thereIsAFixtureForEveryShape() {
        #expect(Self.shapes == [
            "many-self-extensions.yaml", "mutual-inline-extensions.yaml", "self-allof-description.yaml", "self-allof-extension.yaml",
            "self-through-additional-properties.yaml", "self-through-items.yaml", "self-through-one-of-and-any-of.yaml",
        ])
    }

    /// The AWS shape: the part beside the reference only documents the property, so the property is the
    /// referenced type itself, boxed, with the part's description.
    @Test func annotatedSelfReferenceIsTheSchemaItself() async throws {
        let files = try await Self.generate("self-allof-description.yaml")
        #expect(Self.declaredTypes(files) == ["CodingKeys", "Folder"])
        GenerationNamingTests.expectContains(files, [
            "    /// The folder this one is in.\n    public var parent: Folder? {\n        get { _parent.wrappedValue }",
            "private var _parent: Indirect<Folder?>",
            "self._parent = Indirect(wrappedValue: parent)",
        ])
    }

    /// A part that adds properties makes a new type; inside it the same property is that new type again.
    @Test func extendedSelfReferenceRefersToTheExtension() async throws {
        let files = try await Self.generate("self-allof-extension.yaml")
        #expect(Self.declaredTypes(files) == ["CodingKeys", "Folder", "FolderAnnotated"])
        GenerationNamingTests.expectContains(files, [
            "public var annotated: FolderAnnotated? {",
            "private var _annotated: Indirect<FolderAnnotated?>",
            "public nonisolated struct FolderAnnotated: Codable, Hashable, Sendable {\n    public var name: String?\n    public var annotated: FolderAnnotated? {",
            "    public var note: String?",
        ])
    }

    @Test func itemsAndDictionaryValuesReferToTheirOwnLiftedType() async throws {
        let items = try await Self.generate("self-through-items.yaml")
        GenerationNamingTests.expectContains(items, [
            "public var children: [FolderChildrenItem]?",
            "public nonisolated struct FolderChildrenItem: Codable, Hashable, Sendable {\n    public var children: [FolderChildrenItem]?\n    public var position: Int?",
        ])
        let values = try await Self.generate("self-through-additional-properties.yaml")
        GenerationNamingTests.expectContains(values, [
            "public var byName: [String: FolderByNameValue]?",
            "public nonisolated struct FolderByNameValue: Codable, Hashable, Sendable {\n    public var byName: [String: FolderByNameValue]?\n    public var key: String?",
        ])
    }

    /// Eight properties that each extend their own schema would make a copy for every order of them (over
    /// 100,000 types); copies inside copies stop after a few.
    @Test func selfExtensionsDoNotMultiply() async throws {
        let files = try await Self.generate("many-self-extensions.yaml")
        let structs = Self.declaredTypes(files).filter { $0 != "CodingKeys" }
        #expect(structs.count < 8 * (SchemaTranslator.maxNestedCopies + 2), "\(structs.count) types")
        #expect(structs.contains("NodeA") && structs.contains("NodeH"))
    }

    @Test(.enabled(if: GenerationNamingTests.canTypeCheck, "ClientRuntime.swiftmodule is not built beside clientgen"), arguments: shapes)
    func generatedCodeTypeChecks(_ name: String) async throws {
        let files = try await Self.generate(name)
        let folder = try temporaryFolder("recursion")
        defer { try? FileManager.default.removeItem(at: folder) }
        for (file, contents) in files {
            try contents.write(to: folder.appendingPathComponent(file), atomically: true, encoding: .utf8)
        }
        let outcome = try await ChildProcess.run(
            "swiftc",
            ["-typecheck", "-swift-version", "6", "-warnings-as-errors", "-module-name", "M", "-I", GenerationNamingTests.modules.path] + files.keys.sorted(),
            in: folder, timeout: .seconds(300)
        )
        #expect(outcome.status == 0, "\(outcome.stderr)")
    }
}
