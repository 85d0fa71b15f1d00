/// Builds `Document.schemas`: the root file's `components/schemas` in written order, then every other schema a
/// reference reaches (other files, or local pointers outside `components/schemas`), so every `Schema.reference`
/// in the document has an entry. Also finds reference loops that never reach a concrete schema.
struct SchemaCollector {
    private(set) var schemas: [NamedSchema] = []
    private(set) var index: [Reference.Target: Int] = [:]
    private var names: Set<String> = []
    /// The node each named schema was read from, to point at its `$ref` when it is part of a loop.
    private var nodes: [YAMLNode] = []

    mutating func collect(components: YAMLMapping?, _ context: ParseContext) {
        let root = Cursor(file: context.rootFile, path: JSONPath(["components", "schemas"]))
        if let components {
            for entry in components.entries {
                let cursor = root / entry.key
                let reference = Reference(file: context.rootFile, pointer: cursor.path.components, text: cursor.path.description)
                add(name: entry.key, reference: reference, schema: context.schema(entry.value, cursor), node: entry.value)
            }
        }
        // Parsing a schema can meet new references; run until none is new.
        var next = 0
        while next < context.schemaReferences.count {
            let reference = context.schemaReferences[next]
            next += 1
            guard index[reference.target] == nil,
                  let fileRoot = context.files[reference.file] ?? nil,
                  case .found(let node) = context.walk(reference.target, in: fileRoot) else { continue }
            let cursor = Cursor(file: reference.file, path: JSONPath(reference.pointer))
            add(name: Self.name(for: reference), reference: reference, schema: context.schema(node, cursor), node: node)
        }
    }

    private mutating func add(name: String, reference: Reference, schema: Schema, node: YAMLNode) {
        var unique = name
        var number = 2
        while names.contains(unique) {
            unique = "\(name)\(number)"
            number += 1
        }
        names.insert(unique)
        index[reference.target] = schemas.count
        schemas.append(NamedSchema(name: unique, reference: reference, schema: schema))
        nodes.append(node)
    }

    /// The nearest pointer component that is a name rather than OpenAPI or JSON Schema structure
    /// (`#/components/schemas/A/properties/owner` is `owner`); a whole-file reference is named after the file.
    static func name(for reference: Reference) -> String {
        for component in reference.pointer.reversed() where !structural.contains(component) && !component.utf8.contains(UInt8(ascii: "/")) && Int(component) == nil {
            return component
        }
        return reference.pointer.isEmpty ? SourcePath.baseName(reference.file) : "Schema"
    }

    private static let structural: Set<String> = [
        "schema", "schemas", "items", "properties", "additionalProperties", "allOf", "anyOf", "oneOf", "not",
        "content", "components", "paths", "parameters", "requestBody", "requestBodies", "responses", "headers",
        "get", "put", "post", "delete", "options", "head", "patch", "trace", "$defs", "definitions", "default",
    ]

    /// A named schema that is nothing but a reference (`$ref`, or `allOf` of a single `$ref`) to another.
    private static func aliasTarget(_ schema: Schema) -> (Reference, viaAllOf: Bool)? {
        let hasShape = schema.types != nil || !schema.properties.isEmpty || schema.items != nil
            || schema.additionalProperties != nil || !schema.anyOf.isEmpty || !schema.oneOf.isEmpty || schema.enumValues != nil
        if let reference = schema.reference, !hasShape, schema.allOf.isEmpty { return (reference, false) }
        if schema.reference == nil, !hasShape, schema.allOf.count == 1, let reference = schema.allOf[0].reference {
            return (reference, true)
        }
        return nil
    }

    /// Reports each loop of references with no concrete schema on it once, at the `$ref` of its first member,
    /// and breaks it there: that member becomes a schema that says nothing, so every member is an untyped value.
    mutating func checkAliasLoops(_ context: ParseContext) {
        var reported: Set<Int> = []
        for start in schemas.indices where !reported.contains(start) {
            var chain: [Int] = [start]
            var current = start
            while let (reference, _) = Self.aliasTarget(schemas[current].schema), let next = index[reference.target] {
                if let loopStart = chain.firstIndex(of: next) {
                    let loop = Array(chain[loopStart...])
                    if loop.contains(where: reported.contains) { break }
                    reported.formUnion(loop)
                    let first = loop.min()!
                    let names = (loop.drop { $0 != first } + loop.prefix { $0 != first } + [first]).map { schemas[$0].reference.text }
                    let named = schemas[first]
                    let (refNode, refPath) = Self.refNode(nodes[first], viaAllOf: Self.aliasTarget(named.schema)?.viaAllOf ?? false)
                    var cursor = Cursor(file: named.reference.file, path: JSONPath(named.reference.pointer))
                    for component in refPath { cursor = cursor / component }
                    context.defect("reference loop with no concrete schema: \(names.joined(separator: " → ")); '\(named.name)' is left untyped (JSONValue)", cursor, at: refNode?.location ?? named.schema.source.location)
                    schemas[first].schema = Schema(source: named.schema.source)
                    break
                }
                chain.append(next)
                current = next
            }
        }
    }

    private static func refNode(_ node: YAMLNode, viaAllOf: Bool) -> (YAMLNode?, [String]) {
        if viaAllOf {
            guard case .sequence(let allOf) = node.mapping?.value("allOf"), let first = allOf.items.first else { return (nil, []) }
            return (first.mapping?.refEntry?.value, ["allOf", "0", "$ref"])
        }
        return (node.mapping?.refEntry?.value, ["$ref"])
    }
}
