/// `clientgen.yaml`: which specs become which modules. Paths are relative to the config file.
public struct GeneratorConfig: Sendable {
    public struct Client: Sendable {
        public var spec: String
        public var module: String
        public var output: String
        public var access: AccessLevel
        public var templates: String?
        /// Extensions added to operations by `operationId`, for specs that must stay verbatim.
        public var operationExtensions: [String: [String: JSONLiteral]] = [:]

        public var translationOptions: TranslationOptions {
            TranslationOptions(
                moduleName: module,
                access: access,
                specName: spec.split(separator: "/").last.map(String.init) ?? spec,
                operationExtensions: operationExtensions
            )
        }
    }

    public var clients: [Client]

    /// Parses a config; every problem comes back as a diagnostic with its location, as for specs.
    public static func parse(file: String, bytes: [UInt8]) -> (config: GeneratorConfig?, diagnostics: [Diagnostic]) {
        var log = DiagnosticLog()
        let root: YAMLNode
        do {
            root = try YAMLLoader().load(bytes: bytes, file: file)
        } catch {
            return (nil, error.diagnostics)
        }
        guard let mapping = root.mapping else {
            log.error("the config must be a mapping with a 'clients' list", file: file, at: root.location)
            return (nil, log.diagnostics)
        }
        reportUnknownKeys(in: mapping, allowed: ["clients"], file: file, path: .root, log: &log)
        guard let list = mapping["clients"]?.sequence else {
            log.error("the config needs a 'clients' list", file: file, at: mapping["clients"]?.location ?? mapping.location, path: JSONPath(["clients"]))
            return (nil, log.diagnostics)
        }
        var clients: [Client] = []
        for (index, item) in list.items.enumerated() {
            let path = JSONPath(["clients", String(index)])
            guard let entry = item.mapping else {
                log.error("each client must be a mapping with 'spec', 'module' and 'output'", file: file, at: item.location, path: path)
                continue
            }
            reportUnknownKeys(in: entry, allowed: ["spec", "module", "output", "access", "templates", "operations"], file: file, path: path, log: &log)
            func string(_ key: String, required: Bool) -> String? {
                guard let node = entry[key] else {
                    if required { log.error("missing '\(key)'", file: file, at: entry.location, path: path) }
                    return nil
                }
                guard let scalar = node.scalar, !scalar.isNull else {
                    log.error("'\(key)' must be a string, found \(node.kindDescription)", file: file, at: node.location, path: path / key)
                    return nil
                }
                return scalar.value
            }
            let spec = string("spec", required: true)
            let module = string("module", required: true)
            let output = string("output", required: true)
            var access = AccessLevel.public
            if let text = string("access", required: false) {
                if let level = AccessLevel(rawValue: text) {
                    access = level
                } else {
                    log.error("'access' must be 'public' or 'internal', found '\(text)'", file: file, at: entry["access"]?.location, path: path / "access")
                }
            }
            if let module, !ModuleName.isValid(module) {
                log.error("'\(module)' is not a valid Swift module name", file: file, at: entry["module"]?.location, path: path / "module")
            }
            var operationExtensions: [String: [String: JSONLiteral]] = [:]
            if let node = entry["operations"] {
                if let operations = node.mapping {
                    for operation in operations.entries {
                        guard let extensions = operation.value.mapping else {
                            log.error("operation '\(operation.key)' must map extension names to values", file: file, at: operation.value.location, path: path / "operations" / operation.key)
                            continue
                        }
                        for entry in extensions.entries where !entry.key.hasPrefix("x-") {
                            log.error("'\(entry.key)' is not an extension; names start with 'x-'", file: file, at: entry.keyLocation, path: path / "operations" / operation.key / entry.key)
                        }
                        operationExtensions[operation.key] = Dictionary(
                            extensions.entries.map { ($0.key, JSONLiteral($0.value)) }, uniquingKeysWith: { $1 }
                        )
                    }
                } else {
                    log.error("'operations' must map operationIds to extensions", file: file, at: node.location, path: path / "operations")
                }
            }
            if let spec, let module, let output {
                var client = Client(spec: spec, module: module, output: output, access: access, templates: string("templates", required: false))
                client.operationExtensions = operationExtensions
                clients.append(client)
            }
        }
        return log.hasErrors ? (nil, log.diagnostics) : (GeneratorConfig(clients: clients), log.diagnostics)
    }

    private static func reportUnknownKeys(in mapping: YAMLMapping, allowed: Set<String>, file: String, path: JSONPath, log: inout DiagnosticLog) {
        for entry in mapping.entries where !allowed.contains(entry.key) {
            let expected = allowed.sorted().map { "'\($0)'" }.joined(separator: ", ")
            log.error("unknown key '\(entry.key)'; expected one of \(expected)", file: file, at: entry.keyLocation, path: path / entry.key)
        }
    }
}

public enum ModuleName {
    public static func isValid(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || first.properties.isAlphabetic else { return false }
        return name.unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
    }
}
