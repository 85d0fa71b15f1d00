extension OperationTranslator {
    struct TranslatedResponses {
        var returnType: SwiftType?
        var cases: [ResponseCase]
        var accept: [String]
        var throwsUndocumented: Bool
        var transfer: Transfer
        var returns: String?
    }

    /// Statuses in a fixed order (codes, then ranges, then `default`), so output does not follow the spec's
    /// key order.
    private static func sorted(_ responses: [Response]) -> [Response] {
        func rank(_ status: Response.Status) -> (Int, Int) {
            switch status {
            case .code(let code): (0, code)
            case .range(let digit): (1, digit)
            case .default: (2, 0)
            }
        }
        return responses.sorted { rank($0.status) < rank($1.status) }
    }

    private static func match(_ status: Response.Status) -> StatusMatch? {
        switch status {
        case .code(let code): .code(code)
        case .range(let digit): .range(digit)
        case .default: nil
        }
    }

    /// How the operation answers: read whole (the method), streamed (a variant returning the items or bytes as they
    /// arrive, when the spec offers an event stream, JSON Lines or a binary body), or both.
    func translateResponses(_ operation: Operation, typePrefix: String, schemas: inout SchemaTranslator) -> (buffered: TranslatedResponses?, streamed: TranslatedResponses?) {
        let responses = Self.sorted(operation.responses)
        var successes = responses.filter(\.status.isSuccess)
        var failures = responses.filter { !$0.status.isSuccess }
        // A spec that documents only `default` describes its successful answer there.
        if successes.isEmpty, let fallback = failures.first(where: { $0.status == .default }), !fallback.content.isEmpty {
            var success = fallback
            success.status = .range(2)
            successes = [success]
            failures.removeAll { $0.status == .default }
        }
        let main = successes.lazy.compactMap { response in BodyKind.preferred(response.content).map { (response, $0) } }.first
        let stream = successes.lazy.compactMap { response in BodyKind.preferredStream(response.content).map { (response, $0) } }.first
        let errorCases = documentedErrors(failures, typePrefix: typePrefix, schemas: &schemas)
        let errorTypes = responses.filter { !$0.status.isSuccess }.flatMap(\.content).map(\.contentType)

        var streamed: TranslatedResponses?
        if let (response, (media, kind)) = stream {
            let action = streamAction(media, kind: kind, typePrefix: typePrefix, schemas: &schemas)
            streamed = TranslatedResponses(
                returnType: action.type, cases: Self.merged([ResponseCase(statuses: Self.match(response.status).map { [$0] }, action: action.action)] + errorCases.cases),
                accept: Self.accept([media.contentType] + errorTypes), throwsUndocumented: !errorCases.coversDefault,
                transfer: .streamed, returns: action.returns
            )
            if main == nil { return (nil, streamed) }
        }
        let buffered = bufferedResponses(successes: successes, main: main, errorCases: errorCases, typePrefix: typePrefix, schemas: &schemas)
        var accepted = successes.flatMap { $0.content.filter { !BodyKind(contentType: $0.contentType).isStream }.map(\.contentType) } + errorTypes
        if main == nil { accepted = successes.flatMap(\.content).map(\.contentType) + errorTypes }
        var result = buffered
        result.accept = Self.accept(accepted)
        if streamed == nil, let (response, (media, kind)) = main, kind == .binary {
            streamed = TranslatedResponses(
                returnType: .builtin(.httpBody), cases: Self.merged([ResponseCase(statuses: Self.match(response.status).map { [$0] }, action: .returnBody)] + errorCases.cases),
                accept: result.accept, throwsUndocumented: !errorCases.coversDefault, transfer: .streamed,
                returns: "The \(media.contentType.contains("*") ? "" : "`\(media.contentType)` ")body as it arrives, to read in chunks or write to a file with `write(to:)`."
            )
        }
        return (result, streamed)
    }

    private func bufferedResponses(successes: [Response], main: (Response, (MediaType, BodyKind))?, errorCases: (cases: [ResponseCase], coversDefault: Bool), typePrefix: String, schemas: inout SchemaTranslator) -> TranslatedResponses {
        var returnType: SwiftType?
        var successAction = ResponseAction.returnVoid
        if let (response, (media, kind)) = main {
            switch kind {
            case .json, .form, .multipart:
                let usage = media.schema.map {
                    schemas.usage(of: $0, suggestedName: typePrefix + OperationNaming.statusName(response.status))
                } ?? TypeUsage(.json)
                returnType = usage.nullableType
                successAction = .decodeJSON(usage.nullableType)
            case .text:
                returnType = .string
                successAction = .returnText
            case .binary, .eventStream, .jsonLines, .jsonSequence:
                returnType = .builtin(.data)
                successAction = .returnData
            }
        }
        if let type = returnType, successes.contains(where: { $0.content.isEmpty }) {
            returnType = type.optional
        }
        var cases: [ResponseCase] = []
        if successes.isEmpty {
            cases.append(ResponseCase(statuses: [.range(2)], action: .returnVoid))
        }
        for success in successes {
            cases.append(ResponseCase(statuses: Self.match(success.status).map { [$0] }, action: success.content.isEmpty && returnType != nil ? .returnNil : successAction))
        }
        return TranslatedResponses(
            returnType: returnType, cases: Self.merged(cases + errorCases.cases), accept: [],
            throwsUndocumented: !errorCases.coversDefault, transfer: .buffered, returns: nil
        )
    }

    /// A case per documented error status with a JSON body.
    private func documentedErrors(_ failures: [Response], typePrefix: String, schemas: inout SchemaTranslator) -> (cases: [ResponseCase], coversDefault: Bool) {
        var cases: [ResponseCase] = []
        var coversDefault = false
        for failure in failures {
            guard let (media, kind) = BodyKind.preferred(failure.content), kind == .json, let schema = media.schema else { continue }
            let usage = schemas.usage(of: schema, suggestedName: typePrefix + OperationNaming.statusName(failure.status))
            if failure.status == .default { coversDefault = true }
            cases.append(ResponseCase(statuses: Self.match(failure.status).map { [$0] }, action: .throwDocumented(usage.type)))
        }
        return (cases, coversDefault)
    }

    /// What a streamed success returns: events with their data decoded (as the schema's type, or as text when
    /// there is none or it is a string), JSON items, or nothing else.
    private func streamAction(_ media: MediaType, kind: BodyKind, typePrefix: String, schemas: inout SchemaTranslator) -> (action: ResponseAction, type: SwiftType, returns: String) {
        switch kind {
        case .eventStream:
            let schema = media.itemSchema ?? media.schema
            let payload = schema.map { schemas.usage(of: $0, suggestedName: typePrefix + "Event") }.flatMap { $0.type == .string ? nil : $0.nullableType }
            return (.returnEvents(payload), .events(payload ?? .string), "The server-sent events, as they arrive.")
        default:
            var item = TypeUsage(.json)
            if let schema = media.itemSchema {
                item = schemas.usage(of: schema, suggestedName: typePrefix + "Item")
            } else if let schema = media.schema {
                let resolved = schemas.resolve(schema) ?? schema
                item = schemas.usage(of: resolved.items ?? schema, suggestedName: typePrefix + "Item")
            }
            return (.returnJSONStream(item.nullableType, recordSeparated: kind == .jsonSequence), .jsonStream(item.nullableType), "The `\(media.contentType)` items, as they arrive.")
        }
    }

    private static func accept(_ mediaTypes: [String]) -> [String] {
        var accept: [String] = []
        for type in mediaTypes where !type.contains("*") && !accept.contains(type) {
            accept.append(type)
        }
        return accept
    }

    /// Joins cases that do the same: a range joins an earlier case only when no case in between would then be
    /// shadowed by it.
    private static func merged(_ cases: [ResponseCase]) -> [ResponseCase] {
        var result: [ResponseCase] = []
        for responseCase in cases {
            let status = responseCase.statuses?.first
            let isRange = if case .range? = status { true } else { false }
            if let status, let index = result.firstIndex(where: { $0.action == responseCase.action && $0.statuses != nil }),
               !isRange || index == result.count - 1 {
                result[index].statuses!.append(status)
            } else {
                result.append(responseCase)
            }
        }
        return result
    }
}
