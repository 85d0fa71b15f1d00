/// `$ref` resolution: splitting the text into file and JSON pointer, loading files through the source provider,
/// and walking pointers, all cached so each file is read once and each pointer walked once.
extension ParseContext {
    /// Resolves a `$ref` written at `refNode` (the value of the `$ref` key) inside the object at `cursor`.
    /// Reports a malformed reference, an unreadable file or a pointer to nothing at the `$ref`, ending with
    /// `unresolved`, what the element is without it, and returns nil.
    func resolve(_ refNode: YAMLNode, from cursor: Cursor, unresolved: String) -> (reference: Reference, node: YAMLNode)? {
        let refCursor = cursor / "$ref"
        guard case .scalar(let scalar) = refNode, !scalar.isNull, !scalar.value.isEmpty else {
            // '' would name the whole document it is written in, which is never the schema or object meant.
            let problem = refNode.scalar == nil ? "expected a string, found \(refNode.kindDescription)" : "$ref is empty"
            defect("\(problem); \(unresolved)", refCursor, at: refNode.location)
            return nil
        }
        let text = scalar.value
        guard let reference = reference(text, from: cursor.file, refCursor, at: refNode.location, unresolved: unresolved) else { return nil }
        guard let root = file(named: reference.file, for: reference.text, refCursor, at: refNode.location) else { return nil }
        switch walk(reference.target, in: root) {
        case .found(let node):
            return (reference, node)
        case .missing(let depth):
            defect("\(Self.dangling(reference, depth: depth, from: cursor.file)); \(unresolved)", refCursor, at: refNode.location)
            return nil
        }
    }

    /// Splits `common.yaml#/components/schemas/Error` into the file it names (resolved against the referring
    /// file) and the decoded pointer.
    func reference(_ text: String, from file: String, _ cursor: Cursor, at location: SourceLocation, unresolved: String) -> Reference? {
        // Large specs write the same few thousand references tens of thousands of times.
        let key = file + "\u{0}" + text
        if let known = references[key] { return known }
        switch parseReference(text, from: file) {
        case .success(let reference):
            references[key] = reference
            return reference
        case .failure(let problem):
            defect("\(problem.message); \(unresolved)", cursor, at: location)
            return nil
        }
    }

    /// What to say of a reference whose pointer names nothing from the component at `depth` on.
    static func dangling(_ reference: Reference, depth: Int, from file: String) -> String {
        let parent = "#" + reference.pointer.prefix(depth).map { "/" + JSONPath.escape($0) }.joined()
        let inFile = reference.file == file ? "" : " in \(reference.file)"
        return "dangling reference '\(reference.text)': no '\(reference.pointer[depth])' under \(parent)\(inFile)"
    }


