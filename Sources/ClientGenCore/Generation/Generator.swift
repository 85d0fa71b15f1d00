/// Runs the pipeline (parse, filter, translate, render) for one spec, entirely in memory: the caller decides what
/// reaches the disk.
public struct Generator: Sendable {
    public var parser: DocumentParser
    public var renderer: Renderer

    public init(sourceProvider: any SourceProvider, templateOverrides: [String: String] = [:]) throws(DiagnosticError) {
        parser = DocumentParser(sourceProvider: sourceProvider)
        renderer = try Renderer(overrides: templateOverrides)
    }

    public func generate(file: String, bytes: [UInt8], options: TranslationOptions) -> GenerationResult {
        let parsed = parser.parse(file: file, bytes: bytes)
        guard let document = parsed.document, !parsed.hasErrors else {
            return GenerationResult(files: nil, diagnostics: parsed.diagnostics)
        }
        var log = DiagnosticLog()
        log.append(contentsOf: parsed.diagnostics)
        let (filtered, filterDiagnostics) = options.filter.apply(to: document)
        log.append(contentsOf: filterDiagnostics)
        guard !log.hasErrors else {
            return GenerationResult(files: nil, diagnostics: log.sorted)
        }
        let (module, translationDiagnostics) = Translator(options: options).translate(filtered)
        log.append(contentsOf: translationDiagnostics)
        return GenerationResult(files: renderer.render(module), diagnostics: log.sorted)
    }
}

public struct GenerationResult: Sendable {
    /// Every file of the module, or nil when the spec has errors.
    public var files: [GeneratedFile]?
    public var diagnostics: [Diagnostic]

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
