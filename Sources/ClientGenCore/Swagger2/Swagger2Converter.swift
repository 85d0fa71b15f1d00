/// Swagger 2.0 read into the same `Document` as OpenAPI 3: the tree as written is rewritten into the
/// OpenAPI 3.0 tree its author would have written, and that tree goes through the one parser, so configure,
/// translate and render never learn which the spec was. Every node keeps the position it was written at, and
/// `ParseContext.relocations` the pointer, so a diagnostic about a converted node, the parser's or a later
/// stage's, names the line, column and pointer of the Swagger text.
///
/// A defect that concerns one parameter, response, schema or security scheme is a warning saying what was
/// dropped or assumed; what breaks the whole document (an unknown version, a root that is no mapping) stays
/// an error.
final class Swagger2Converter {
    let context: ParseContext
    let root: YAMLMapping
    let rootFile: String
    let rootCursor: Cursor
    /// The document's `consumes` and `produces`, for operations that give none; JSON when it gives none.
    private(set) var documentMedia = MediaTypes(consumes: ["application/json"], produces: ["application/json"])
    /// The names of the security schemes that converted, which requirements may name.
    var securitySchemeNames: Set<String> = []
    /// Where each operationId was first used: a later use is dropped, so that the operation is named otherwise.
    var operationIds: [String: (file: String, location: SourceLocation)] = [:]
    /// Objects that references reach outside what the conversion rebuilds, converted where they are.
    var pending: [PendingConversion] = []
    var queued: Set<Reference.Target> = []
    var replacements: [String: Replacements] = [:]

    static func isSwagger(_ root: YAMLNode) -> Bool {
        root.mapping?.entry("swagger") != nil
    }

    init?(context: ParseContext, root: YAMLNode) {
        guard case .mapping(let mapping) = root else { return nil }
        self.context = context
        self.root = mapping
        self.rootFile = context.rootFile
        self.rootCursor = Cursor(file: context.rootFile, path: .root)
    }

    /// The OpenAPI 3.0 root, with the files references reach converted and handed to the context; nil after
    /// an error when the document cannot be read as Swagger 2.0.
    func convert() -> YAMLNode? {
        context.readingWrittenText = true
        defer { context.readingWrittenText = false }
        guard let swagger = root.entry("swagger"), checkVersion(swagger) else { return nil }
        if let consumes = root.value("consumes").flatMap({ mediaList($0, rootCursor / "consumes", reporting: true) }) {
            documentMedia.consumes = consumes
        }
        if let produces = root.value("produces").flatMap({ mediaList($0, rootCursor / "produces", reporting: true) }) {
            documentMedia.produces = produces
        }
        // Requirements are checked against the schemes, so those come first wherever they are written.
        let schemes = root.entry("securityDefinitions").map { self.securitySchemes($0.value, rootCursor / $0.key) }

        var output = MappingBuilder(at: root.location)
        output.add("openapi", .text("3.0.3", at: swagger.value.location), keyLocation: swagger.keyLocation)
        relocate(rootCursor / "openapi", from: rootCursor / "swagger")
        if let servers = servers() {
            output.add("servers", servers)
        }
        var wroteComponents = false
        for entry in root.entries {
            let at = rootCursor / entry.key
            switch entry.key {
            case "swagger", "host", "basePath", "schemes", "consumes", "produces":
                break
            case "paths":
                output.add(entry.key, paths(entry.value, at), keyLocation: entry.keyLocation)
            case "security":
                output.add(entry.key, securityRequirements(entry.value, at), keyLocation: entry.keyLocation)
            case "definitions", "parameters", "responses", "securityDefinitions":
                if !wroteComponents {
                    wroteComponents = true
                    output.add("components", components(securitySchemes: schemes), keyLocation: entry.keyLocation)
                }
            case "openapi", "components", "servers", "webhooks":
                context.defect("'\(entry.key)' belongs to OpenAPI 3, not Swagger 2.0; it is ignored", at, at: entry.keyLocation)
            default:
                // `info`, `tags`, `externalDocs`, extensions, and anything else a reference may point into.
                output.add(entry)
            }
        }
        convertPending()
        install(root: output.node)
        return context.files[rootFile] ?? nil
    }

    private func checkVersion(_ swagger: YAMLMapping.Entry) -> Bool {
        let at = rootCursor / "swagger"
        guard let version = swagger.value.text else {
            context.error("'swagger' has no value; expected 2.0", at, at: swagger.value.location)
            return false
        }
        guard version == "2.0" || version == "2" else {
            context.error("unsupported Swagger version '\(version)'; ClientGen reads Swagger 2.0 and OpenAPI 3.0 and 3.1", at, at: swagger.value.location)
            return false
        }
        if root.entry("openapi") != nil {
            context.error("the document has both 'swagger' and 'openapi'; keep the one it is written in", at, at: swagger.keyLocation)
            return false
        }
        return true
    }
}
