extension OperationHelpers {
    /// The `retryOn` statuses of a wait, each with what its documented error body says while the work is unfinished,
    /// where the config names it (`notReadyWhen`) or the spec lists it: then the same status saying anything else
    /// ("Run was deleted") ends the wait at once instead of being polled until the timeout.
    func notReady(_ settings: WaitSettings, for operation: OperationModel, responses: [Response]) -> [WaitModel.NotReady] {
        settings.retryOn.map { status in
            WaitModel.NotReady(status: status, body: bodyMatch(status, settings: settings, operation: operation, responses: responses))
        }
    }

    private func bodyMatch(_ status: Int, settings: WaitSettings, operation: OperationModel, responses: [Response]) -> WaitModel.BodyMatch? {
        let given = settings.notReadyWhen
        guard let type = documentedType(of: status, in: operation) else {
            if given != nil {
                diagnostics.warning("x-clientgen-wait: 'notReadyWhen' reads the error body of \(status), which the spec does not document as JSON; the status alone means \"not ready\"", at: settings.source)
            }
            return nil
        }
        guard let (keys, values) = given.map({ ($0.keys, $0.values) }) ?? listedValues(of: status, in: responses) else { return nil }
        guard let subject = memberPath(keys, from: "body", type: type.optional), let patterns = comparable(values, with: subject.type) else {
            let path = keys.joined(separator: ".")
            diagnostics.warning("x-clientgen-wait: 'notReadyWhen' names '\(path)', which is not a string, integer or enum in the error body of \(status); the status alone means \"not ready\"", at: settings.source)
            return nil
        }
        return WaitModel.BodyMatch(type: type, subject: subject, values: patterns, path: keys.joined(separator: "."), literals: values)
    }

    /// The type a status's documented error body decodes as.
    private func documentedType(of status: Int, in operation: OperationModel) -> SwiftType? {
        for responseCase in operation.responseCases {
            guard case .throwDocumented(let type) = responseCase.action, let statuses = responseCase.statuses else { continue }
            if statuses.contains(where: { $0.matches(status) }) { return type }
        }
        return nil
    }

    /// The values the spec lists for the one member of a status's JSON error body that is an enum of strings (Trigger.dev's
    /// `error: {enum: ["Run either doesn't exist or is not finished"]}`). None when no member, or more than one, is:
    /// which of several would say "not ready" is a guess the spec does not make.
    private func listedValues(of status: Int, in responses: [Response]) -> (keys: [String], values: [JSONLiteral])? {
        guard let response = responses.first(where: { $0.status == .code(status) }),
              let media = response.content.first(where: { BodyKind(contentType: $0.contentType) == .json }),
              let schema = media.schema.flatMap(resolve) else { return nil }
        let listed = schema.properties.compactMap { property -> (keys: [String], values: [JSONLiteral])? in
            guard let resolved = resolve(property.schema) else { return nil }
            let values = (resolved.enumValues ?? resolved.constValue.map { [$0] } ?? []).filter { $0 != .null }
            guard !values.isEmpty, values.allSatisfy({ if case .string = $0 { true } else { false } }) else { return nil }
            return ([property.name], values)
        }
        return listed.count == 1 ? listed[0] : nil
    }

    /// The values as patterns `==` can compare the subject with, or nil when the subject cannot hold them.
    private func comparable(_ values: [JSONLiteral], with type: SwiftType) -> [WaitModel.Pattern]? {
        switch type.unwrapped {
        case .declared(let name):
            guard case .enumeration(let enumeration)? = declarations[name] else { return nil }
            let raw: BuiltinType = values.allSatisfy({ if case .string = $0 { true } else { false } }) ? .string : .int
            guard enumeration.rawType == raw else { return nil }
        case .builtin(.string):
            guard values.allSatisfy({ if case .string = $0 { true } else { false } }) else { return nil }
        case .builtin(.int), .builtin(.int32), .builtin(.int64):
            guard values.allSatisfy({ if case .int = $0 { true } else { false } }) else { return nil }
        default:
            return nil
        }
        return patterns(values, matching: type)
    }
}
