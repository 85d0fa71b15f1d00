extension ViewModelBuilder {
    func operation(_ operation: OperationModel) -> OperationViewModel {
        let parameters = Self.markingLast(operation.parameters.map(parameter))
        var requestLines = operation.parameters.map(requestLine)
        let acceptLine = operation.accept.isEmpty ? nil : "request.accept(\(SwiftLiteral.string(operation.accept.joined(separator: ", "))))"
        if let acceptLine { requestLines.append(acceptLine) }
        let security = operation.security.map { alternatives in
            "[" + alternatives.map { "[" + $0.map(SwiftLiteral.string).joined(separator: ", ") + "]" }.joined(separator: ", ") + "]"
        }
        var docLines = DocLines(operation.summary, operation.description).lines
        if !operation.parameters.isEmpty {
            if !docLines.isEmpty { docLines.append("") }
            docLines.append(" - Parameters:")
            docLines += operation.parameters.map { "   - \(Self.escaped($0.label)): \($0.documentation)" }
        }
        if let returns = operation.returns {
            if !docLines.isEmpty && operation.parameters.isEmpty { docLines.append("") }
            docLines.append(" - Returns: \(returns)")
        }
        let streamed = operation.transfer == .streamed
        let returnType = operation.returnType?.spelling
        return OperationViewModel(
            access: accessKeyword,
            name: Self.escaped(operation.name),
            docLines: docLines,
            deprecated: operation.deprecated,
            parameters: parameters,
            parametersMultiline: parameters.count > 3
                || parameters.reduce(operation.name.count) { $0 + $1.name.count + $1.type.count + ($1.defaultValue?.count ?? 0) + 6 } > 90,
            parameterList: parameters.map(\.declaration).joined(separator: ", "),
            parameterLines: parameters.map { $0.declaration + ($0.isLast ? "" : ",") },
            returnType: returnType,
            method: operation.method.rawValue,
            path: SwiftLiteral.string(operation.path),
            requestBinding: requestLines.isEmpty && security == nil ? "let" : "var",
            requestLines: requestLines,
            security: security,
            responseCases: operation.responseCases.map { responseCase($0, streamed: streamed) },
            undocumentedDefault: operation.throwsUndocumented,
            sendMethod: streamed ? "stream" : "send",
            undocumentedStatement: streamed ? "throw await connection.undocumentedError(response)" : "throw connection.undocumentedError(response)",
            callArguments: Self.callArguments(parameters),
            pagination: operation.pagination.map { pagination in
                // Later pages repeat what the link cannot carry: headers, cookies, accepted types and credentials.
                let repeated = zip(operation.parameters, requestLines).compactMap { parameter, line -> String? in
                    switch parameter.location {
                    case .header, .jsonHeader, .cookie: line
                    case .path, .query, .jsonQuery, .body: nil
                    }
                }
                return PaginationViewModel(
                    name: Self.escaped(pagination.name),
                    nextLink: spell(pagination.nextLink),
                    nextLinkDescription: pagination.nextLinkDescription,
                    requestLines: repeated + [acceptLine].compactMap { $0 } + (security.map { ["request.security = \($0)"] } ?? [])
                )
            },
            wait: operation.wait.map { wait(operation, $0) },
            flows: operation.flows.map(flow)
        )
    }

    private func parameter(_ parameter: OperationParameter) -> ParameterViewModel {
        ParameterViewModel(
            name: Self.escaped(parameter.label), type: parameter.type.spelling, defaultValue: parameter.defaultValue.map(Self.literal), isLast: false
        )
    }

    private static func callArguments(_ parameters: [ParameterViewModel]) -> String {
        parameters.map { "\($0.name): \($0.name)" }.joined(separator: ", ")
    }

    private func requestLine(_ parameter: OperationParameter) -> String {
        let label = Self.escaped(parameter.label)
        switch parameter.location {
        case .path(let name, let style, let explode):
            let style = style.map { ", style: .\($0.rawValue)" } ?? ""
            return "request.path(\(SwiftLiteral.string(name)), \(label)\(style)\(explode.map { ", explode: \($0)" } ?? ""))"
        case .query(let name, let style, let explode):
            let style = style.map { ", style: .\($0.rawValue)" } ?? ""
            return "request.query(\(SwiftLiteral.string(name)), \(label)\(style)\(explode.map { ", explode: \($0)" } ?? ""))"
        case .header(let name):
            return "request.header(\(SwiftLiteral.string(name)), \(label))"
        case .jsonQuery(let name):
            return "request.query(\(SwiftLiteral.string(name)), json: \(label))"
        case .jsonHeader(let name):
            return "request.header(\(SwiftLiteral.string(name)), json: \(label))"
        case .cookie(let name):
            return "request.cookie(\(SwiftLiteral.string(name)), \(label))"
        case .body(let encoding):
            let call = switch encoding {
            case .json: "request.jsonBody(\(label))"
            case .form(let styles) where styles.isEmpty: "request.formBody(\(label))"
            case .form(let styles):
                "request.formBody(\(label), encoding: [" + styles.sorted { $0.key < $1.key }.map { key, field in
                    "\(SwiftLiteral.string(key)): .init(style: .\(field.style.rawValue)\(field.explode.map { ", explode: \($0)" } ?? ""))"
                }.joined(separator: ", ") + "])"
            case .multipart(fromForm: true): "request.multipartBody(\(label).form)"
            case .multipart(fromForm: false): "request.multipartBody(\(label))"
            case .text(let contentType): "request.textBody(\(label), contentType: \(SwiftLiteral.string(contentType)))"
            case .binary(let contentType): "request.body(\(label), contentType: \(SwiftLiteral.string(contentType)))"
            }
            return parameter.isOptional ? "if let \(label) { \(call) }" : call
        }
    }

    private func responseCase(_ responseCase: ResponseCase, streamed: Bool) -> ResponseCaseViewModel {
        let pattern = responseCase.statuses.map { statuses in
            statuses.map { status in
                switch status {
                case .code(let code): String(code)
                case .range(let digit): "\(digit)00..<\(digit + 1)00"
                }
            }.joined(separator: ", ")
        }
        let statement = switch responseCase.action {
        case .returnVoid: "return"
        case .returnNil: "return nil"
        case .decodeJSON, .returnText, .returnData: "return " + Self.bodyValue(responseCase.action)!
        case .throwDocumented(let type) where streamed: "throw await connection.documentedError(\(type.spelling).self, from: response)"
        case .throwDocumented(let type): "throw connection.documentedError(\(type.spelling).self, from: response)"
        case .returnEvents(let payload?): "return connection.events(from: response, as: \(payload.spelling).self, request: request)"
        case .returnEvents(nil): "return connection.events(from: response, request: request)"
        case .returnJSONStream(let item, let recordSeparated):
            "return connection.jsonStream(from: response, as: \(item.spelling).self, framing: \(recordSeparated ? ".recordSeparated" : ".lines"))"
        case .returnBody: "return response.body"
        case .returnJSONRows(let row, let pointer, nil): "return connection.jsonRows(from: response, at: \(SwiftLiteral.string(pointer)), as: \(row.spelling).self)"
        case .returnJSONRows(let row, let pointer, let nextLink?):
            "return connection.jsonRows(from: response, at: \(SwiftLiteral.string(pointer)), as: \(row.spelling).self, following: \(SwiftLiteral.string(nextLink)), of: request)"
        case .returnCSVRows: "return connection.csvRows(from: response)"
        case .returnOutput(let caseName, let body):
            "return .\(Self.escapedAfterDot(caseName))" + (Self.bodyValue(body).map { "(\($0))" } ?? "")
        }
        return ResponseCaseViewModel(pattern: pattern, statement: statement)
    }

    /// What a success's body is read as, for the actions that return it: returned alone, or in an `Output` case.
    private static func bodyValue(_ action: ResponseAction) -> String? {
        switch action {
        case .decodeJSON(let type): "try connection.decode(\(type.spelling).self, from: response)"
        case .returnText: "try response.text()"
        case .returnData: "response.body"
        default: nil
        }
    }

    private func wait(_ operation: OperationModel, _ wait: WaitModel) -> WaitViewModel {
        let kept = operation.parameters.filter { !wait.omittedParameters.contains($0.label) }
        let parameters = Self.markingLast(kept.map(parameter))
        return WaitViewModel(
            name: Self.escaped(wait.name),
            summary: wait.summary,
            parameters: parameters,
            callArguments: Self.callArguments(parameters),
            subject: wait.condition.map { spell($0.subject) },
            successPatterns: wait.condition.map { $0.success.map(spell).joined(separator: ", ") },
            failurePatterns: wait.condition.flatMap { $0.failure.isEmpty ? nil : $0.failure.map(spell).joined(separator: ", ") },
            failureError: "ClientError.waitFailed(result: result, message: \(wait.failureMessage.map(spell) ?? "nil"))",
            notReadyCases: notReadyCases(wait.notReady)
        )
    }

    /// One case per condition over an attempt's `error`: `true` for a status that alone means "not ready yet", or the
    /// test of its documented body; statuses with the same test share a case.
    private func notReadyCases(_ answers: [WaitModel.NotReady]) -> [NotReadyCaseViewModel] {
        var cases: [(statuses: [Int], condition: String)] = []
        for answer in answers {
            var condition = "true"
            if let body = answer.body {
                var subject = body.subject
                subject.root = "error.body(as: \(body.type.spelling).self)"
                let values = body.values.map(spellValue)
                condition = values.count == 1
                    ? "\(spell(subject)) == \(values[0])"
                    : "[\(values.joined(separator: ", "))].contains(\(spell(subject)))"
            }
            if let index = cases.firstIndex(where: { $0.condition == condition }) {
                cases[index].statuses.append(answer.status)
            } else {
                cases.append(([answer.status], condition))
            }
        }
        return cases.map { NotReadyCaseViewModel(statuses: $0.statuses.map(String.init).joined(separator: ", "), condition: $0.condition) }
    }

    private func spell(_ path: MemberPath) -> String {
        spellPath(path)
    }

    func spellPath(_ path: MemberPath) -> String {
        path.root + path.steps.map { ($0.throughOptional ? "?." : ".") + Self.escaped($0.member) }.joined()
    }

    private func spell(_ pattern: WaitModel.Pattern) -> String {
        pattern.optional ? spellValue(pattern) + "?" : spellValue(pattern)
    }

    /// The pattern's value as an expression, compared with `==` rather than matched.
    private func spellValue(_ pattern: WaitModel.Pattern) -> String {
        switch pattern.value {
        case .enumCase(let name): "." + Self.escapedAfterDot(name)
        case .unknownCase(let value): ".unknown(\(Self.literal(value)))"
        case .literal(let value): Self.literal(value)
        }
    }
}
