/// The helpers an operation's settings ask for (`x-clientgen-pagination`, `x-clientgen-wait`), resolved against
/// the translated types so that the member names used are exactly the generated ones.
struct OperationHelpers {
    let declarations: [String: Declaration]
    /// Follows `$ref`s, for what only the spec says (the values of a one-value enum, which becomes a plain string).
    let resolve: (Schema) -> Schema?
    let diagnostics: DiagnosticCollector

    init(declarations: [Declaration], resolve: @escaping (Schema) -> Schema?, diagnostics: DiagnosticCollector) {
        self.declarations = Dictionary(declarations.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.resolve = resolve
        self.diagnostics = diagnostics
    }

    func pagination(_ settings: PaginationSettings, for operation: OperationModel, names: inout NameScope) -> PaginationModel? {
        guard let returnType = operation.returnType, let link = memberPath(settings.nextKeys, from: "previous", type: returnType),
              link.type == .optional(.string) else {
            diagnostics.warning("x-clientgen-pagination: '\(settings.next)' is not an optional string in the response; no pages method is generated", at: settings.source)
            return nil
        }
        return PaginationModel(name: names.claim(operation.name + "Pages"), nextLink: link, nextLinkDescription: settings.next)
    }

    /// `pagination` names the page-token parameter, which the wait method leaves out: it polls the first page.
    /// `responses` are the operation's as the spec gives them.
    func wait(
        _ settings: WaitSettings, pagination: PaginationSettings?, for operation: OperationModel, responses: [Response], names: inout NameScope
    ) -> WaitModel? {
        var summary: [String] = []
        var condition: WaitModel.Condition?
        var failureMessage: MemberPath?
        if !settings.success.isEmpty {
            let until = settings.until ?? "the response"
            guard let returnType = operation.returnType, let subject = memberPath(settings.untilKeys, from: "result", type: returnType) else {
                diagnostics.warning("x-clientgen-wait: '\(until)' is not in the response; no wait method is generated", at: settings.source)
                return nil
            }
            if let message = settings.message {
                failureMessage = memberPath(settings.messageKeys, from: "result", type: returnType)
                if failureMessage.map({ $0.type.unwrapped == .string }) != true {
                    diagnostics.warning("x-clientgen-wait: 'message' \(message) is not a string in the response; failures carry no message", at: settings.source)
                    failureMessage = nil
                }
            }
            condition = WaitModel.Condition(
                subject: subject,
                success: patterns(settings.success, matching: subject.type),
                failure: patterns(settings.failure, matching: subject.type)
            )
            summary.append(settings.until == nil ? "until it returns \(describe(settings.success))" : "until `\(until)` is \(describe(settings.success))")
            if !settings.failure.isEmpty {
                summary.append("failing with `ClientError.waitFailed` when it is \(describe(settings.failure))")
            }
        }
        let notReady = notReady(settings, for: operation, responses: responses)
        if !notReady.isEmpty {
            // "404 or 409 with `detail.code` `queued` or `preparing`": statuses that say the same are named together.
            var groups: [(statuses: [Int], says: String)] = []
            for answer in notReady {
                let says = answer.body.map { " with `\($0.path)` \(describe($0.literals))" } ?? ""
                if let index = groups.firstIndex(where: { $0.says == says }) {
                    groups[index].statuses.append(answer.status)
                } else {
                    groups.append(([answer.status], says))
                }
            }
            summary.append("while the server answers " + groups.map { group in
                group.statuses.map(String.init).joined(separator: " or ") + group.says
            }.joined(separator: ", or "))
        }
        // The same status saying something else (a run that was deleted) is not waited out.
        let ending = notReady.contains(where: { $0.body != nil }) ? " Any other answer ends the wait at once." : ""
        let stem = operation.name.hasPrefix("get") && operation.name.count > 3 ? String(operation.name.dropFirst(3)) : Naming.typeName(operation.name)
        return WaitModel(
            name: names.claim("waitFor" + stem.prefix(1).uppercased() + stem.dropFirst()),
            summary: "Repeats `\(operation.name)` " + summary.joined(separator: ", ") + "." + ending,
            condition: condition,
            failureMessage: failureMessage,
            notReady: notReady,
            omittedParameters: Set(operation.parameters.compactMap { parameter in
                guard case .query(let name, _, _) = parameter.location, name == pagination?.tokenParameter else { return nil }
                return parameter.label
            })
        )
    }

    /// `<operation>Rows(...)`: the operation again, streamed, yielding the rows of its result as they arrive, and
    /// those of the pages after it when the operation is paged.
    func rows(_ settings: RowsSettings, pagination: PaginationSettings?, for operation: OperationModel) -> OperationModel? {
        let action: ResponseAction
        let returnType: SwiftType
        switch settings.format {
        case .json(let pointer):
            guard let resultType = operation.returnType, let row = rowType(at: pointer, in: resultType),
                  operation.responseCases.contains(where: { if case .decodeJSON = $0.action { true } else { false } }) else {
                diagnostics.warning("x-clientgen-rows: the JSON response has no array at '\(pointer)'; no rows method is generated", at: settings.source)
                return nil
            }
            let nextLink = operation.pagination == nil ? nil : pagination.map { "/" + $0.nextKeys.map(Self.pointerToken).joined(separator: "/") }
            action = .returnJSONRows(row, pointer: pointer, nextLink: nextLink)
            returnType = .jsonRows(row)
        case .csv:
            guard operation.responseCases.contains(where: { $0.action == .returnText }) else {
                diagnostics.warning("x-clientgen-rows: format csv needs a text response (text/csv); no rows method is generated", at: settings.source)
                return nil
            }
            action = .returnCSVRows
            returnType = .builtin(.csvRows)
        }
        var rows = operation
        rows.transfer = .streamed
        rows.returnType = returnType
        if case .returnJSONRows(_, _, _?) = action, let pagination {
            rows.returns = "The rows of the result, as they arrive, and those of the pages after it, following `\(pagination.next)`."
        } else {
            rows.returns = "The rows of the result, as they arrive."
        }
        rows.pagination = nil
        rows.wait = nil
        rows.responseCases = operation.responseCases.compactMap { responseCase in
            var responseCase = responseCase
            switch responseCase.action {
            case .decodeJSON, .returnText: responseCase.action = action
            case .throwDocumented: break
            default: return nil
            }
            return responseCase
        }
        return rows
    }

    /// The reference tokens of a JSON pointer, unescaped (RFC 6901).
    static func pointerTokens(_ pointer: String) -> [String] {
        pointer.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map {
            $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
        }
    }

    /// One reference token of a JSON pointer (RFC 6901).
    static func pointerToken(_ key: String) -> String {
        key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    /// The element type of the array at a JSON pointer into `type`, through struct properties and arrays.
    private func rowType(at pointer: String, in type: SwiftType) -> SwiftType? {
        let tokens = Self.pointerTokens(pointer)
        var current = type.unwrapped
        for token in tokens {
            switch current {
            case .array(let element) where Int(token) != nil:
                current = element.unwrapped
            case .dictionary(let value):
                current = value.unwrapped
            case .builtin(.jsonValue):
                return .json
            default:
                guard let structure = structure(current), let property = structure.properties.first(where: { $0.jsonKey == token }) else { return nil }
                current = property.type.unwrapped
            }
        }
        switch current {
        case .array(let element): return element
        case .builtin(.jsonValue): return .json
        case .declared:
            guard case .declared(let name) = current, case .alias(let alias)? = declarations[name], case .array(let element) = alias.target else { return nil }
            return element
        default: return nil
        }
    }

    /// Walks struct properties by their JSON keys, through aliases, noting each step reached through an optional.
    func memberPath(_ keys: [String], from root: String, type: SwiftType) -> MemberPath? {
        var steps: [MemberPath.Step] = []
        var current = type
        var optionalSoFar = false
        for key in keys {
            if current.isOptional { optionalSoFar = true }
            // `attempts.last.error`: an array has no members of its own, so `last` names its last element.
            if key == "last", case .array(let element) = current.unwrapped {
                steps.append(MemberPath.Step(member: "last", throughOptional: optionalSoFar))
                current = element.optional
                continue
            }
            guard let structure = structure(current.unwrapped),
                  let property = structure.properties.first(where: { $0.jsonKey == key }) else { return nil }
            steps.append(MemberPath.Step(member: property.name, throughOptional: optionalSoFar))
            current = property.type
        }
        return MemberPath(root: root, steps: steps, type: optionalSoFar ? current.optional : current)
    }

    private func structure(_ type: SwiftType) -> StructModel? {
        var current = type
        for _ in 0..<16 {
            guard case .declared(let name) = current, let declaration = declarations[name] else { return nil }
            switch declaration {
            case .structure(let structure): return structure
            case .alias(let alias): current = alias.target
            case .enumeration, .union, .form, .output: return nil
            }
        }
        return nil
    }

    /// A case of the subject's enum where it has one, the plain value otherwise.
    func patterns(_ values: [JSONLiteral], matching type: SwiftType) -> [WaitModel.Pattern] {
        var cases: [EnumModel.EnumCase]?
        if let name = type.declaredName, case .enumeration(let enumeration)? = declarations[name] {
            cases = enumeration.cases
        }
        return values.map { value in
            let literal: SwiftValue = switch value {
            case .string(let text): .string(text)
            case .int(let number): .int(number)
            default: .nil
            }
            let pattern: WaitModel.Pattern.Value
            if let cases {
                pattern = cases.first(where: { $0.value == value }).map { .enumCase($0.name) } ?? .unknownCase(literal)
            } else {
                pattern = .literal(literal)
            }
            return WaitModel.Pattern(value: pattern, optional: type.isOptional)
        }
    }

    func describe(_ values: [JSONLiteral]) -> String {
        values.map { value in
            switch value {
            case .string(let text): "`\(text)`"
            case .int(let number): "`\(number)`"
            default: "`null`"
            }
        }.joined(separator: " or ")
    }
}
