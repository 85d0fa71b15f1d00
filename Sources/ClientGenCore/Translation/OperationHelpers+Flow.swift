extension OperationHelpers {
    /// The translated operations a flow may name, by `operationId`.
    struct FlowTargets {
        var operations: [String: OperationModel]
        /// Rows variants, by the `operationId` of the operation they stream.
        var rows: [String: OperationModel]
        /// The page-token parameter of each paged operation, by `operationId`: a flow never passes it.
        var pageTokens: [String: String]
    }

    /// `x-clientgen-flow` resolved against the translated operations: which parameter of the status, results and
    /// cancel operations the handle fills, which of the flow's parameters go where, and what the flow returns.
    func flow(_ settings: FlowSettings, submit: OperationModel, targets: FlowTargets, names: inout NameScope) -> FlowModel? {
        func skip(_ reason: String) -> FlowModel? {
            diagnostics.warning("x-clientgen-flow: \(reason); no \(settings.name) method is generated", at: settings.source)
            return nil
        }
        guard let status = targets.operations[settings.status] else {
            return skip("'status' names operation '\(settings.status)', which is not generated (not in the spec, or left out by the filter)")
        }
        guard let wait = status.wait, wait.condition != nil else {
            return skip("the status operation '\(settings.status)' needs x-clientgen-wait with the states that end the wait")
        }
        guard let results = targets.operations[settings.results] else {
            return skip("'results' names operation '\(settings.results)', which is not generated (not in the spec, or left out by the filter)")
        }
        var cancelOperation: OperationModel?
        if let cancel = settings.cancel {
            guard let found = targets.operations[cancel] else {
                return skip("'cancel' names operation '\(cancel)', which is not generated (not in the spec, or left out by the filter)")
            }
            cancelOperation = found
        }
        guard let submitted = submit.returnType, let handle = memberPath(settings.handleKeys, from: "submitted", type: submitted) else {
            return skip("'\(settings.handle)' is not in the response of '\(submit.name)'")
        }

        // The flow takes the submit operation's parameters, then the results' optional ones it lacks (columns,
        // filters, limits), so a caller can shape the results without leaving the flow.
        var parameters = submit.parameters
        let resultsToken = targets.pageTokens[settings.results]
        for parameter in results.parameters where parameter.isOptional && !parameters.contains(where: { $0.label == parameter.label }) {
            if case .query(let name, _, _) = parameter.location, name != resultsToken {
                parameters.append(parameter)
            }
        }

        func call(_ method: String, of operation: OperationModel, role: String, omitting omitted: Set<String> = []) -> FlowModel.Call? {
            var arguments: [FlowModel.Argument] = []
            var handleTaken = false
            for parameter in operation.parameters where !omitted.contains(parameter.label) {
                if parameters.contains(where: { $0.label == parameter.label && $0.type == parameter.type }) {
                    arguments.append(.init(label: parameter.label, value: .parameter(parameter.label)))
                } else if !parameter.isOptional {
                    guard !handleTaken, parameter.type == handle.type.unwrapped else {
                        diagnostics.warning(
                            "x-clientgen-flow: the \(role) operation '\(operation.name)' needs '\(parameter.label)', which neither the flow's parameters nor the handle '\(settings.handle)' (\(handle.type.unwrapped.spelling)) give; no \(settings.name) method is generated",
                            at: settings.source)
                        return nil
                    }
                    handleTaken = true
                    arguments.append(.init(label: parameter.label, value: .handle))
                }
            }
            guard handleTaken else {
                diagnostics.warning(
                    "x-clientgen-flow: the \(role) operation '\(operation.name)' has no required parameter for the handle '\(settings.handle)'; no \(settings.name) method is generated",
                    at: settings.source)
                return nil
            }
            return FlowModel.Call(method: method, arguments: arguments)
        }

        guard let waitCall = call(wait.name, of: status, role: "status", omitting: wait.omittedParameters) else { return nil }
        let resultsOmitting = Set(results.parameters.compactMap { parameter -> String? in
            guard case .query(let name, _, _) = parameter.location, name == resultsToken else { return nil }
            return parameter.label
        })
        let returnType: SwiftType
        let resultsStep: FlowModel.Results
        let rowsPointer = targets.rows[settings.results]?.responseCases.lazy.compactMap { responseCase -> String? in
            if case .returnJSONRows(_, let pointer, _) = responseCase.action { pointer } else { nil }
        }.first
        if let pointer = rowsPointer {
            let root = results.pagination == nil ? "result" : "page"
            guard let resultType = results.returnType,
                  let path = memberPath(Self.pointerTokens(pointer), from: root, type: resultType), case .array = path.type.unwrapped else {
                return skip("the rows of '\(results.name)' are not an array the flow can return")
            }
            returnType = path.type.unwrapped
            if let pagination = results.pagination {
                guard let pages = call(pagination.name, of: results, role: "results", omitting: resultsOmitting) else { return nil }
                resultsStep = .rowsOfPages(pages, path: path)
            } else if settings.status == settings.results {
                resultsStep = .rows(nil, path: path)
            } else {
                guard let single = call(results.name, of: results, role: "results") else { return nil }
                resultsStep = .rows(single, path: path)
            }
        } else {
            guard let resultType = results.returnType else {
                return skip("'\(results.name)' returns nothing to read")
            }
            returnType = resultType
            if settings.status == settings.results {
                resultsStep = .value(nil)
            } else {
                guard let single = call(results.name, of: results, role: "results") else { return nil }
                resultsStep = .value(single)
            }
        }
        var cancelCall: FlowModel.Call?
        if let cancelOperation {
            guard let built = call(cancelOperation.name, of: cancelOperation, role: "cancel") else { return nil }
            cancelCall = built
        }
        let name = names.claim(settings.name)
        var rows: FlowModel.RowsVariant?
        if let variant = targets.rows[settings.results], let rowsCall = call(variant.name, of: variant, role: "results", omitting: resultsOmitting),
           let rowsType = variant.returnType {
            rows = FlowModel.RowsVariant(name: names.claim(settings.name + "Rows"), call: rowsCall, returnType: rowsType)
        }
        // The handle is named as the status operation's parameter it fills (`executionId`), unless a flow
        // parameter already has that name.
        let handleLabel = waitCall.arguments.first { $0.value == .handle }?.label ?? "handle"
        return FlowModel(
            name: name,
            parameters: parameters,
            submit: FlowModel.Call(method: submit.name, arguments: submit.parameters.map { .init(label: $0.label, value: .parameter($0.label)) }),
            handle: handle,
            handleDescription: settings.handle,
            handleName: parameters.contains(where: { $0.label == handleLabel }) ? "handle" : handleLabel,
            wait: waitCall,
            results: resultsStep,
            cancel: cancelCall,
            returnType: returnType,
            statusName: status.name,
            resultsName: results.name,
            rows: rows
        )
    }
}
