@testable import ClientGenCore
import ClientGenTemplates
import Foundation
import Testing

/// The templates and the view model agree: every key a built-in template names exists where it stands, every
/// key the view model offers is used by a built-in template or deliberately offered to custom ones, and a
/// custom template that breaks the contract is an error at its line.
@Suite struct TemplateContractTests {
    static let keysFile = GoldenTests.packageRoot.appendingPathComponent("Templates/KEYS.md")

    static func builtInTemplates() -> [String: TemplateSource] {
        Dictionary(uniqueKeysWithValues: TemplateCatalog.builtIn.map { ($0.key, TemplateSource(name: $0.key, file: "\($0.key).mustache", text: $0.value)) })
    }

    /// Checks the built-in templates with `overrides` in place, as `clientgen generate --templates` would.
    static func check(_ overrides: [String: String]) -> [String] {
        let diagnostics = DiagnosticCollector()
        let sources = overrides.map { TemplateSource(name: $0.key, file: "custom/\($0.key).mustache", text: $0.value) }
        let renderer = Renderer.make(overrides: sources, diagnostics: diagnostics)
        let messages = diagnostics.diagnostics.map(\.description)
        #expect((renderer == nil) == !messages.isEmpty, "a renderer is made exactly when nothing is reported: \(messages)")
        return messages
    }

    @Test func builtInTemplatesUseOnlyKeysTheViewModelHas() {
        let diagnostics = DiagnosticCollector()
        var checker = TemplateChecker(templates: Self.builtInTemplates(), diagnostics: diagnostics)
        for name in Renderer.fileTemplates {
            checker.check(root: name, context: FileViewModel.templateDescriptor)
        }
        #expect(diagnostics.diagnostics.map(\.description) == [])
        #expect(checker.reached == Set(TemplateCatalog.builtIn.keys), "a built-in template no file template includes")
    }

    @Test func everyKeyIsUsedByABuiltInTemplateOrOfferedForCustomOnes() {
        var checker = TemplateChecker(templates: Self.builtInTemplates(), diagnostics: DiagnosticCollector())
        for name in Renderer.fileTemplates {
            checker.check(root: name, context: FileViewModel.templateDescriptor)
        }
        for context in TemplateReference.contexts() {
            for key in context.keys {
                let used = checker.usedKeys.contains(context.name + "." + key.name)
                if key.forCustomTemplates {
                    #expect(!used, "\(context.name).\(key.name) is used by a built-in template; it is not for custom templates only")
                } else {
                    #expect(used, "\(context.name).\(key.name): no built-in template uses it; remove it, or mark it for custom templates")
                }
            }
        }
    }

    /// `Templates/KEYS.md` is the reference README points template authors to.
    @Test func keyReferenceIsCurrent() throws {
        let current = TemplateReference.markdown()
        if GoldenFiles.isRecording {
            try current.write(to: Self.keysFile, atomically: true, encoding: .utf8)
            Issue.record("Recorded \(Self.keysFile.path); run again without CLIENTGEN_RECORD=1")
            return
        }
        let recorded = try String(contentsOf: Self.keysFile, encoding: .utf8)
        #expect(recorded == current, "Templates/KEYS.md differs (- recorded, + current):\n\(LineDiff.render(expected: recorded, actual: current))")
    }

