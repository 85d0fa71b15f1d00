import ClientGenCore

/// One stage run with a collector of its own, so a test can assert on the result and everything reported.
struct ParseResult {
    var document: Document?
    var diagnostics: [Diagnostic]

    var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
    var hasErrors: Bool { !errors.isEmpty }
}

struct GenerationResult: Sendable {
    var files: [GeneratedFile]?
    var diagnostics: [Diagnostic]

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

extension DocumentParser {
    func parse(path: String, strict: Bool = false) -> ParseResult {
        let diagnostics = DiagnosticCollector(strict: strict)
        let document = parse(path: path, diagnostics: diagnostics)
        return ParseResult(document: document, diagnostics: diagnostics.diagnostics)
    }

    func parse(file: String, bytes: [UInt8]) -> ParseResult {
        let diagnostics = DiagnosticCollector()
        let document = parse(file: file, bytes: bytes, diagnostics: diagnostics)
        return ParseResult(document: document, diagnostics: diagnostics.diagnostics)
    }
}

extension Generator {
    func generate(file: String, bytes: [UInt8], options: GenerationOptions) -> GenerationResult {
        let diagnostics = DiagnosticCollector()
        let files = generate(file: file, bytes: bytes, options: options, diagnostics: diagnostics)
        return GenerationResult(files: files, diagnostics: diagnostics.diagnostics)
    }
}

/// The diagnostics a stage reported instead of a result.
struct ReportedErrors: Error, CustomStringConvertible {
    var diagnostics: [Diagnostic]
    var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

extension YAMLLoader {
    func load(_ text: String, file: String) throws(ReportedErrors) -> YAMLNode {
        try load(bytes: Array(text.utf8), file: file)
    }

    func load(bytes: [UInt8], file: String) throws(ReportedErrors) -> YAMLNode {
        let diagnostics = DiagnosticCollector()
        guard let root = load(bytes: bytes, file: file, diagnostics: diagnostics) else {
            throw ReportedErrors(diagnostics: diagnostics.diagnostics)
        }
        return root
    }
}

extension GeneratorConfig {
    static func parse(file: String, bytes: [UInt8]) -> (config: GeneratorConfig?, diagnostics: [Diagnostic]) {
        let diagnostics = DiagnosticCollector()
        let config = parse(file: file, bytes: bytes, diagnostics: diagnostics)
        return (config, diagnostics.diagnostics)
    }
}

extension TargetConfig {
    static func parse(file: String, bytes: [UInt8]) -> (config: TargetConfig?, diagnostics: [Diagnostic]) {
        let diagnostics = DiagnosticCollector()
        let config = parse(file: file, bytes: bytes, diagnostics: diagnostics)
        return (config, diagnostics.diagnostics)
    }
}

extension DocumentFilter {
    func apply(to document: Document) -> (document: Document?, diagnostics: [Diagnostic]) {
        let diagnostics = DiagnosticCollector()
        let filtered = apply(to: document, diagnostics: diagnostics)
        return (filtered, diagnostics.diagnostics)
    }
}
