/// Helpers an operation asks for through vendor extensions, written in a spec or in the config for specs that
/// must stay verbatim:
///
/// - `x-clientgen-pagination: {next: links.next}` adds `<operation>Pages(...)`, a `PageSequence` that follows
///   the link at that path of each response exactly as returned.
/// - `x-clientgen-wait: {until: data.status, success: [done], failure: [failed], retryOn: [404]}` adds
///   `waitFor<Name>(...)`, which repeats the operation until the value at `until` is a success value, fails on a
///   failure value, and treats the `retryOn` statuses as "not ready yet".
///
/// Paths are resolved against the translated types, so the member names used are exactly the generated ones.
struct OperationHelpers {
    let declarations: [DeclarationViewModel]

    func pagination(for operation: Operation, _ translated: OperationViewModel, log: inout DiagnosticLog) -> PaginationViewModel? {
        guard let value = operation.extensions["x-clientgen-pagination"] else { return nil }
        guard case .object(let entries) = value, let next = entries.first(where: { $0.key == "next" })?.value.string else {
            warn("x-clientgen-pagination needs 'next': a dot path to the next page's link in the response", operation, &log)
            return nil
        }
        guard let returnType = translated.returnType, let chain = memberChain(next, from: "previous", type: returnType),
              chain.type.hasSuffix("?"), chain.type.dropLast() == "String" else {
            warn("x-clientgen-pagination: '\(next)' is not an optional string in the response", operation, &log)
            return nil
        }
        let repeated = translated.requestLines.filter { $0.hasPrefix("request.header(") || $0.hasPrefix("request.cookie(") || $0.hasPrefix("request.accept(") }
        return PaginationViewModel(
            name: translated.name.trimmingCharacters(in: ["`"]) + "Pages",
            nextLink: chain.expression,
            nextLinkDescription: next,
            requestLines: repeated + (translated.security.map { ["request.security = \($0)"] } ?? [])
        )
    }

    func wait(for operation: Operation, _ translated: OperationViewModel, log: inout DiagnosticLog) -> WaitViewModel? {
        guard let value = operation.extensions["x-clientgen-wait"] else { return nil }
        guard case .object(let entries) = value else {
            warn("x-clientgen-wait must be a mapping with 'until' and 'success', or 'retryOn'", operation, &log)
            return nil
        }
        func list(_ key: String) -> [JSONLiteral] {
            if case .array(let items)? = entries.first(where: { $0.key == key })?.value { return items }
            return []
        }
        let until = entries.first { $0.key == "until" }?.value.string
        let retryStatuses = list("retryOn").compactMap { literal -> Int? in
            if case .int(let status) = literal { return status }
            return literal.string.flatMap { Int($0) }
        }
        var summary: [String] = []
        var subject: String?
        var successPatterns: String?
        var failurePatterns: String?
        if let until {
            guard let returnType = translated.returnType, let chain = memberChain(until, from: "result", type: returnType),
                  !list("success").isEmpty else {
                warn("x-clientgen-wait: '\(until)' is not in the response, or 'success' is empty", operation, &log)
                return nil
            }
            subject = chain.expression
            successPatterns = patterns(list("success"), type: chain.type)
            failurePatterns = list("failure").isEmpty ? nil : patterns(list("failure"), type: chain.type)
            summary.append("until `\(until)` is \(describe(list("success")))")
            if !list("failure").isEmpty {
                summary.append("failing with `WaitFailure` when it is \(describe(list("failure")))")
            }
        } else if retryStatuses.isEmpty {
            warn("x-clientgen-wait needs 'until' with 'success', or 'retryOn'", operation, &log)
            return nil
        }
        if !retryStatuses.isEmpty {
            summary.append("while the server answers \(retryStatuses.map(String.init).joined(separator: " or "))")
        }
        let status = "($0 as? ClientError)?.status"
        let condition = retryStatuses.count == 1
            ? "{ \(status) == \(retryStatuses[0]) }"
            : "{ \(retryStatuses.map(String.init)).contains(\(status) ?? 0) }"
        let baseName = translated.name.trimmingCharacters(in: ["`"])
        let stem = baseName.hasPrefix("get") && baseName.count > 3 ? String(baseName.dropFirst(3)) : Naming.typeName(baseName)
        return WaitViewModel(
            name: "waitFor" + stem.prefix(1).uppercased() + stem.dropFirst(),
            summary: "Repeats `\(baseName)` " + summary.joined(separator: ", ") + ".",
            subject: subject,
            successPatterns: successPatterns,
            failurePatterns: failurePatterns,
            retryCondition: retryStatuses.isEmpty ? nil : condition
        )
    }

    /// `previous.links?.next` and its type, walking struct properties by their JSON names.
    private func memberChain(_ path: String, from root: String, type: String) -> (expression: String, type: String)? {
        var expression = root
        var currentType = type
        var optionalSoFar = false
        for key in path.split(separator: ".") {
            let typeName = currentType.hasSuffix("?") ? String(currentType.dropLast()) : currentType
            if currentType.hasSuffix("?") { optionalSoFar = true }
            guard let structure = structure(named: typeName),
                  let property = structure.properties.first(where: { $0.jsonKey == SwiftLiteral.string(String(key)) }) else { return nil }
            expression += (optionalSoFar ? "?." : ".") + property.name
            currentType = property.type
        }
        if optionalSoFar, !currentType.hasSuffix("?") { currentType += "?" }
        return (expression, currentType)
    }

    private func structure(named name: String) -> StructViewModel? {
        var current = name
        for _ in 0..<16 {
            guard let declaration = declarations.first(where: { $0.name == current }) else { return nil }
            switch declaration {
            case .structure(let structure): return structure
            case .alias(let alias): current = alias.type
            case .enumeration, .union: return nil
            }
        }
        return nil
    }

    /// `.done?, .completed?` for a generated enum, string literals otherwise.
    private func patterns(_ values: [JSONLiteral], type: String) -> String {
        let optional = type.hasSuffix("?")
        let typeName = optional ? String(type.dropLast()) : type
        let cases: [EnumCaseViewModel]? = declarations.lazy.compactMap { declaration -> [EnumCaseViewModel]? in
            if case .enumeration(let enumeration) = declaration, enumeration.name == typeName { return enumeration.cases }
            return nil
        }.first
        return values.map { value -> String in
            let literal: String = switch value {
            case .string(let text): SwiftLiteral.string(text)
            case .int(let number): String(number)
            default: "nil"
            }
            let pattern: String
            if let cases {
                pattern = cases.first(where: { $0.rawLiteral == literal }).map { "." + $0.name } ?? ".unknown(\(literal))"
            } else {
                pattern = literal
            }
            return optional ? pattern + "?" : pattern
        }.joined(separator: ", ")
    }

    private func describe(_ values: [JSONLiteral]) -> String {
        values.map { value in
            switch value {
            case .string(let text): "`\(text)`"
            case .int(let number): "`\(number)`"
            default: "`null`"
            }
        }.joined(separator: " or ")
    }

    private func warn(_ message: String, _ operation: Operation, _ log: inout DiagnosticLog) {
        log.warning(message, file: operation.source.file, at: operation.source.location, path: operation.source.path)
    }
}

import Foundation
