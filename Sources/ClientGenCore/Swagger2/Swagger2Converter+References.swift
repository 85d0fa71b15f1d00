/// References. Parameters, responses and path items are followed here, because what a Swagger parameter
/// becomes depends on what it is (a body parameter is no parameter in OpenAPI 3); schema references are left
/// for the parser, pointed at where the conversion put their targets. A reference that names nothing is a
/// defect of the one object holding it: a warning, and the object is dropped or its schema left untyped.
extension Swagger2Converter {
    /// A parameter, response or path item as written, wherever its references lead.
    struct ResolvedObject {
        var mapping: YAMLMapping
        /// Where the object is written.
        var cursor: Cursor
    }

    /// Follows `$ref`s from `node` to an object; `what` names it in the warning when there is none.
    func resolveObject(_ node: YAMLNode, _ cursor: Cursor, what: String) -> ResolvedObject? {
        var node = node
        var cursor = cursor
        var seen: Set<Reference.Target> = [cursor.target]
        while case .mapping(let mapping) = node, let ref = mapping.refEntry {
            guard let (reference, target) = context.resolve(ref.value, from: cursor, unresolved: "the \(what) is dropped") else { return nil }
            guard seen.insert(reference.target).inserted else {
                context.defect("reference loop through '\(reference.text)' never reaches a \(what); the \(what) is dropped", cursor / "$ref", at: ref.value.location)
                return nil
            }
            node = target
            cursor = Cursor(file: reference.file, path: JSONPath(reference.pointer))
        }
        guard case .mapping(let mapping) = node else {
            context.defect("expected a \(what) (a mapping), found \(node.kindDescription); the \(what) is dropped", cursor, at: node.location)
            return nil
        }
        return ResolvedObject(mapping: mapping, cursor: cursor)
    }

    /// The new value of a schema's `$ref`: the text as written when the target stays where it is, else a
    /// reference to where the conversion put it. Nil, after a warning, when it names nothing.
    func schemaReference(_ refNode: YAMLNode, _ cursor: Cursor) -> YAMLNode? {
        guard let reference = reference(refNode, cursor, dropping: "the schema is left untyped") else { return nil }
        guard let target = placement(ofSchema: reference.target) else {
            enqueue(reference.target, .schema)
            return refNode
        }
        return .text(referenceText(to: target, from: cursor.file), at: refNode.location)
    }

    /// A reference to a schema written in another file than `cursor`'s, or nil when there is nothing there.
    func schemaReference(to written: Cursor, from cursor: Cursor, at location: SourceLocation) -> YAMLNode? {
        guard let fileRoot = context.files[written.file] ?? nil, case .found(let node) = context.walk(written.target, in: fileRoot) else { return nil }
        // A reference to a reference is the schema it names: no alias named after the place between.
        if case .mapping(let mapping) = node, let ref = mapping.refEntry {
            guard let inner = reference(ref.value, written, dropping: "the schema is left untyped") else { return nil }
            return .text(referenceText(to: placement(ofSchema: inner.target) ?? queued(inner.target), from: cursor.file), at: location)
        }
        return .text(referenceText(to: placement(ofSchema: written.target) ?? queued(written.target), from: cursor.file), at: location)
    }

    private func queued(_ target: Reference.Target) -> Reference.Target {
        enqueue(target, .schema)
        return target
    }

    /// The reference a `$ref` value names, with its file loaded and its pointer checked; nil after a warning
    /// ending in `consequence`.
    func reference(_ refNode: YAMLNode, _ cursor: Cursor, dropping consequence: String) -> Reference? {
        context.resolve(refNode, from: cursor, unresolved: consequence)?.reference
    }

    /// Where the conversion puts the schema written at `target`, or nil when it stays where it is (another
    /// file, or a part of the root that is copied as written), which then needs converting in place.
    func placement(ofSchema target: Reference.Target) -> Reference.Target? {
        guard target.file == rootFile, let section = target.pointer.first else { return nil }
        let pointer = target.pointer
        func moved(_ prefix: [String], keeping from: Int) -> Reference.Target {
            Reference.Target(file: rootFile, pointer: prefix + pointer.dropFirst(from))
        }
        switch section {
        case "definitions":
            return moved(["components", "schemas"], keeping: 1)
        case "parameters" where pointer.count >= 3 && pointer[2] == "schema":
            // Only a body parameter has a schema; it became a request body.
            return moved(["components", "requestBodies", pointer[1], "content", documentMedia.consumes[0], "schema"], keeping: 3)
        case "responses" where pointer.count >= 3 && pointer[2] == "schema":
            return moved(["components", "responses", pointer[1], "content", documentMedia.produces[0], "schema"], keeping: 3)
        case "paths" where pointer.count >= 6 && pointer[5] == "schema":
            let operationCursor = Cursor(file: rootFile, path: JSONPath(Array(pointer.prefix(3))))
            guard let paths = root.value("paths")?.mapping, let item = paths.value(pointer[1])?.mapping,
                  let operation = item.value(pointer[2])?.mapping else { return nil }
            let media = media(of: operation, operationCursor, reporting: false)
            if pointer[3] == "responses" {
                return moved(Array(pointer.prefix(5)) + ["content", media.produces[0], "schema"], keeping: 6)
            }
            if pointer[3] == "parameters" {
                return moved(Array(pointer.prefix(3)) + ["requestBody", "content", media.consumes[0], "schema"], keeping: 6)
            }
            return nil
        default:
            return nil
        }
    }

    /// A `$ref` from `file` to `target`.
    func referenceText(to target: Reference.Target, from file: String) -> String {
        var text = ""
        if target.file != file {
            text = Self.percentEscaped(SourcePath.relative(target.file, from: file), also: "#")
        }
        text += "#"
        for component in target.pointer {
            text += "/" + Self.percentEscaped(JSONPath.escape(component), also: nil)
        }
        return text
    }

    /// The parser percent-decodes a reference, so a `%` written in a name must be written `%25`.
    private static func percentEscaped(_ text: String, also special: Character?) -> String {
        guard text.contains(where: { $0 == "%" || $0 == special }) else { return text }
        var result = ""
        for character in text {
            switch character {
            case "%": result += "%25"
            case "#" where special == "#": result += "%23"
            default: result.append(character)
            }
        }
        return result
    }

    /// The move of a subtree the conversion put somewhere else in the same file, for diagnostics to name.
    func relocate(_ converted: Cursor, from written: Cursor) {
        guard converted.file == written.file else { return }
        context.relocations.record(file: converted.file, converted: converted.path.components, original: written.path.components)
    }
}
