/// Runs the pipeline for one spec, entirely in memory: parse, configure, translate, then render. Every stage
/// reports to the same `DiagnosticCollector`; the caller decides what reaches the disk.
public struct Generator: Sendable {
    public var parser: DocumentParser
    public var renderer: Renderer

    public init(sourceProvider: any SourceProvider, renderer: Renderer = .builtIn) {
        parser = DocumentParser(sourceProvider: sourceProvider)
        self.renderer = renderer
    }

    /// Every file of the module, or nil when any stage reported an error.
    public func generate(file: String, bytes: [UInt8], options: GenerationOptions, diagnostics: DiagnosticCollector) -> [GeneratedFile]? {
        let errors = diagnostics.errorCount
        guard let module = translate(file: file, bytes: bytes, options: options, diagnostics: diagnostics) else { return nil }
        let viewModel = ViewModelBuilder(moduleName: options.moduleName, access: options.access, specName: options.specName).build(module)
        let files = renderer.render(viewModel, diagnostics: diagnostics)
        return diagnostics.errorCount == errors ? files : nil
    }

    /// The stages up to the typed model, for checks that need no rendered text (`clientgen lint` renders too,
    /// so that it reports whatever `generate` would).
    public func translate(file: String, bytes: [UInt8], options: GenerationOptions, diagnostics: DiagnosticCollector) -> SwiftModule? {
        let errors = diagnostics.errorCount
        guard let document = parser.parse(file: file, bytes: bytes, diagnostics: diagnostics),
              let configured = Configurator(options: options).configure(document, diagnostics: diagnostics) else { return nil }
        let module = Translator().translate(configured, diagnostics: diagnostics)
        return diagnostics.errorCount == errors ? module : nil
    }
}

extension Renderer {
    /// The built-in templates, which a test checks against the view model.
    public static let builtIn: Renderer = {
        guard let renderer = Renderer.make(diagnostics: DiagnosticCollector()) else {
            preconditionFailure("the built-in templates do not pass their own checks")
        }
        return renderer
    }()
}
