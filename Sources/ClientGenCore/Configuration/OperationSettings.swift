/// What an operation's `x-clientgen-*` and `x-swift-name` extensions ask for, read and checked once by the
/// configure stage, wherever they were written (the spec, or the config for specs kept verbatim).
public struct ConfiguredOperation: Sendable {
    public var operation: Operation
    /// `x-swift-name`: the method's name.
    public var swiftName: String?
    public var pagination: PaginationSettings?
    public var wait: WaitSettings?
    public var rows: RowsSettings?
    public var flow: FlowSettings?
}

/// `x-clientgen-rows: {pointer: /result/rows}` or `{format: csv}`: a `<operation>Rows(...)` method that yields the
/// rows of a large result as they arrive (the elements of the array at the JSON pointer, or CSV records), in the
/// memory of a batch of rows.
public struct RowsSettings: Sendable {
    public enum Format: Sendable, Hashable {
        case json(pointer: String)
        case csv
    }

    public var format: Format
    public var source: SourceRange

    static func read(_ value: SpecExtension, diagnostics: DiagnosticCollector) -> RowsSettings? {
        let name = "x-clientgen-rows"
        let entries = ExtensionReading.mapping(value, name: name, keys: ["pointer", "format"], diagnostics: diagnostics)
        if let pointer = entries?["pointer"]?.string, pointer.isEmpty || pointer.hasPrefix("/") {
            return RowsSettings(format: .json(pointer: pointer), source: value.source)
        }
        if entries?["format"]?.string == "csv" {
            return RowsSettings(format: .csv, source: value.source)
        }
        diagnostics.warning("\(name) needs 'pointer', a JSON pointer to the array of rows ('/result/rows'), or 'format: csv'; no rows method is generated", at: value.source)
        return nil
    }
}

/// `x-clientgen-pagination: {next: links.next, token: page}`: a `<operation>Pages(...)` method that follows
/// the link at `next` in each response exactly as returned.
public struct PaginationSettings: Sendable {
    /// The dot path as written, and its keys.
    public var next: String
    public var nextKeys: [String]
    /// The query parameter that carries a page token (given as `token`, or one with a conventional name): a
    /// `waitFor…` helper polls the first page and does not take it.
    public var tokenParameter: String?
    public var source: SourceRange
}

/// `x-clientgen-wait: {until: data.status, success: [done], failure: [failed], message: data.error, retryOn: [404]}`:
/// a `waitFor<Name>(...)` method that repeats the operation until the value at `until` (the whole response when
/// `until` is left out, as for a status endpoint that answers a bare string) is a success value, fails on a
/// failure value with the server's message at `message` (where `last` names an array's last element, as in
/// `attempts.last.error.message`), and treats the `retryOn` statuses as "not ready yet".
///
/// A status often means both "not ready yet" and "gone" (a 404 for a run that is unfinished, or deleted). Where
/// the error body tells them apart, `notReadyWhen: {error: ["Run is not finished"]}` names the body's member and
/// the values that mean "not ready"; any other answer ends the wait. Left out, the values are read from the spec.
public struct WaitSettings: Sendable {
    public var until: String?
    public var untilKeys: [String]
    public var message: String?
    public var messageKeys: [String]
    public var success: [JSONLiteral]
    public var failure: [JSONLiteral]
    public var retryOn: [Int]
    public var notReadyWhen: BodyValues?
    public var source: SourceRange

    /// Values at a dot path into a response body.
    public struct BodyValues: Sendable {
        public var path: String
        public var keys: [String]
        public var values: [JSONLiteral]
    }
}

extension PaginationSettings {
    /// Names of optional query parameters that select a page, for specs that do not say which one does.
    static let conventionalTokenNames: Set<String> = [
        "page", "page_token", "pageToken", "cursor", "after", "starting_after", "next_token", "nextToken",
        "continuation_token", "continuationToken", "marker",
    ]

    static func read(_ value: SpecExtension, of operation: Operation, diagnostics: DiagnosticCollector) -> PaginationSettings? {
        let name = "x-clientgen-pagination"
        guard let entries = ExtensionReading.mapping(value, name: name, keys: ["next", "token"], diagnostics: diagnostics),
              let next = entries["next"]?.string, let keys = ExtensionReading.dotPath(next) else {
            diagnostics.warning("\(name) needs 'next': a dot path to the next page's link in the response; no pages method is generated", at: value.source)
            return nil
        }
        let queryNames = operation.parameters.filter { $0.location == .query && !$0.required }.map(\.name)
        var token: String?
        if let given = entries["token"] {
            if let text = given.string, queryNames.contains(text) {
                token = text
            } else {
                diagnostics.warning("\(name): 'token' must name an optional query parameter of the operation; it is ignored", at: value.source)
            }
        } else {
            let conventional = queryNames.filter(conventionalTokenNames.contains)
            token = conventional.count == 1 ? conventional[0] : nil
        }
        return PaginationSettings(next: next, nextKeys: keys, tokenParameter: token, source: value.source)
    }
}

