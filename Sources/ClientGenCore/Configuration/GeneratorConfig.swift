/// `Specs/clientgen.yaml`: which specs become which modules. Paths are relative to the config file.
///
/// ```yaml
/// clients:
///   - spec: allium.yaml
///     module: Allium
///     output: ../Sources/Allium
///     access: public          # optional: public (default) or internal
///     templates: templates    # optional: a folder of .mustache overrides
///     strict: true            # optional: local spec defects are errors, not warnings
///     filter:                 # optional: generate only these operations
///       operations: [getQueryRunResults]
/// ```
public struct GeneratorConfig: Sendable {
    public struct Client: Sendable {
        public var spec: String
        public var module: String
        public var output: String
        public var access: AccessLevel
        public var templates: String?
        public var filter: DocumentFilter
        /// Defects local to one part of the spec stop generation instead of being generated around.
        public var strict = false
        /// Extensions added to operations by `operationId`, for specs that must stay verbatim.
        public var operationExtensions: [String: [String: SpecExtension]] = [:]

        public var generationOptions: GenerationOptions {
            GenerationOptions(
                moduleName: module,
                access: access,
                specName: spec.split(separator: "/").last.map(String.init) ?? spec,
                operationExtensions: operationExtensions,
                filter: filter
            )
        }
    }

    public var clients: [Client]

    /// Parses a config, or reports why it cannot be used, with locations as for specs.
    public static func parse(file: String, bytes: [UInt8], diagnostics: DiagnosticCollector) -> GeneratorConfig? {
        var reader = ConfigReader(file: file, diagnostics: diagnostics)
        guard let root = YAMLLoader().load(bytes: bytes, file: file, diagnostics: diagnostics) else { return nil }
        guard let mapping = root.mapping else {
            reader.error("the config must be a mapping with a 'clients' list", at: root.location)
            return nil
        }
        reader.reportUnknownKeys(in: mapping, allowed: ["clients"], path: .root)
        guard let list = mapping["clients"]?.sequence else {
            reader.error("the config needs a 'clients' list", at: mapping["clients"]?.location ?? mapping.location, path: JSONPath(["clients"]))
            return nil
        }
        var clients: [Client] = []
        for (index, item) in list.items.enumerated() {
            let path = JSONPath(["clients", String(index)])
            guard let entry = item.mapping else {
                reader.error("each client must be a mapping with 'spec', 'module' and 'output'", at: item.location, path: path)
                continue
            }
            reader.reportUnknownKeys(in: entry, allowed: ["spec", "module", "output", "access", "templates", "filter", "operations", "strict"], path: path)
            let spec = reader.string("spec", in: entry, path: path, required: true)
            let module = reader.module(in: entry, path: path, required: true)
            let output = reader.string("output", in: entry, path: path, required: true)
            let access = reader.access(in: entry, path: path) ?? .public
            let templates = reader.string("templates", in: entry, path: path, required: false)
            let filter = reader.filter(in: entry, path: path)
            let operationExtensions = reader.operationExtensions(in: entry, path: path)
            let strict = reader.bool("strict", in: entry, path: path) ?? false
            if let spec, let module, let output {
                var client = Client(spec: spec, module: module, output: output, access: access, templates: templates, filter: filter)
                client.operationExtensions = operationExtensions
                client.strict = strict
                clients.append(client)
            }
        }
        return reader.failed ? nil : GeneratorConfig(clients: clients)
    }
}

/// A target's `clientgen.yaml`, beside its `openapi.yaml`, for the build plugin and `clientgen generate <spec>
/// --target-config`: how the one spec of a target becomes code. Every key is optional, and an empty file is a
/// valid config. Paths are relative to the config file.
///
/// ```yaml
/// module: Notes           # the name quoted in the generated files; default: the target's name
/// access: internal        # internal (default) or public, for a library target that re-exports the client
/// templates: Templates    # a folder of .mustache overrides
/// strict: true            # local spec defects are errors, not warnings
/// filter:                 # generate only these operations (and the schemas they use)
///   operations: [getNote]
///   tags: [notes]
///   paths: ["/notes/*"]
/// ```
public struct TargetConfig: Sendable {
    public var module: String?
    public var access: AccessLevel?
    public var templates: String?
    public var filter: DocumentFilter
    public var strict: Bool

    public init(module: String? = nil, access: AccessLevel? = nil, templates: String? = nil, filter: DocumentFilter = DocumentFilter(), strict: Bool = false) {
        self.module = module
        self.access = access
        self.templates = templates
        self.filter = filter
        self.strict = strict
    }

    public static let keys: Set<String> = ["module", "access", "templates", "filter", "strict"]

    /// Parses a target config, or reports why it cannot be used (unknown keys included) with locations.
    public static func parse(file: String, bytes: [UInt8], diagnostics: DiagnosticCollector) -> TargetConfig? {
        var reader = ConfigReader(file: file, diagnostics: diagnostics)
        let text = String(decoding: bytes, as: UTF8.self)
        let isBlank = text.split(whereSeparator: \.isNewline).allSatisfy { line in
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            return trimmed.isEmpty || trimmed.hasPrefix("#") || trimmed == "---"
        }
        if isBlank {
            return TargetConfig()
        }
        guard let root = YAMLLoader().load(bytes: bytes, file: file, diagnostics: diagnostics) else { return nil }
        if let scalar = root.scalar, scalar.isNull {
            return TargetConfig()
        }
        guard let mapping = root.mapping else {
            reader.error("the config must be a mapping of \(keys.sorted().map { "'\($0)'" }.joined(separator: ", "))", at: root.location)
            return nil
        }
        reader.reportUnknownKeys(in: mapping, allowed: keys, path: .root)
        let config = TargetConfig(
            module: reader.module(in: mapping, path: .root, required: false),
            access: reader.access(in: mapping, path: .root),
            templates: reader.string("templates", in: mapping, path: .root, required: false),
            filter: reader.filter(in: mapping, path: .root),
            strict: reader.bool("strict", in: mapping, path: .root) ?? false
        )
        return reader.failed ? nil : config
    }
}