    /// The reference `text` written in `file` names, loading the file it points into; what is wrong with it
    /// otherwise, for the caller to report as an error or, where the defect is local, a warning.
    func parseReference(_ text: String, from file: String) -> Result<Reference, ReferenceProblem> {
        let filePart: Substring
        let fragment: Substring?
        if let hash = text.firstIndex(of: "#") {
            filePart = text[..<hash]
            fragment = text[text.index(after: hash)...]
        } else {
            filePart = Substring(text)
            fragment = nil
        }
        if filePart.utf8.firstRange(of: "://".utf8) != nil {
            return .failure(.remote(text))
        }
        var targetFile = file
        if !filePart.isEmpty {
            guard let decoded = Self.percentDecode(filePart) else {
                return .failure(.badFileEncoding(text))
            }
            switch loadName(decoded, relativeTo: file) {
            case .success(let name):
                targetFile = name
            case .failure(let failure):
                return .failure(.unreadable(decoded, reason: failure.reason))
            }
        }
        var pointer: [String] = []
        if let fragment, !fragment.isEmpty {
            guard let decoded = Self.percentDecode(fragment) else {
                return .failure(.badPointerEncoding(text))
            }
            guard decoded.hasPrefix("/") else {
                return .failure(.pointerWithoutSlash(text))
            }
            for component in decoded.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
                guard let unescaped = Self.unescape(component) else {
                    return .failure(.badTilde(text))
                }
                pointer.append(unescaped)
            }
        }
        return .success(Reference(file: targetFile, pointer: pointer, text: text))
    }

    /// The provider's name for `path` as written in `file`, asking the provider once per spelling.
    func loadName(_ path: String, relativeTo file: String) -> Result<String, SourceProviderError> {
        let key = file + "\u{0}" + path
        if let known = fileNames[key] { return known }
        let result: Result<String, SourceProviderError>
        do {
            let source = try provider.load(path, relativeTo: file)
            if files[source.name] == nil {
                let root = loader.load(bytes: source.bytes, file: source.name, diagnostics: diagnostics)
                if root == nil { hasErrors = true }
                files[source.name] = .some(root)
            }
            result = .success(source.name)
        } catch let failure as SourceProviderError {
            result = .failure(failure)
        } catch {
            result = .failure(SourceProviderError(path: path, reason: "\(error)"))
        }
        fileNames[key] = result
        return result
    }

    /// The root node of a loaded file; nil (already reported) when it did not load.
    private func file(named name: String, for text: String, _ cursor: Cursor, at location: SourceLocation) -> YAMLNode? {
        guard let entry = files[name] else {
            error("cannot read '\(name)' referenced here", cursor, at: location)
            return nil
        }
        return entry
    }

    enum WalkResult {
        case found(YAMLNode)
        /// The pointer component at this index names nothing.
        case missing(Int)
    }

    /// Follows a pointer from a file's root. Large mappings get a key index the first time they are walked
    /// through, so resolving thousands of `#/components/schemas/X` stays linear.
    func walk(_ target: Reference.Target, in root: YAMLNode) -> WalkResult {
        if let node = resolvedNodes[target] { return .found(node) }
        var node = root
        for (depth, component) in target.pointer.enumerated() {
            var next: YAMLNode?
            switch node {
            case .mapping(let mapping):
                if mapping.entries.count > 16 {
                    let prefix = Reference.Target(file: target.file, pointer: Array(target.pointer.prefix(depth)))
                    let index: [String: Int]
                    if let known = mappingIndexes[prefix] {
                        index = known
                    } else {
                        var built: [String: Int] = [:]
                        built.reserveCapacity(mapping.entries.count)
                        for (position, entry) in mapping.entries.enumerated() { built[entry.key] = position }
                        mappingIndexes[prefix] = built
                        index = built
                    }
                    next = index[component].map { mapping.entries[$0].value }
                } else {
                    next = mapping.value(component)
                }
            case .sequence(let sequence):
                if let position = Int(component), sequence.items.indices.contains(position) {
                    next = sequence.items[position]
                }
            case .scalar:
                next = nil
            }
            guard let found = next else { return .missing(depth) }
            node = found
        }
        resolvedNodes[target] = node
        return .found(node)
    }

    /// Follows a chain of reference objects (`$ref` to a `$ref` …) to the object itself, with the cursor of the
    /// place it was written. Reports loops and dangling references.
    func followReferences(_ node: YAMLNode, _ cursor: Cursor, unresolved: String) -> (node: YAMLNode, cursor: Cursor, viaReference: Bool)? {
        var node = node
        var cursor = cursor
        var chain: [Reference.Target] = [cursor.target]
        var viaReference = false
        while case .mapping(let mapping) = node, let ref = mapping.refEntry {
            guard let (reference, target) = resolve(ref.value, from: cursor, unresolved: unresolved) else { return nil }
            if let start = chain.firstIndex(of: reference.target) {
                // Report each loop once, whichever of its members the parse reached first.
                if reportedLoops.insert(Set(chain[start...])).inserted {
                    let loop = (chain[start...] + [reference.target]).map { describe($0, from: cursor.file) }
                    defect("reference loop: \(loop.joined(separator: " → ")) never reaches a definition; \(unresolved)", cursor / "$ref", at: ref.value.location)
                }
                return nil
            }
            chain.append(reference.target)
            node = target
            cursor = Cursor(file: reference.file, path: JSONPath(reference.pointer))
            viaReference = true
        }
        return (node, cursor, viaReference)
    }

    /// A target as a reference written in `file` would spell it.
    func describe(_ target: Reference.Target, from file: String) -> String {
        let pointer = "#" + target.pointer.map { "/" + JSONPath.escape($0) }.joined()
        return target.file == file ? pointer : target.file + pointer
    }

    static func unescape(_ component: Substring) -> String? {
        guard component.utf8.contains(UInt8(ascii: "~")) else { return String(component) }
        var result = ""
        var iterator = component.makeIterator()
        while let character = iterator.next() {
            if character == "~" {
                switch iterator.next() {
                case "0": result.append("~")
                case "1": result.append("/")
                default: return nil
                }
            } else {
                result.append(character)
            }
        }
        return result
    }

    static func percentDecode(_ text: Substring) -> String? {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return String(text) }
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%") {
                guard utf8.count >= 2,
                      let high = hexValue(utf8.removeFirst()),
                      let low = hexValue(utf8.removeFirst()) else { return nil }
                bytes.append(high << 4 | low)
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

/// Why a `$ref`'s text names nothing that can be read, with the message every reader prints for it.
enum ReferenceProblem: Error {
    case remote(String)
    case badFileEncoding(String)
    case unreadable(String, reason: String)
    case badPointerEncoding(String)
    case pointerWithoutSlash(String)
    case badTilde(String)

    var message: String {
        switch self {
        case .remote(let text):
            "remote reference '\(text)' is not supported (save the file beside the spec and refer to it by a relative path)"
        case .badFileEncoding(let text):
            "malformed reference '\(text)': bad percent-encoding in the file name"
        case .unreadable(let file, let reason):
            "cannot read '\(file)' referenced here (\(reason))"
        case .badPointerEncoding(let text):
            "malformed JSON pointer in '\(text)': bad percent-encoding"
        case .pointerWithoutSlash(let text):
            "malformed JSON pointer in '\(text)': a pointer after '#' must start with '/'"
        case .badTilde(let text):
            "malformed JSON pointer in '\(text)': '~' must be followed by 0 or 1"
        }
    }
}
