extension ViewModelBuilder {
    func flow(_ flow: FlowModel) -> FlowViewModel {
        let handle = Self.escaped(flow.handleName)
        func spell(_ call: FlowModel.Call, then extra: [String] = []) -> String {
            let arguments = call.arguments.map { argument in
                let value = switch argument.value {
                case .parameter(let label): Self.escaped(label)
                case .handle: handle
                }
                return "\(Self.escaped(argument.label)): \(value)"
            }
            return Self.escaped(call.method) + "(" + (arguments + extra).joined(separator: ", ") + ")"
        }
        func waitCall() -> String {
            spell(flow.wait, then: ["every: interval", "timeout: timeout"])
        }
        func rowsExpression(_ path: MemberPath, root: String) -> String {
            var path = path
            path.root = root
            return spellPath(path) + (path.type.isOptional ? " ?? []" : "")
        }
        var body = ["_ = try await \(waitCall())"]
        let resultsSentence: String
        switch flow.results {
        case .value(let call?):
            body.append("return try await \(spell(call))")
            resultsSentence = "returns the result of `\(flow.resultsName)`"
        case .value(nil):
            body = ["return try await \(waitCall())"]
            resultsSentence = "returns its last answer"
        case .rows(let call?, let path):
            body.append("let result = try await \(spell(call))")
            body.append("return \(rowsExpression(path, root: "result"))")
            resultsSentence = "returns the rows of `\(flow.resultsName)`"
        case .rows(nil, let path):
            body = ["let result = try await \(waitCall())", "return \(rowsExpression(path, root: "result"))"]
            resultsSentence = "returns the rows of `\(flow.resultsName)`"
        case .rowsOfPages(let call, let path):
            body.append("var rows: \(flow.returnType.spelling) = []")
            body.append("for try await page in \(spell(call)) {")
            body.append("    rows += \(rowsExpression(path, root: "page"))")
            body.append("}")
            body.append("return rows")
            resultsSentence = "returns the rows of every page of `\(flow.resultsName)`"
        }
        let steps = "Submits with `\(flow.submit.method)`, waits with `\(flow.wait.method)` until `\(flow.statusName)` says the work has ended"
        let cancelling = flow.cancel.map { " Cancelling the calling task cancels the work with `\($0.method)`." } ?? ""
        var parameterDocs = [" - Parameters:"] + flow.parameters.map { "   - \(Self.escaped($0.label)): \($0.documentation)" }
        parameterDocs += [
            "   - interval: The first pause between polls of `\(flow.statusName)`; later ones grow to four times it.",
            "   - timeout: How long to wait in all before failing with `ClientError.waitTimedOut`.",
        ]
        let handleLine = flow.handle.type.isOptional
            ? "let \(handle) = try Flow.handle(\(spellPath(flow.handle)), at: \(SwiftLiteral.string(flow.handleDescription)), of: \(SwiftLiteral.string(flow.submit.method)))"
            : "let \(handle) = \(spellPath(flow.handle))"
        let rows = flow.rows.map { variant in
            FlowRowsViewModel(
                name: Self.escaped(variant.name),
                docLines: [" \(steps), then returns the rows of `\(variant.call.method)` as they arrive.\(cancelling.isEmpty ? "" : " Cancelling the calling task while it waits cancels the work.")", ""] + parameterDocs,
                returnType: variant.returnType.spelling,
                bodyLines: ["_ = try await \(waitCall())", "return try await \(spell(variant.call))"]
            )
        }
        return FlowViewModel(
            name: Self.escaped(flow.name),
            docLines: [" \(steps), then \(resultsSentence).\(cancelling)", ""] + parameterDocs,
            parameters: flow.parameters.map { parameter in
                ParameterViewModel(name: Self.escaped(parameter.label), type: parameter.type.spelling, defaultValue: parameter.defaultValue.map(Self.literal), isLast: false)
            },
            returnType: flow.returnType.spelling,
            submitCall: spell(flow.submit),
            handleLine: handleLine,
            bodyLines: body,
            cancelCall: flow.cancel.map { spell($0) },
            rows: rows
        )
    }
}
