@testable import ClientGenCore
import Foundation
import Testing

@Suite struct DocumentFilterTests {
    static let spec = """
        openapi: 3.1.0
        info: {title: Pets, version: "1"}
        tags: [{name: pets}, {name: stores}, {name: admin}]
        paths:
          /pets/{id}:
            parameters:
              - {name: id, in: path, required: true, schema: {$ref: '#/components/schemas/PetID'}}
            get:
              operationId: getPet
              tags: [pets]
              responses:
                '200':
                  description: ok
                  headers:
                    X-Rate: {schema: {$ref: '#/components/schemas/Rate'}}
                  content:
                    application/json: {schema: {$ref: '#/components/schemas/Pet'}}
                default:
                  description: error
                  content:
                    application/json: {schema: {$ref: '#/components/schemas/Error'}}
          /pets:
            post:
              operationId: createPet
              tags: [pets]
              requestBody:
                content:
                  application/json: {schema: {$ref: '#/components/schemas/NewPet'}}
              responses:
                '201': {description: created}
          /stores/{id}:
            get:
              operationId: getStore
              tags: [stores]
              parameters:
                - {name: id, in: path, required: true, schema: {type: string}}
              responses:
                '200':
                  description: ok
                  content:
                    application/json: {schema: {$ref: '#/components/schemas/Store'}}
          /search?kind=pets&q={q}:
            get:
              operationId: searchPets
              parameters:
                - {name: q, in: query, schema: {type: string}}
              responses:
                '200': {description: ok}
          /admin/stats:
            get:
              operationId: getStats
              tags: [admin]
              responses:
                '200':
                  description: ok
                  content:
                    application/json: {schema: {$ref: '#/components/schemas/Stats'}}
        components:
          schemas:
            PetID: {type: string}
            Rate: {type: integer}
            Error: {type: object, properties: {message: {type: string}}}
            Pet:
              oneOf:
                - {$ref: '#/components/schemas/Cat'}
                - {$ref: '#/components/schemas/Dog'}
              discriminator:
                propertyName: kind
                mapping:
                  cat: '#/components/schemas/Cat'
                  dog: '#/components/schemas/Dog'
                  bird: '#/components/schemas/Bird'
            Base: {type: object, properties: {kind: {type: string}}}
            Cat:
              allOf:
                - {$ref: '#/components/schemas/Base'}
                - {type: object, properties: {toys: {type: array, items: {$ref: '#/components/schemas/Toy'}}}}
            Dog:
              type: object
              properties:
                kind: {type: string}
                tags: {type: object, additionalProperties: {$ref: '#/components/schemas/Label'}}
            Bird: {type: object, properties: {kind: {type: string}}}
            Toy: {type: object, properties: {name: {type: string}}}
            Label: {type: string}
            NewPet: {type: object, properties: {name: {type: string}}}
            Store: {type: object, properties: {address: {$ref: '#/components/schemas/Address'}}}
            Address: {type: object, properties: {city: {type: string}}}
            Stats: {type: object, properties: {count: {type: integer}}}
            Unused: {type: object, properties: {never: {$ref: '#/components/schemas/AlsoUnused'}}}
            AlsoUnused: {type: string}
        """

    static func document() throws -> Document {
        let result = ParserFixtures.parse(spec)
        #expect(result.errors.isEmpty, "\(result.errors)")
        return try #require(result.document)
    }

    @Test func emptyFilterKeepsEverything() throws {
        let document = try Self.document()
        let (kept, diagnostics) = DocumentFilter().apply(to: document)
        let filtered = try #require(kept)
        #expect(diagnostics.isEmpty)
        #expect(filtered.operations.count == 5)
        #expect(filtered.schemas.map(\.name) == document.schemas.map(\.name))
    }

    @Test func keepsOnlySchemasTheSelectedOperationsReach() throws {
        let document = try Self.document()
        let (kept, diagnostics) = DocumentFilter(operations: ["getPet"]).apply(to: document)
        let filtered = try #require(kept)
        #expect(diagnostics.isEmpty)
        #expect(filtered.operations.map(\.operationId) == ["getPet"])
        // Path parameter, response header, default response, oneOf, discriminator mapping, allOf, items,
        // additionalProperties: each reaches one schema, in the order components lists them.
        #expect(filtered.schemas.map(\.name) == ["PetID", "Rate", "Error", "Pet", "Base", "Cat", "Dog", "Bird", "Toy", "Label"])
        #expect(filtered.tags.map(\.name) == ["pets"])
        // The index is rebuilt: every reference left resolves to its own schema.
        for reference in ParserFixtures.allReferences(in: filtered) {
            let named = try #require(filtered.namedSchema(for: reference), "\(reference)")
            #expect(named.reference.target == reference.target)
        }
    }

