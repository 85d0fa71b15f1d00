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
    /// arrive, when the spec offers an event stream, JSON Lines or a binary body), or both; and a variant for each
    /// further JSON media type whose body is of another type than the method's (GitHub's
    /// `application/vnd.github.v3.star+json`), which asks for that type alone.
    func translateResponses(_ operation: Operation, typePrefix: String, schemas: inout SchemaTranslator) -> (
        buffered: TranslatedResponses?, streamed: TranslatedResponses?, alternatives: [(suffix: String, responses: TranslatedResponses)]
    ) {
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
        let request = "\(operation.method.rawValue.uppercased()) \(operation.path)"

        var streamed: TranslatedResponses?
        if let (response, (media, kind)) = stream {
            let action = streamAction(media, kind: kind, typePrefix: typePrefix, schemas: &schemas)
            streamed = TranslatedResponses(
                returnType: action.type, cases: Self.merged([ResponseCase(statuses: Self.match(response.status).map { [$0] }, action: action.action)] + errorCases.cases),
                accept: Self.accept([media.contentType] + errorTypes), throwsUndocumented: !errorCases.coversDefault,
                transfer: .streamed, returns: action.returns
            )
            if main == nil { return (nil, streamed, []) }
        }
        let bodies = successBodies(successes, preferring: nil, typePrefix: typePrefix, schemas: &schemas)
        var result = bufferedResponses(bodies, errorCases: errorCases, outputName: typePrefix + "Output", request: request, schemas: &schemas)

        var alternatives: [(suffix: String, responses: TranslatedResponses)] = []
        var ownVariants: Set<String> = []
        let jsonTypes = Self.accept(successes.flatMap { $0.content.map(\.contentType) }.filter { BodyKind(contentType: $0) == .json })
        for mediaType in jsonTypes where !bodies.contains(where: { $0.media?.contentType == mediaType }) {
            let suffix = OperationNaming.mediaTypeSuffix(mediaType)
            let other = successBodies(successes, preferring: mediaType, typePrefix: typePrefix + suffix, schemas: &schemas)
            guard other.map(\.type) != bodies.map(\.type) else { continue }
            var variant = bufferedResponses(other, errorCases: errorCases, outputName: typePrefix + suffix + "Output", request: request, schemas: &schemas)
            variant.accept = Self.accept([mediaType] + errorTypes)
            variant.returns = "The answer as `\(mediaType)`, which this method asks for."
            alternatives.append((suffix, variant))
            ownVariants.insert(mediaType)
        }

        var accepted = successes.flatMap { $0.content.filter { !BodyKind(contentType: $0.contentType).isStream }.map(\.contentType) } + errorTypes
        if main == nil { accepted = successes.flatMap(\.content).map(\.contentType) + errorTypes }
        result.accept = Self.accept(accepted.filter { !ownVariants.contains($0) })
        if streamed == nil, let (response, (media, kind)) = main, kind == .binary {
            streamed = TranslatedResponses(
                returnType: .builtin(.httpBody), cases: Self.merged([ResponseCase(statuses: Self.match(response.status).map { [$0] }, action: .returnBody)] + errorCases.cases),
                accept: result.accept, throwsUndocumented: !errorCases.coversDefault, transfer: .streamed,
                returns: "The \(media.contentType.contains("*") ? "" : "`\(media.contentType)` ")body as it arrives, to read in chunks or write to a file with `write(to:)`."
            )
        }
        return (result, streamed, alternatives)
    }

    /// What one documented success carries: the media type read, and what reading it gives.
    struct SuccessBody {
        var response: Response
        var media: MediaType?
        /// Nil for a status without a body.
        var type: SwiftType?
        var action: ResponseAction
    }

    /// Each success's body as `mediaType` when the success offers it, else as the media type best read whole. Each
    /// status's schema is its own: a 202 `{message}` beside a 201 `Deployment` is not read as a `Deployment`.
    private func successBodies(_ successes: [Response], preferring mediaType: String?, typePrefix: String, schemas: inout SchemaTranslator) -> [SuccessBody] {
        successes.map { success in
            let preferred = mediaType.flatMap { wanted in success.content.first { $0.contentType == wanted } }.map { ($0, BodyKind(contentType: $0.contentType)) }
            guard let (media, kind) = preferred ?? BodyKind.preferred(success.content) ?? success.content.first.map({ ($0, BodyKind.binary) }) else {
                return SuccessBody(response: success, media: nil, type: nil, action: .returnVoid)
            }
            switch kind {
            case .json, .form, .multipart:
                let usage = media.schema.map {
                    schemas.usage(of: $0, suggestedName: typePrefix + OperationNaming.statusName(success.status))
                } ?? TypeUsage(.json)
                return SuccessBody(response: success, media: media, type: usage.nullableType, action: .decodeJSON(usage.nullableType))
            case .text:
                return SuccessBody(response: success, media: media, type: .string, action: .returnText)
            case .binary, .eventStream, .jsonLines, .jsonSequence:
                return SuccessBody(response: success, media: media, type: .builtin(.data), action: .returnData)
            }
        }
    }

    /// The method's return type and status switch. Successes whose bodies are all of one type return it (optional
    /// when some success has no body); successes of several types return an `Output` enum with a case per status.
    private func bufferedResponses(
        _ bodies: [SuccessBody], errorCases: (cases: [ResponseCase], coversDefault: Bool), outputName: String, request: String,
        schemas: inout SchemaTranslator
    ) -> TranslatedResponses {
        var types: [SwiftType] = []
        for case let type? in bodies.map(\.type) where !types.contains(type) {
            types.append(type)
        }
        var returnType: SwiftType?
        var cases: [ResponseCase] = []
        if bodies.isEmpty {
            cases.append(ResponseCase(statuses: [.range(2)], action: .returnVoid))
        }
        if types.count > 1 {
            let name = schemas.typeNames.claim(outputName)
            var caseNames = NameScope()
            var outputCases: [OutputModel.Case] = []
            for body in bodies {
                let caseName = caseNames.claim(OperationNaming.statusCaseName(body.response.status))
                outputCases.append(OutputModel.Case(
                    name: caseName, payload: body.type, status: body.response.status.description, description: body.response.description))
                cases.append(ResponseCase(statuses: Self.match(body.response.status).map { [$0] }, action: .returnOutput(caseName: caseName, body: body.action)))
            }
            schemas.declarations.append(.output(OutputModel(name: name, request: request, cases: outputCases)))
            returnType = .declared(name)
        } else {
            returnType = types.first
            if let type = returnType, bodies.contains(where: { $0.type == nil }) {
                returnType = type.optional
            }
            for body in bodies {
                let action = body.type == nil && returnType != nil ? .returnNil : body.action
                cases.append(ResponseCase(statuses: Self.match(body.response.status).map { [$0] }, action: action))
            }
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
