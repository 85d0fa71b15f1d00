/// Where the parts of a document that a conversion moved were written, so that a diagnostic names the pointer
/// the user wrote (`#/definitions/Pet/properties/id`) rather than the one of the converted tree it was read from
/// (`#/components/schemas/Pet/properties/id`). Empty for OpenAPI 3 input, which is read as written.
struct PathRelocations {
    /// A trie over converted pointers: a node with `original` set maps its whole subtree.
    private final class Node {
        var children: [String: Node] = [:]
        var original: [String]?
    }

    private var roots: [String: Node] = [:]

    var isEmpty: Bool { roots.isEmpty }

    /// Everything at or below `converted` in `file` was written at or below `original`.
    mutating func record(file: String, converted: [String], original: [String]) {
        guard converted != original else { return }
        let root: Node
        if let known = roots[file] {
            root = known
        } else {
            root = Node()
            roots[file] = root
        }
        var node = root
        for component in converted {
            if let child = node.children[component] {
                node = child
            } else {
                let child = Node()
                node.children[component] = child
                node = child
            }
        }
        node.original = original
    }

    /// The pointer as written, from the deepest recorded move that contains `path`.
    func original(of path: JSONPath, in file: String) -> JSONPath {
        guard var node = roots[file] else { return path }
        var best: (original: [String], depth: Int)?
        for (depth, component) in path.components.enumerated() {
            guard let child = node.children[component] else { break }
            node = child
            if let original = node.original { best = (original, depth + 1) }
        }
        guard let best else { return path }
        return JSONPath(best.original + path.components.dropFirst(best.depth))
    }
}