    @Test func selectsByTagAndPath() throws {
        let document = try Self.document()
        let byTag = DocumentFilter(tags: ["stores"]).apply(to: document)
        #expect(byTag.diagnostics.isEmpty)
        #expect((try #require(byTag.document)).operations.map(\.operationId) == ["getStore"])
        #expect((try #require(byTag.document)).schemas.map(\.name) == ["Store", "Address"])

        let byPath = DocumentFilter(paths: ["/pets"]).apply(to: document)
        #expect((try #require(byPath.document)).operations.map(\.operationId) == ["createPet"])
        #expect((try #require(byPath.document)).schemas.map(\.name) == ["NewPet"])

        let byPrefix = DocumentFilter(paths: ["/pets*"]).apply(to: document)
        #expect(Set((try #require(byPrefix.document)).operations.compactMap(\.operationId)) == ["getPet", "createPet"])

        let union = DocumentFilter(operations: ["getStats"], tags: ["stores"]).apply(to: document)
        #expect(Set((try #require(union.document)).operations.compactMap(\.operationId)) == ["getStats", "getStore"])
        #expect(!(try #require(union.document)).schemas.contains { $0.name == "Unused" })
    }

    /// A spec that writes a query string into a path key is filtered by the key as written, or by the request path
    /// the generator makes of it (the fixed query kept, the templated items moved to parameters).
    @Test func selectsAPathKeyWithAQueryStringAsWrittenOrAsSent() throws {
        let document = try Self.document()
        for written in ["/search?kind=pets&q={q}", "/search?kind=pets"] {
            let filtered = DocumentFilter(paths: [written]).apply(to: document)
            #expect(filtered.diagnostics.isEmpty, "\(written): \(filtered.diagnostics)")
            #expect(filtered.document?.operations.map(\.operationId) == ["searchPets"], "\(written)")
        }
        #expect(DocumentFilter(paths: ["/search?kind=cats&q={q}"]).apply(to: document).document == nil)
    }

    @Test func entriesThatMatchNothingAreErrorsAtTheirLocation() throws {
        let config = """
            filter:
              operations: [getPet, getPett]
              tags: [nope]
              paths: ["/nowhere*"]
            """
        let (parsed, parseDiagnostics) = TargetConfig.parse(file: "clientgen.yaml", bytes: Array(config.utf8))
        #expect(parseDiagnostics.isEmpty)
        let filter = try #require(parsed?.filter)
        let (_, diagnostics) = filter.apply(to: try Self.document())
        #expect(diagnostics.map(\.description) == [
            "clientgen.yaml:2:24: error: filter operation 'getPett' matches no operation; check the operationId in the spec [#/filter/operations/1]",
            "clientgen.yaml:3:10: error: filter tag 'nope' matches no operation; check the tag in the spec [#/filter/tags/0]",
            "clientgen.yaml:4:11: error: filter path '/nowhere*' matches no operation; check the path in the spec [#/filter/paths/0]",
        ])
    }

    @Test func generatorAppliesTheFilterBeforeTranslating() throws {
        let generator = Generator(sourceProvider: InMemorySourceProvider())
        let options = GenerationOptions(moduleName: "Pets", specName: "api.yaml", filter: DocumentFilter(operations: ["getStore"]))
        let result = generator.generate(file: "api.yaml", bytes: Array(Self.spec.utf8), options: options)
        let files = try #require(result.files)
        #expect(files.map(\.name) == FileLayout.fileNames())
        let text = files.map(\.contents).joined()
        #expect(text.contains("func getStore("))
        #expect(!text.contains("func getPet("))
        #expect(text.contains("struct Address"))
        #expect(!text.contains("struct Stats"))

        let failing = GenerationOptions(moduleName: "Pets", specName: "api.yaml", filter: DocumentFilter(operations: ["missing"]))
        let failed = generator.generate(file: "api.yaml", bytes: Array(Self.spec.utf8), options: failing)
        #expect(failed.files == nil)
        #expect(failed.hasErrors)
    }

    /// A few calls out of GitHub's ~1,000 operations and ~300 named schemas give a client of a few thousand lines.
    @Test(.enabled(if: ParserFixtures.corpusExists, "the spec corpus (../shared/corpus beside the package) is absent; skipping"))
    func filteringGitHubGivesASmallClient() async throws {
        let spec = "real-world/github-api.github.com.json"
        let generator = Generator(sourceProvider: FolderSourceProvider(base: ParserFixtures.corpus))
        let bytes = Array(try Data(contentsOf: ParserFixtures.corpus.appendingPathComponent(spec)))
        let filter = DocumentFilter(operations: ["repos/get", "issues/list-for-repo", "issues/create"])
        let (parsed, result) = try await offPool {
            (generator.parser.parse(file: spec, bytes: bytes),
             generator.generate(file: spec, bytes: bytes, options: GenerationOptions(moduleName: "GitHub", specName: "github.json", filter: filter)))
        }
        let document = try #require(parsed.document)
        let (kept, diagnostics) = filter.apply(to: document)
        let filtered = try #require(kept)
        #expect(diagnostics.isEmpty)
        #expect(filtered.operations.count == 3)
        #expect(document.schemas.count > 200)
        #expect(filtered.schemas.count < document.schemas.count / 10, "kept \(filtered.schemas.count) of \(document.schemas.count) schemas")

        #expect(!result.hasErrors, "\(result.diagnostics.filter { $0.severity == .error })")
        let files = try #require(result.files)
        let lines = files.reduce(0) { $0 + $1.contents.split(separator: "\n", omittingEmptySubsequences: false).count }
        print("github: 3 operations, \(filtered.schemas.count) of \(document.schemas.count) schemas, \(lines) generated lines")
        #expect(lines < 6_000)
        let operations = files.filter { $0.name.hasSuffix(".Operations.swift") }.map(\.contents).joined()
        #expect(operations.contains("func reposGet("))
        #expect(operations.contains("func issuesCreate("))
    }
}