    @Test func misspeltKeyIsAnErrorAtItsLine() {
        #expect(Self.check(["header": "{{% CONTENT_TYPE: TEXT }}\n// Generated from {{specNmae}}.\n"]) == [
            "custom/header.mustache:2:19: error: unknown key 'specNmae'; FileViewModel offers specName, imports, client, operations, declarations, hasOperations, hasDeclarations",
        ])
    }

    /// A key is looked up where the tag stands: inside a struct, `{{rawType}}` (an enum's key) does not exist.
    @Test func keyOfAnotherContextIsAnError() {
        let messages = Self.check(["struct": "{{% CONTENT_TYPE: TEXT }}\n{{access}}struct {{name}} {}\n// {{rawType}}\n"])
        #expect(messages.count == 1)
        #expect(messages.first?.hasPrefix("custom/struct.mustache:3:4: error: unknown key 'rawType'; StructViewModel offers access, name,") == true, "\(messages)")
    }

    @Test func missingPartialUnclosedSectionsAndUnusedTemplatesAreErrors() {
        #expect(Self.check(["alias": "{{> aliasBody}}\n"]) == [
            "custom/alias.mustache:1:1: error: no template named 'aliasBody'",
        ])
        #expect(Self.check(["enum": "{{#cases}}\ncase {{name}}\n"]) == [
            "custom/enum.mustache:1:1: error: section 'cases' is never closed",
        ])
        #expect(Self.check(["enum": "{{#cases}}{{name}}{{/caseLines}}"]) == [
            "custom/enum.mustache:1:19: error: {{/caseLines}} does not close {{#cases}}, opened at 1:1",
        ])
        #expect(Self.check(["heder": "// {{specName}}\n"]).first?.hasPrefix("custom/heder.mustache: error: template 'heder' is never used; templates are named alias, client, enum, flow, form, header,") == true)
        #expect(Self.check(["alias": "{{name}\n"]).first?.hasPrefix("custom/alias.mustache:") == true)
    }

    @Test func listsAndValuesMustBeUsedAsTheyAre() {
        #expect(Self.check(["alias": "{{docLines}}\n"]) == [
            "custom/alias.mustache:1:1: error: 'docLines' is a list of lines; use it as a section ({{#docLines}}…{{/docLines}})",
        ])
        #expect(Self.check(["alias": "{{.}}\n"]) == [
            "custom/alias.mustache:1:1: error: '.' here is not text; name one of the keys of AliasViewModel",
        ])
    }

    /// What Mustache allows stays allowed: dotted names, transforms, list-element functions, set delimiters,
    /// comments, and keys of an enclosing value.
    @Test func mustacheFeaturesPassTheCheck() {
        #expect(Self.check([
            "header": "{{% CONTENT_TYPE: TEXT }}\n{{! a comment }}// {{uppercased(specName)}} {{client.access}}\n",
            "operations": """
                {{% CONTENT_TYPE: TEXT }}
                {{> header}}
                {{#operations}}{{index()}} {{name}} {{#first(parameters)}}{{name}}{{/first(parameters)}} {{specName}}{{/operations}}
                {{=<% %>=}}<%#hasOperations%>x<%/hasOperations%>

                """,
        ]) == [])
    }

    /// Text reaches templates as `TemplateText`, which the renderer prints without the casts a plain `Any` costs;
    /// it must behave in every way a String did: printed as it is, transformed, entered as a section when present
    /// and skipped when absent, and listed line by line.
    @Test func textRendersAsAStringWould() throws {
        let diagnostics = DiagnosticCollector()
        let renderer = try #require(Renderer.make(overrides: [
            TemplateSource(name: "header", file: "custom/header.mustache", text: "{{% CONTENT_TYPE: TEXT }}\n// {{uppercased(specName)}} <&>\n"),
            TemplateSource(name: "operations", file: "custom/operations.mustache", text: """
                {{% CONTENT_TYPE: TEXT }}
                {{> header}}
                {{#operations}}
                {{name}} {{capitalized(name)}}{{#returnType}} -> {{.}}{{/returnType}}{{^returnType}} (nothing){{/returnType}} [{{#docLines}}{{.}}|{{/docLines}}] {{#first(requestLines)}}{{.}}{{/first(requestLines)}}
                {{/operations}}

                """),
        ], diagnostics: diagnostics))
        #expect(diagnostics.diagnostics.isEmpty)
        let spec = """
            openapi: 3.0.3
            info: {title: T, version: "1"}
            paths:
              /items/{id}:
                get:
                  operationId: getItem
                  summary: Reads <one> item.
                  parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                  responses: {"200": {description: ok, content: {application/json: {schema: {type: string}}}}}
                delete:
                  operationId: deleteItem
                  parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                  responses: {"204": {description: gone}}
            """
        var generator = Generator(sourceProvider: InMemorySourceProvider())
        generator.renderer = renderer
        let result = generator.generate(file: "api.yaml", bytes: Array(spec.utf8), options: GenerationOptions(moduleName: "M", specName: "api.yaml"))
        #expect(result.diagnostics.isEmpty)
        let files = try #require(result.files).filter { $0.name.hasSuffix(".Operations.swift") }
        // The operations land in whichever parts their names hash to; every part has the header.
        #expect(files.count == 4)
        #expect(files.allSatisfy { $0.contents.hasPrefix("// API.YAML <&>\n") })
        let lines = files.flatMap { $0.contents.split(separator: "\n").dropFirst().map(String.init) }.sorted()
        #expect(lines == [
            "deleteItem Deleteitem (nothing) [ - Parameters:|   - id: The `id` path parameter.|] request.path(\"id\", id)",
            "getItem Getitem -> String [ Reads <one> item.|| - Parameters:|   - id: The `id` path parameter.|] request.path(\"id\", id)",
        ])
    }

    /// A template with an unknown key is refused before anything is generated, by `generate` and `lint` alike.
    @Test func generateRefusesABrokenTemplateAndWritesNothing() async throws {
        let folder = try temporaryFolder("cli-templates")
        defer { try? FileManager.default.removeItem(at: folder) }
        let templates = folder.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try "{{% CONTENT_TYPE: TEXT }}\n// {{specNam}}\n".write(to: templates.appendingPathComponent("header.mustache"), atomically: true, encoding: .utf8)
        let spec = ParserFixtures.fixtures.appendingPathComponent("Generation/repeated-enums.yaml").path

        let outcome = try await ChildProcess.clientgen(["generate", spec, "--output", "Out", "--module", "M", "--templates", "templates"], in: folder)

        #expect(outcome.status == 1)
        #expect(outcome.stderrLines.first?.hasPrefix("templates/header.mustache:2:4: error: unknown key 'specNam'") == true, "\(outcome.stderr)")
        #expect(outcome.stderrLines.last == "clientgen: nothing was written because of the errors above")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Out").path))
    }
}