/// The one way both configs read their keys, so both report problems alike.
private struct ConfigReader {
    let file: String
    let diagnostics: DiagnosticCollector
    private(set) var failed = false

    init(file: String, diagnostics: DiagnosticCollector) {
        self.file = file
        self.diagnostics = diagnostics
    }

    mutating func error(_ message: String, at location: SourceLocation?, path: JSONPath = .root) {
        failed = true
        diagnostics.error(message, at: SourceRange(file: file, location: location, path: path))
    }

    mutating func reportUnknownKeys(in mapping: YAMLMapping, allowed: Set<String>, path: JSONPath) {
        for entry in mapping.entries where !allowed.contains(entry.key) {
            let expected = allowed.sorted().map { "'\($0)'" }.joined(separator: ", ")
            error("unknown key '\(entry.key)'; expected one of \(expected)", at: entry.keyLocation, path: path / entry.key)
        }
    }

    mutating func string(_ key: String, in mapping: YAMLMapping, path: JSONPath, required: Bool) -> String? {
        guard let node = mapping[key] else {
            if required { error("missing '\(key)'", at: mapping.location, path: path) }
            return nil
        }
        guard let scalar = node.scalar, !scalar.isNull else {
            error("'\(key)' must be a string, found \(node.kindDescription)", at: node.location, path: path / key)
            return nil
        }
        return scalar.value
    }

    mutating func bool(_ key: String, in mapping: YAMLMapping, path: JSONPath) -> Bool? {
        guard let node = mapping[key] else { return nil }
        guard let value = node.scalar?.bool else {
            error("'\(key)' must be true or false, found \(node.kindDescription)", at: node.location, path: path / key)
            return nil
        }
        return value
    }

    mutating func module(in mapping: YAMLMapping, path: JSONPath, required: Bool) -> String? {
        guard let module = string("module", in: mapping, path: path, required: required) else { return nil }
        guard ModuleName.isValid(module) else {
            error("'\(module)' is not a valid Swift module name", at: mapping["module"]?.location, path: path / "module")
            return nil
        }
        return module
    }

    mutating func access(in mapping: YAMLMapping, path: JSONPath) -> AccessLevel? {
        guard let text = string("access", in: mapping, path: path, required: false) else { return nil }
        guard let level = AccessLevel(rawValue: text) else {
            error("'access' must be 'public' or 'internal', found '\(text)'", at: mapping["access"]?.location, path: path / "access")
            return nil
        }
        return level
    }

    /// `filter:` with `operations`, `tags` and `paths`, each a list of strings (or a single string).
    /// `operations: {operationId: {x-name: value}}`: extensions added to operations of a verbatim spec.
    mutating func operationExtensions(in mapping: YAMLMapping, path: JSONPath) -> [String: [String: SpecExtension]] {
        guard let node = mapping["operations"] else { return [:] }
        guard let operations = node.mapping else {
            error("'operations' must map operationIds to extensions", at: node.location, path: path / "operations")
            return [:]
        }
        var result: [String: [String: SpecExtension]] = [:]
        for operation in operations.entries {
            let operationPath = path / "operations" / operation.key
            guard let extensions = operation.value.mapping else {
                error("operation '\(operation.key)' must map extension names to values", at: operation.value.location, path: operationPath)
                continue
            }
            for entry in extensions.entries where !entry.key.hasPrefix("x-") {
                error("'\(entry.key)' is not an extension; names start with 'x-'", at: entry.keyLocation, path: operationPath / entry.key)
            }
            result[operation.key] = Dictionary(extensions.entries.map { entry in
                let source = SourceRange(file: file, location: entry.keyLocation, path: operationPath / entry.key)
                return (entry.key, SpecExtension(value: JSONLiteral(entry.value), source: source))
            }, uniquingKeysWith: { $1 })
        }
        return result
    }

    mutating func filter(in mapping: YAMLMapping, path: JSONPath) -> DocumentFilter {
        guard let node = mapping["filter"] else { return DocumentFilter() }
        let filterPath = path / "filter"
        guard let entries = node.mapping else {
            error("'filter' must be a mapping with 'operations', 'tags' or 'paths', found \(node.kindDescription)", at: node.location, path: filterPath)
            return DocumentFilter()
        }
        reportUnknownKeys(in: entries, allowed: ["operations", "tags", "paths"], path: filterPath)
        func list(_ key: String) -> [DocumentFilter.Entry] {
            guard let node = entries[key] else { return [] }
            let items: [(node: YAMLNode, path: JSONPath)]
            if let sequence = node.sequence {
                items = sequence.items.enumerated().map { ($1, filterPath / key / $0) }
            } else {
                items = [(node, filterPath / key)]
            }
            return items.compactMap { item in
                guard let scalar = item.node.scalar, !scalar.isNull, !scalar.value.isEmpty else {
                    error("'\(key)' must list strings, found \(item.node.kindDescription)", at: item.node.location, path: item.path)
                    return nil
                }
                return DocumentFilter.Entry(scalar.value, source: SourceRange(file: file, location: scalar.location, path: item.path))
            }
        }
        return DocumentFilter(operations: list("operations"), tags: list("tags"), paths: list("paths"))
    }
}

public enum ModuleName {
    public static func isValid(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || first.properties.isAlphabetic else { return false }
        return name.unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
    }
}
