/// The state of one parse: the diagnostics found so far, the files loaded, and caches that keep shared
/// components from being resolved or parsed more than once.
final class ParseContext {
    let rootFile: String
    let provider: any SourceProvider
    let loader: YAMLLoader
    /// 3.1 and later: `$ref` siblings kept, `type` arrays and boolean schemas expected.
    var isVersion31 = false

    let diagnostics: DiagnosticCollector
    /// Errors this parse reported: the collector may hold others', and only these withhold the document.
    var hasErrors = false

    /// Parsed files by provider name; nil when the file could not be loaded (already reported).
    var files: [String: YAMLNode?] = [:]
    /// `relativeTo + NUL + path` to the provider's name for the file, or the error it gave.
    var fileNames: [String: Result<String, SourceProviderError>] = [:]
    /// `file + NUL + $ref text` to the reference it names, for references that resolved.
    var references: [String: Reference] = [:]
    /// Nodes pointers resolved to, and key indexes of large mappings met on the way.
    var resolvedNodes: [Reference.Target: YAMLNode] = [:]
    var mappingIndexes: [Reference.Target: [String: Int]] = [:]

    /// Every schema reference target met, in the order first met, for `Document.schemas`.
    var schemaReferences: [Reference] = []
    var schemaReferenceSet: Set<Reference.Target> = []

    /// Loops of reference objects already reported, as the set of their members.
    var reportedLoops: Set<Set<Reference.Target>> = []

    var parameters: [Reference.Target: Parameter?] = [:]
    var requestBodies: [Reference.Target: RequestBody?] = [:]
    var responses: [Reference.Target: Response?] = [:]
    var headers: [Reference.Target: Header?] = [:]

    /// Where a converted (Swagger 2.0) document's moved parts were written; diagnostics and sources name those.
    var relocations = PathRelocations()
    /// True while the Swagger 2.0 converter runs: it reads the text as written, so its diagnostics already name
    /// the pointers the user wrote, and relocating them again would map one written place onto another (the
    /// second formData parameter onto the fourth parameter, when the converted list renumbers).
    var readingWrittenText = false

    /// Security scheme names as written in requirements, checked once the components are known.
    var securityUses: [(name: String, file: String, location: SourceLocation, path: JSONPath)] = []

    init(rootFile: String, root: YAMLNode, provider: any SourceProvider, loader: YAMLLoader, diagnostics: DiagnosticCollector) {
        self.rootFile = rootFile
        self.provider = provider
        self.loader = loader
        self.diagnostics = diagnostics
        files[rootFile] = root
    }

    /// `relocated`: the path already names the pointer as written (it came from a model element's source).
    func report(_ diagnostic: Diagnostic, relocated: Bool = false) {
        if diagnostic.severity == .error { hasErrors = true }
        var diagnostic = diagnostic
        if !relocated, !readingWrittenText, !relocations.isEmpty, let path = diagnostic.path {
            diagnostic.path = relocations.original(of: path, in: diagnostic.file)
        }
        diagnostics.emit(diagnostic)
    }

    /// Where the node at `cursor` was written, for a model element that later stages may point at.
    func source(_ cursor: Cursor, _ location: SourceLocation?) -> SourceRange {
        let range = cursor.range(location)
        guard !relocations.isEmpty else { return range }
        return SourceRange(file: range.file, location: range.location, path: relocations.original(of: range.path, in: range.file))
    }

    func error(_ message: String, _ cursor: Cursor, at location: SourceLocation?) {
        report(Diagnostic(.error, message, file: cursor.file, location: location, path: cursor.path))
    }

    /// A defect local to the element at `cursor`; `message` ends by saying what generation does without it.
    func defect(_ message: String, _ cursor: Cursor, at location: SourceLocation?) {
        report(Diagnostic(diagnostics.defectSeverity, message, file: cursor.file, location: location, path: cursor.path))
    }

    func warning(_ message: String, _ cursor: Cursor, at location: SourceLocation?) {
        report(Diagnostic(.warning, message, file: cursor.file, location: location, path: cursor.path))
    }
}