@Suite struct TargetConfigTests {
    @Test func emptyFileIsTheDefaultConfig() {
        let (config, diagnostics) = TargetConfig.parse(file: "clientgen.yaml", bytes: Array("# nothing to set\n".utf8))
        #expect(diagnostics.isEmpty)
        #expect(config?.module == nil)
        #expect(config?.access == nil)
        #expect(config?.filter.isEmpty == true)
    }

    @Test func readsEveryKey() throws {
        let text = """
            module: Notes
            access: public
            templates: Templates
            filter:
              operations: [getNote, listNotes]
              tags: notes
              paths: ["/notes/*"]
            """
        let (parsed, diagnostics) = TargetConfig.parse(file: "clientgen.yaml", bytes: Array(text.utf8))
        #expect(diagnostics.isEmpty)
        let config = try #require(parsed)
        #expect(config.module == "Notes")
        #expect(config.access == .public)
        #expect(config.templates == "Templates")
        #expect(config.filter.operations.map(\.value) == ["getNote", "listNotes"])
        #expect(config.filter.tags.map(\.value) == ["notes"])
        #expect(config.filter.paths.map(\.value) == ["/notes/*"])
    }

    @Test func reportsProblemsWithTheirLocation() {
        let text = """
            module: 9lives
            acces: public
            access: private
            filter:
              operation: [getNote]
              tags: [{name: x}]
            """
        let (config, diagnostics) = TargetConfig.parse(file: "Sources/App/clientgen.yaml", bytes: Array(text.utf8))
        #expect(config == nil)
        #expect(diagnostics.map(\.description) == [
            "Sources/App/clientgen.yaml:1:9: error: '9lives' is not a valid Swift module name [#/module]",
            "Sources/App/clientgen.yaml:2:1: error: unknown key 'acces'; expected one of 'access', 'filter', 'module', 'strict', 'templates' [#/acces]",
            "Sources/App/clientgen.yaml:3:9: error: 'access' must be 'public' or 'internal', found 'private' [#/access]",
            "Sources/App/clientgen.yaml:5:3: error: unknown key 'operation'; expected one of 'operations', 'paths', 'tags' [#/filter/operation]",
            "Sources/App/clientgen.yaml:6:10: error: 'tags' must list strings, found a mapping [#/filter/tags/0]",
        ])
    }

    @Test func shippedClientsConfigTakesAFilter() throws {
        let text = """
            clients:
              - spec: a.yaml
                module: A
                output: ../Sources/A
                filter: {tags: [runs]}
            """
        let (parsed, diagnostics) = GeneratorConfig.parse(file: "Specs/clientgen.yaml", bytes: Array(text.utf8))
        #expect(diagnostics.isEmpty)
        #expect(try #require(parsed).clients.first?.filter.tags.map(\.value) == ["runs"])
    }
}
