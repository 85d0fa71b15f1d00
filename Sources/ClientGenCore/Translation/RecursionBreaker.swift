/// A struct that contains itself, directly or through other structs, has no finite size. Such properties
/// are stored behind `@Indirect`, and enums on such a cycle become `indirect`. Arrays and dictionaries already
/// store their elements out of line, so only direct and optional properties count.
enum RecursionBreaker {
    static func breakCycles(in declarations: [Declaration]) -> [Declaration] {
        var aliases: [String: SwiftType] = [:]
        for case .alias(let alias) in declarations {
            aliases[alias.name] = alias.target
        }
        /// The declared type a property or case holds directly (through aliases and `Optional`), if any.
        func target(_ type: SwiftType) -> String? {
            var current = type.unwrapped
            var hops = 0
            while case .declared(let name) = current, let next = aliases[name], hops < 32 {
                current = next
                hops += 1
            }
            if case .declared(let name) = current { return name }
            return nil
        }

        var edges: [String: [String]] = [:]
        for declaration in declarations {
            switch declaration {
            case .structure(let structure):
                edges[structure.name] = structure.properties.compactMap { target($0.type) }
            case .union(let union):
                edges[union.name] = union.cases.compactMap { target($0.type) }
            case .enumeration, .alias, .form, .output:
                break
            }
        }
        let components = StronglyConnected.components(of: edges)

        return declarations.map { declaration in
            switch declaration {
            case .structure(var structure):
                guard let component = components[structure.name] else { return declaration }
                var taken = Set(structure.properties.flatMap { [$0.name] + ($0.storageName.map { [$0] } ?? []) })
                for index in structure.properties.indices {
                    if let name = target(structure.properties[index].type), components[name] == component {
                        storeIndirectly(&structure.properties[index], taken: &taken)
                    }
                }
                return .structure(structure)
            case .union(var union):
                guard let component = components[union.name] else { return declaration }
                union.indirect = union.cases.contains { target($0.type).map { components[$0] == component } ?? false }
                return .union(union)
            case .enumeration, .alias, .form, .output:
                return declaration
            }
        }
    }

    /// The property lives in an `Indirect` box behind a private stored property. `@Indirect` would say the same,
    /// but a property wrapper in a `nonisolated` struct does not compile under MainActor default isolation.
    private static func storeIndirectly(_ property: inout PropertyModel, taken: inout Set<String>) {
        if property.storageName == nil {
            let base = "_" + property.name
            var storage = base
            var suffix = 2
            while !taken.insert(storage).inserted {
                storage = base + String(suffix)
                suffix += 1
            }
            property.storageName = storage
        }
        property.indirect = true
    }
}

/// Tarjan's algorithm, iterative so that long chains of types cannot overflow the stack. Maps each node on a
/// cycle to the number of its component; nodes on no cycle are absent.
enum StronglyConnected {
    static func components(of edges: [String: [String]]) -> [String: Int] {
        var index = 0
        var indices: [String: Int] = [:]
        var lowLinks: [String: Int] = [:]
        var onStack: Set<String> = []
        var stack: [String] = []
        var result: [String: Int] = [:]
        var componentNumber = 0

        for root in edges.keys.sorted() where indices[root] == nil {
            var work: [(node: String, next: Int)] = [(root, 0)]
            indices[root] = index
            lowLinks[root] = index
            index += 1
            stack.append(root)
            onStack.insert(root)
            while let (node, next) = work.last {
                let successors = edges[node] ?? []
                if next < successors.count {
                    work[work.count - 1].next += 1
                    let successor = successors[next]
                    guard edges[successor] != nil else { continue }
                    if indices[successor] == nil {
                        indices[successor] = index
                        lowLinks[successor] = index
                        index += 1
                        stack.append(successor)
                        onStack.insert(successor)
                        work.append((successor, 0))
                    } else if onStack.contains(successor) {
                        lowLinks[node] = min(lowLinks[node]!, indices[successor]!)
                    }
                    continue
                }
                work.removeLast()
                if let parent = work.last {
                    lowLinks[parent.node] = min(lowLinks[parent.node]!, lowLinks[node]!)
                }
                guard lowLinks[node] == indices[node] else { continue }
                var members: [String] = []
                while let member = stack.popLast() {
                    onStack.remove(member)
                    members.append(member)
                    if member == node { break }
                }
                let selfLoop = (edges[node] ?? []).contains(node)
                if members.count > 1 || selfLoop {
                    for member in members { result[member] = componentNumber }
                    componentNumber += 1
                }
            }
        }
        return result
    }
}
