/// Objects that references reach outside the parts of the root the conversion rebuilds: in other files, or in
/// a part of the root copied as written. Each is converted where it lies, so every reference to it, whatever
/// its spelling, still resolves; a reference cannot bring a node into another file's tree, where its
/// position would be read as one in the wrong file.
extension Swagger2Converter {
    enum InPlaceKind {
        case schema
        case parameter
        case response(produces: [String])
        /// A path item, under the path that first referred to it.
        case pathItem(path: String)
        /// A `formData` parameter, as the schema of its form field.
        case formField
    }

    struct PendingConversion {
        var target: Reference.Target
        var kind: InPlaceKind
    }

    /// Objects converted where they are, by file: a trie over pointers, with the node that replaces the one
    /// written there.
    final class Replacements {
        var node: YAMLNode?
        var children: [String: Replacements] = [:]

        func insert(_ node: YAMLNode, at pointer: ArraySlice<String>) {
            guard let first = pointer.first else {
                self.node = node
                return
            }
            let child = children[first] ?? Replacements()
            children[first] = child
            child.insert(node, at: pointer.dropFirst())
        }

        /// `tree` with every replacement made, rebuilt in one pass. A replacement inside another is already
        /// part of it: both were converted from the same nodes.
        func applied(to tree: YAMLNode) -> YAMLNode {
            if let node { return node }
            switch tree {
            case .mapping(var mapping):
                for index in mapping.entries.indices {
                    if let child = children[mapping.entries[index].key] {
                        mapping.entries[index].value = child.applied(to: mapping.entries[index].value)
                    }
                }
                return .mapping(mapping)
            case .sequence(var sequence):
                for (key, child) in children {
                    if let index = Int(key), sequence.items.indices.contains(index) {
                        sequence.items[index] = child.applied(to: sequence.items[index])
                    }
                }
                return .sequence(sequence)
            case .scalar:
                return tree
            }
        }
    }

    /// Asks for the object at `target` to be converted where it is; the first kind asked for wins.
    func enqueue(_ target: Reference.Target, _ kind: InPlaceKind) {
        guard queued.insert(target).inserted else { return }
        pending.append(PendingConversion(target: target, kind: kind))
    }

    /// Converts every object asked for, including those that converting one asks for.
    func convertPending() {
        var next = 0
        while next < pending.count {
            let item = pending[next]
            next += 1
            guard let fileRoot = context.files[item.target.file] ?? nil,
                  case .found(let node) = context.walk(item.target, in: fileRoot) else { continue }
            let cursor = Cursor(file: item.target.file, path: JSONPath(item.target.pointer))
            let converted: YAMLNode?
            switch item.kind {
            case .schema:
                converted = schema(node, cursor)
            case .parameter:
                converted = resolveObject(node, cursor, what: "parameter").flatMap { readParameter($0) }.map { parameter(of: $0, placedAt: cursor) }
            case .response(let produces):
                converted = response(node, cursor, produces: produces, placedAt: cursor)
            case .pathItem(let path):
                converted = pathItem(path, node, cursor)
            case .formField:
                converted = resolveObject(node, cursor, what: "parameter").flatMap { readParameter($0) }.map { formField($0, placedAt: cursor) }
            }
            guard let converted else { continue }
            let replacements = self.replacements[item.target.file] ?? Replacements()
            self.replacements[item.target.file] = replacements
            replacements.insert(converted, at: item.target.pointer[...])
        }
    }

    /// Hands the converted trees to the parser in place of those written, and forgets what was resolved in
    /// the written ones.
    func install(root converted: YAMLNode) {
        for (file, replacements) in replacements where file != rootFile {
            guard let written = context.files[file] ?? nil else { continue }
            context.files[file] = .some(replacements.applied(to: written))
        }
        context.files[rootFile] = .some(replacements[rootFile]?.applied(to: converted) ?? converted)
        context.resolvedNodes = [:]
        context.mappingIndexes = [:]
    }
}
