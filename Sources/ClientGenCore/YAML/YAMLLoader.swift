import CLibYAML

/// Reads YAML 1.2 (and so JSON) through libyaml's event API into a `YAMLNode` tree.
///
/// The tree is built with an explicit stack rather than recursion, so a deeply nested file is reported, not a
/// crashed stack. Anchors resolve by sharing the anchored subtree; the nodes an alias adds are counted so that an
/// alias bomb ("billion laughs") is an error instead of a hang.
public struct YAMLLoader: Sendable {
    /// Deeper than any real spec nests; later stages recurse over the tree, so this also bounds their stacks.
    public var maxDepth = 256
    /// Nodes that aliases may add on top of the ones written out.
    public var maxAliasExpansion = 1_000_000

    public init() {}

    /// The tree of one YAML document, or nil after reporting why it could not be read.
    public func load(_ text: String, file: String, diagnostics: DiagnosticCollector) -> YAMLNode? {
        load(bytes: Array(text.utf8), file: file, diagnostics: diagnostics)
    }

    /// Repairs of lines YAML allows and libyaml rejects, each costing a parse from the start.
    public var maxRepairs = 64

    public func load(bytes: [UInt8], file: String, diagnostics: DiagnosticCollector) -> YAMLNode? {
        var input = bytes
        var notes: [Diagnostic] = []
        while true {
            switch parse(input, file: file, defectSeverity: diagnostics.defectSeverity) {
            case .success(let (root, defects)):
                notes.forEach(diagnostics.emit)
                defects.forEach(diagnostics.emit)
                return root
            case .failure(let failure):
                if notes.count < maxRepairs, let repair = failure.repair, let repaired = repair.repaired(input) {
                    input = repaired
                    notes.append(repair.note(file: file))
                    continue
                }
                diagnostics.emit(failure.diagnostic)
                return nil
            }
        }
    }

    private func parse(_ bytes: [UInt8], file: String, defectSeverity: Diagnostic.Severity) -> Result<(YAMLNode, [Diagnostic]), YAMLFailure> {
        var builder = TreeBuilder(file: file, maxDepth: maxDepth, maxAliasExpansion: maxAliasExpansion, defectSeverity: defectSeverity)
        return bytes.withUnsafeBufferPointer { buffer in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else {
                return .failure(YAMLFailure(Diagnostic(.error, "could not start the YAML parser", file: file, location: nil)))
            }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_input_string(&parser, buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!, buffer.count)
            return builder.run(&parser, bytes: buffer)
        }
    }
}

/// Why libyaml or the tree builder stopped: one error, since nothing after a syntax error can be trusted, and the
/// repair that lets libyaml read on when the text is YAML it wrongly rejects.
private struct YAMLFailure: Error {
    var diagnostic: Diagnostic
    var repair: BlockScalarTabRepair?

    init(_ diagnostic: Diagnostic, repair: BlockScalarTabRepair? = nil) {
        self.diagnostic = diagnostic
        self.repair = repair
    }
}

private struct TreeBuilder {
    let file: String
    let maxDepth: Int
    let maxAliasExpansion: Int

    /// Open collections are classes so that adding to the innermost one appends in place: with value types,
    /// the copy a `switch` binds keeps the array shared and every append copies it, which is quadratic in
    /// the size of a mapping (hundreds of thousands of schemas in a 50 MB spec).
    private enum Frame {
        case sequence(SequenceFrame)
        case mapping(MappingFrame)
    }

    private final class SequenceFrame {
        var items: [YAMLNode] = []
        var weight = 1
        let location: SourceLocation
        let anchor: String?

        init(location: SourceLocation, anchor: String?) {
            self.location = location
            self.anchor = anchor
        }
    }

    private final class MappingFrame {
        var entries: [YAMLMapping.Entry] = []
        var keyIndex: [String: Int] = [:]
        /// Keys that came from a merge (`<<`); a key written out later replaces them instead of clashing.
        var mergedKeys: Set<String> = []
        var pendingKey: YAMLScalar?
        var weight = 1
        let location: SourceLocation
        let anchor: String?

        init(location: SourceLocation, anchor: String?) {
            self.location = location
            self.anchor = anchor
        }
    }

    private var stack: [Frame] = []
    private var anchors: [String: (node: YAMLNode, weight: Int)] = [:]
    private var openAnchors: Set<String> = []
    private var aliasExpansion = 0
    private var root: YAMLNode?
    private var documents = 0

    /// Duplicate keys: YAML forbids them, but PyYAML, JSON parsers and most tools take the later value, and a
    /// spec should not be refused for a key written twice.
    let defectSeverity: Diagnostic.Severity
    private(set) var defects: [Diagnostic] = []

