extension OperationTranslator {
    struct TranslatedResponses {
        var returnType: SwiftType?
        var cases: [ResponseCase]
        var accept: [String]
        var throwsUndocumented: Bool
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

    func translateResponses(_ operation: Operation, typePrefix: String, schemas: inout SchemaTranslator) -> TranslatedResponses {
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
        var returnType: SwiftType?
        var successAction = ResponseAction.returnVoid
        if let (response, (media, kind)) = main {
            switch kind {
            case .json, .form:
                let usage = media.schema.map {
                    schemas.usage(of: $0, suggestedName: typePrefix + OperationNaming.statusName(response.status))
                } ?? TypeUsage(.json)
                returnType = usage.nullableType
                successAction = .decodeJSON(usage.nullableType)
            case .text:
                returnType = .string
                successAction = .returnText
            case .binary:
                returnType = .builtin(.data)
                successAction = .returnData
            }
        }

        var cases: [ResponseCase] = []
        func add(_ status: StatusMatch?, _ action: ResponseAction) {
            // A range joins an earlier case only when no case in between would then be shadowed by it.
            let isRange = if case .range? = status { true } else { false }
            if let status, let index = cases.firstIndex(where: { $0.action == action && $0.statuses != nil }),
               !isRange || index == cases.count - 1 {
                cases[index].statuses!.append(status)
            } else {
                cases.append(ResponseCase(statuses: status.map { [$0] }, action: action))
            }
        }
        if let type = returnType, successes.contains(where: { $0.content.isEmpty }) {
            returnType = type.optional
        }
        if successes.isEmpty {
            add(.range(2), .returnVoid)
        }
        for success in successes {
            add(Self.match(success.status), success.content.isEmpty && returnType != nil ? .returnNil : successAction)
        }

        var coversDefault = false
        for failure in failures {
            guard let (media, kind) = BodyKind.preferred(failure.content), kind == .json, let schema = media.schema else { continue }
            let usage = schemas.usage(of: schema, suggestedName: typePrefix + OperationNaming.statusName(failure.status))
            if failure.status == .default {
                coversDefault = true
            }
            add(Self.match(failure.status), .throwDocumented(usage.type))
        }

        var accept: [String] = []
        for response in successes + responses.filter({ !$0.status.isSuccess }) {
            for media in response.content where !media.contentType.contains("*") && !accept.contains(media.contentType) {
                accept.append(media.contentType)
            }
        }
        return TranslatedResponses(returnType: returnType, cases: cases, accept: accept, throwsUndocumented: !coversDefault)
    }
}