extension WaitSettings {
    static func read(_ value: SpecExtension, diagnostics: DiagnosticCollector) -> WaitSettings? {
        let name = "x-clientgen-wait"
        guard let entries = ExtensionReading.mapping(value, name: name, keys: ["until", "success", "failure", "message", "retryOn", "notReadyWhen"], diagnostics: diagnostics) else {
            diagnostics.warning("\(name) must be a mapping with 'until' and 'success', or 'retryOn'; no wait method is generated", at: value.source)
            return nil
        }
        func list(_ key: String) -> [JSONLiteral] {
            switch entries[key] {
            case .array(let items)?: items
            case let single?: [single]
            case nil: []
            }
        }
        var retryOn: [Int] = []
        for literal in list("retryOn") {
            let status: Int? = switch literal {
            case .int(let number): number
            case .string(let text): Int(text)
            default: nil
            }
            guard let status, (100...599).contains(status) else {
                diagnostics.warning("\(name): 'retryOn' lists \(literal.kindDescription) that is not an HTTP status; it is ignored", at: value.source)
                continue
            }
            retryOn.append(status)
        }
        let until = entries["until"]?.string
        let untilKeys = until.flatMap(ExtensionReading.dotPath)
        if until != nil, untilKeys == nil || list("success").isEmpty {
            diagnostics.warning("\(name): 'until' needs a dot path and a non-empty 'success' list; no wait method is generated", at: value.source)
            return nil
        }
        if until == nil, retryOn.isEmpty, list("success").isEmpty {
            diagnostics.warning("\(name) needs 'success' (with 'until' unless the response itself is the state), or 'retryOn'; no wait method is generated", at: value.source)
            return nil
        }
        let message = entries["message"]?.string
        let messageKeys = message.flatMap(ExtensionReading.dotPath)
        if entries["message"] != nil, messageKeys == nil {
            diagnostics.warning("\(name): 'message' must be a dot path into the response; failures carry no message", at: value.source)
        }
        return WaitSettings(
            until: until, untilKeys: untilKeys ?? [], message: messageKeys == nil ? nil : message, messageKeys: messageKeys ?? [],
            success: list("success"), failure: list("failure"), retryOn: retryOn,
            notReadyWhen: entries["notReadyWhen"].flatMap { notReadyWhen($0, retryOn: retryOn, at: value.source, diagnostics: diagnostics) },
            source: value.source
        )
    }

    /// `{error: ["Run is not finished"]}`: one dot path, and the string or number values there that mean "not ready".
    private static func notReadyWhen(_ literal: JSONLiteral, retryOn: [Int], at source: SourceRange, diagnostics: DiagnosticCollector) -> BodyValues? {
        let problem = "x-clientgen-wait: 'notReadyWhen' must map one dot path into the error body to the values that mean \"not ready\" ({error: [\"not finished\"]})"
        guard case .object(let entries) = literal, entries.count == 1, let keys = ExtensionReading.dotPath(entries[0].key) else {
            diagnostics.warning(problem + "; it is ignored", at: source)
            return nil
        }
        let values: [JSONLiteral] = switch entries[0].value {
        case .array(let items): items
        case let single: [single]
        }
        guard !values.isEmpty, values.allSatisfy({ if case .string = $0 { true } else if case .int = $0 { true } else { false } }) else {
            diagnostics.warning(problem + "; its values must be strings or integers; it is ignored", at: source)
            return nil
        }
        if retryOn.isEmpty {
            diagnostics.warning("x-clientgen-wait: 'notReadyWhen' needs 'retryOn', the statuses whose body it reads; it is ignored", at: source)
            return nil
        }
        return BodyValues(path: entries[0].key, keys: keys, values: values)
    }
}

/// Shared reading of extension values, so every extension reports its problems alike.
enum ExtensionReading {
    /// The entries of a mapping value, warning about keys the extension does not know.
    static func mapping(_ value: SpecExtension, name: String, keys: Set<String>, diagnostics: DiagnosticCollector) -> [String: JSONLiteral]? {
        guard case .object(let entries) = value.value else { return nil }
        var result: [String: JSONLiteral] = [:]
        for entry in entries {
            if keys.contains(entry.key) {
                result[entry.key] = entry.value
            } else {
                let expected = keys.sorted().map { "'\($0)'" }.joined(separator: ", ")
                diagnostics.warning("\(name) has an unknown key '\(entry.key)'; expected \(expected)", at: value.source)
            }
        }
        return result
    }

    /// `links.next` → `["links", "next"]`; nil for an empty path or an empty step.
    static func dotPath(_ text: String) -> [String]? {
        let keys = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        return keys.isEmpty || keys.contains(where: \.isEmpty) ? nil : keys
    }
}