    init(file: String, maxDepth: Int, maxAliasExpansion: Int, defectSeverity: Diagnostic.Severity) {
        self.file = file
        self.maxDepth = maxDepth
        self.maxAliasExpansion = maxAliasExpansion
        self.defectSeverity = defectSeverity
    }

    private func failure(_ message: String, at location: SourceLocation?) -> YAMLFailure {
        YAMLFailure(Diagnostic(.error, message, file: file, location: location))
    }

    mutating func run(_ parser: inout yaml_parser_t, bytes: UnsafeBufferPointer<UInt8>) -> Result<(YAMLNode, [Diagnostic]), YAMLFailure> {
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else {
                return .failure(syntaxError(parser, bytes: bytes))
            }
            defer { yaml_event_delete(&event) }
            let location = SourceLocation(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
            do throws(YAMLFailure) {
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    guard let root else { return .failure(failure("the file is empty; expected an OpenAPI document", at: SourceLocation(line: 1, column: 1))) }
                    return .success((root, defects))
                case YAML_DOCUMENT_START_EVENT:
                    documents += 1
                    if documents > 1 {
                        return .failure(failure("the file holds more than one YAML document; a spec is a single document", at: location))
                    }
                case YAML_SCALAR_EVENT:
                    let data = event.data.scalar
                    let value = String(decoding: UnsafeBufferPointer(start: data.value, count: Int(data.length)), as: UTF8.self)
                    let scalar = YAMLScalar(value, style: Self.style(data.style), tag: Self.tag(data.tag, implicit: data.plain_implicit == 1 || data.quoted_implicit == 1), location: location)
                    try add(.scalar(scalar), weight: 1, anchor: Self.string(data.anchor))
                case YAML_SEQUENCE_START_EVENT:
                    try push(.sequence(SequenceFrame(location: location, anchor: Self.string(event.data.sequence_start.anchor))), at: location)
                case YAML_MAPPING_START_EVENT:
                    try push(.mapping(MappingFrame(location: location, anchor: Self.string(event.data.mapping_start.anchor))), at: location)
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    try pop()
                case YAML_ALIAS_EVENT:
                    let name = Self.string(event.data.alias.anchor) ?? ""
                    guard let anchored = anchors[name] else {
                        if openAnchors.contains(name) {
                            throw failure("alias '*\(name)' refers to a node that contains it", at: location)
                        }
                        throw failure("alias '*\(name)' refers to no anchor '&\(name)' defined before it", at: location)
                    }
                    aliasExpansion += anchored.weight
                    if aliasExpansion > maxAliasExpansion {
                        throw failure("aliases expand to more than \(maxAliasExpansion) nodes; refusing a possible alias bomb", at: location)
                    }
                    try add(anchored.node, weight: anchored.weight, anchor: nil)
                default:
                    break
                }
            } catch {
                return .failure(error)
            }
        }
    }

    private mutating func push(_ frame: Frame, at location: SourceLocation) throws(YAMLFailure) {
        if stack.count >= maxDepth {
            throw failure("nesting deeper than \(maxDepth) levels", at: location)
        }
        let anchor: String? = switch frame {
        case .sequence(let sequence): sequence.anchor
        case .mapping(let mapping): mapping.anchor
        }
        if let anchor { openAnchors.insert(anchor) }
        stack.append(frame)
    }

    private mutating func pop() throws(YAMLFailure) {
        guard let frame = stack.popLast() else { return }
        switch frame {
        case .sequence(let sequence):
            try add(.sequence(YAMLSequence(items: sequence.items, location: sequence.location)), weight: sequence.weight, anchor: sequence.anchor)
        case .mapping(let mapping):
            if let key = mapping.pendingKey {
                throw failure("key '\(key.value)' has no value", at: key.location)
            }
            try add(.mapping(YAMLMapping(entries: mapping.entries, location: mapping.location)), weight: mapping.weight, anchor: mapping.anchor)
        }
    }

    private mutating func add(_ node: YAMLNode, weight: Int, anchor: String?) throws(YAMLFailure) {
        if let anchor {
            anchors[anchor] = (node, weight)
            openAnchors.remove(anchor)
        }
        guard let top = stack.last else {
            root = node
            return
        }
        switch top {
        case .sequence(let sequence):
            sequence.items.append(node)
            sequence.weight += weight
        case .mapping(let mapping):
            guard let key = mapping.pendingKey else {
                guard case .scalar(let scalar) = node else {
                    throw failure("a mapping key must be a plain value, not \(node.kindDescription)", at: node.location)
                }
                mapping.pendingKey = scalar
                return
            }
            mapping.pendingKey = nil
            mapping.weight += weight
            if key.value == "<<", key.style == .plain {
                merge(node, into: mapping)
                return
            }
            if let first = mapping.keyIndex[key.value], mapping.mergedKeys.remove(key.value) != nil {
                mapping.entries[first] = YAMLMapping.Entry(key: key.value, keyLocation: key.location, value: node)
                return
            }
            if let first = mapping.keyIndex[key.value] {
                let firstLocation = mapping.entries[first].keyLocation
                defects.append(Diagnostic(defectSeverity, "duplicate key '\(key.value)' (first defined at \(firstLocation)); the later value is used", file: file, location: key.location))
                mapping.entries[first] = YAMLMapping.Entry(key: key.value, keyLocation: key.location, value: node)
                return
            }
            mapping.keyIndex[key.value] = mapping.entries.count
            mapping.entries.append(YAMLMapping.Entry(key: key.value, keyLocation: key.location, value: node))
        }
    }

    /// YAML merge keys (`<<: *defaults`): keys written in the mapping itself win over merged ones.
    private func merge(_ node: YAMLNode, into mapping: MappingFrame) {
        let sources: [YAMLMapping] = switch node {
        case .mapping(let source): [source]
        case .sequence(let sequence): sequence.items.compactMap(\.mapping)
        case .scalar: []
        }
        for source in sources {
            for entry in source.entries where mapping.keyIndex[entry.key] == nil {
                mapping.keyIndex[entry.key] = mapping.entries.count
                mapping.mergedKeys.insert(entry.key)
                mapping.entries.append(entry)
            }
        }
    }

    private func syntaxError(_ parser: yaml_parser_t, bytes: UnsafeBufferPointer<UInt8>) -> YAMLFailure {
        let problem = parser.problem.map { String(cString: $0) } ?? "malformed YAML"
        if parser.error == YAML_READER_ERROR {
            let location = Self.location(ofByte: Int(parser.problem_offset), in: bytes)
            let message = problem.contains("UTF") || problem.contains("octet")
                ? "the file is not valid UTF-8 or UTF-16 text (\(problem))"
                : "the file cannot be read as text (\(problem))"
            return failure(message, at: location)
        }
        let mark = parser.problem_mark
        let location = SourceLocation(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
        var message = "YAML syntax error: "
        if let context = parser.context.map({ String(cString: $0) }) {
            let contextMark = parser.context_mark
            let contextLocation = SourceLocation(line: Int(contextMark.line) + 1, column: Int(contextMark.column) + 1)
            message += "\(problem) \(context) that starts at \(contextLocation)"
        } else {
            message += problem
        }
        if problem.contains("tab character") || (problem.contains("cannot start any token") && Self.isTab(at: mark, in: bytes)) {
            message += " (tabs cannot indent YAML; use spaces)"
        }
        var repair: BlockScalarTabRepair?
        if problem == "found a tab character where an indentation space is expected", parser.context.map({ String(cString: $0) }) == "while scanning a block scalar" {
            repair = BlockScalarTabRepair(
                tabLine: Int(mark.line), tabColumn: Int(mark.column),
                headerLine: Int(parser.context_mark.line), headerColumn: Int(parser.context_mark.column),
                parentIndent: Int(parser.indent)
            )
        }
        return YAMLFailure(Diagnostic(.error, message, file: file, location: location), repair: repair)
    }

    /// libyaml's index counts characters; the bytes are UTF-8, so the byte is found from the line and column.
    private static func isTab(at mark: yaml_mark_t, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var line = 0
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while line < Int(mark.line), index < bytes.count {
            if bytes[index] == UInt8(ascii: "\n") { line += 1 }
            index += 1
        }
        var column = 0
        while column < Int(mark.column), index < bytes.count {
            index += 1
            while index < bytes.count, bytes[index] & 0xC0 == 0x80 { index += 1 }
            column += 1
        }
        return index < bytes.count && bytes[index] == UInt8(ascii: "\t")
    }

    /// libyaml reports reader errors as a byte offset only.
    private static func location(ofByte offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> SourceLocation {
        var line = 1
        var column = 1
        for byte in bytes.prefix(offset) {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return SourceLocation(line: line, column: column)
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
    }

    private static func tag(_ pointer: UnsafeMutablePointer<yaml_char_t>?, implicit: Bool) -> String? {
        guard let tag = string(pointer), tag != "!" else { return nil }
        return tag
    }

    private static func style(_ style: yaml_scalar_style_t) -> YAMLScalar.Style {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }
}
