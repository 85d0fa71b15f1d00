extension OperationTranslator {
    struct TranslatedResponses {
        var returnType: String?
        var cases: [ResponseCaseViewModel]
        var accept: String?
        var needsUndocumentedDefault: Bool
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

    private static func pattern(_ status: Response.Status) -> String? {
        switch status {
        case .code(let code): String(code)
        case .range(let digit): "\(digit)00..<\(digit + 1)00"
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
        var returnType: String?
        var successStatement = "return"
        if let (response, (media, kind)) = main {
            switch kind {
            case .json, .form:
                let type = media.schema.map {
                    schemas.usage(of: $0, suggestedName: typePrefix + OperationNaming.statusName(response.status))
                }
                let usage = type ?? .json
                returnType = usage.nullable ? usage.optionalType : usage.type
                successStatement = "return try connection.decode(\(returnType!).self, from: response)"
            case .text:
                returnType = "String"
                successStatement = "return try response.text()"
            case .binary:
                returnType = "Data"
                successStatement = "return response.body"
            }
        }

        var cases: [ResponseCaseViewModel] = []
        func add(_ pattern: String?, _ statement: String) {
            // A range joins an earlier case only when no case in between would then be shadowed by it.
            if let pattern, let index = cases.firstIndex(where: { $0.statement == statement && $0.pattern != nil }),
               !pattern.contains("..<") || index == cases.count - 1 {
                cases[index].pattern! += ", " + pattern
            } else {
                cases.append(ResponseCaseViewModel(pattern: pattern, statement: statement))
            }
        }
        let someSuccessIsEmpty = successes.contains { $0.content.isEmpty }
        if let type = returnType, someSuccessIsEmpty, !type.hasSuffix("?") {
            returnType = type + "?"
        }
        if successes.isEmpty {
            add("200..<300", "return")
        }
        for success in successes {
            add(Self.pattern(success.status), success.content.isEmpty && returnType != nil ? "return nil" : successStatement)
        }

        var coversDefault = false
        for failure in failures {
            guard let (media, kind) = BodyKind.preferred(failure.content), kind == .json, let schema = media.schema else { continue }
            let usage = schemas.usage(of: schema, suggestedName: typePrefix + OperationNaming.statusName(failure.status))
            let statement = "throw connection.documentedError(\(usage.type).self, from: response)"
            if failure.status == .default {
                coversDefault = true
            }
            add(Self.pattern(failure.status), statement)
        }

        var accept: [String] = []
        for response in successes + responses.filter({ !$0.status.isSuccess }) {
            for media in response.content where !media.contentType.contains("*") && !accept.contains(media.contentType) {
                accept.append(media.contentType)
            }
        }
        return TranslatedResponses(
            returnType: returnType,
            cases: cases,
            accept: accept.isEmpty ? nil : accept.joined(separator: ", "),
            needsUndocumentedDefault: !coversDefault
        )
    }
}
