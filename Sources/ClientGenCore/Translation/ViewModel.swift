/// What the templates render: every name, type and optionality is decided before rendering, so the templates
/// only lay text out.
public struct ModuleViewModel: Sendable {
    public var moduleName: String
    public var files: [FileViewModel]
}

public struct FileViewModel: Sendable {
    public var name: String
    /// `client`, `operations` or `types`: the template that lays the file out.
    public var template: String
    public var specName: String
    public var imports: [String]
    public var client: ClientViewModel?
    public var operations: [OperationViewModel]
    public var declarations: [DeclarationViewModel]
}

public struct ClientViewModel: Sendable {
    public var access: String
    public var docLines: [String]
    public var serverURL: String?
    public var credentials: [CredentialViewModel]
    public var initParameters: [ParameterViewModel]
}

public struct CredentialViewModel: Sendable {
    public var schemeName: String
    public var parameterName: String
    /// The runtime `Credential` built from the parameter value `$0`.
    public var expression: String
    public var isLast: Bool
}

public struct DocLines: Sendable {
    /// Each line as it follows `///`: empty, or starting with a space.
    public var lines: [String]

    init(_ texts: String?...) {
        var lines: [String] = []
        for text in texts.compactMap({ $0 }) {
            let trimmed = text.trimmingWhitespace
            guard !trimmed.isEmpty else { continue }
            if !lines.isEmpty { lines.append("") }
            for line in Self.split(trimmed) {
                let content = String(line).trimmingTrailingWhitespace
                lines.append(content.isEmpty ? "" : " " + content)
            }
        }
        self.lines = lines
    }

    /// Any line break ends a `///` line, CR and U+2028 included, or the rest of the text becomes code. Splits
    /// on scalars rather than `Character`s: Stripe's descriptions made grapheme splitting 6% of generation.
    static func split(_ text: String) -> [Substring] {
        var result: [Substring] = []
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var index = start
        while index < scalars.endIndex {
            let scalar = scalars[index]
            switch scalar.value {
            case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029:
                result.append(Substring(scalars[start..<index]))
                var next = scalars.index(after: index)
                if scalar.value == 0x0D, next < scalars.endIndex, scalars[next].value == 0x0A {
                    next = scalars.index(after: next)
                }
                start = next
                index = next
            default:
                index = scalars.index(after: index)
            }
        }
        result.append(Substring(scalars[start...]))
        return result
    }
}

public struct ParameterViewModel: Sendable {
    public var name: String
    public var type: String
    public var defaultValue: String?
    public var isLast: Bool
}

public struct OperationViewModel: Sendable {
    public var access: String
    public var name: String
    public var docLines: [String]
    public var deprecated: Bool
    public var parameters: [ParameterViewModel]
    public var returnType: String?
    public var method: String
    public var path: String
    /// One line each: `request.path("run_id", runId)`, `request.query("f", f)`.
    public var requestLines: [String]
    public var security: String?
    public var responseCases: [ResponseCaseViewModel]
    public var undocumentedDefault: Bool
    public var parametersMultiline: Bool
    /// `let`, or `var` when the request is changed after it is made: an unmutated `var` is a warning.
    public var requestBinding: String
    public var isFirst = false
    /// `id: id, page: page`: how helpers call the operation with their own parameters.
    public var callArguments: String
    public var pagination: PaginationViewModel?
    public var wait: WaitViewModel?
}

/// A method that returns every page of an operation's results, following the next-page link the server sends.
public struct PaginationViewModel: Sendable {
    public var name: String
    /// `previous.links?.next`
    public var nextLink: String
    public var nextLinkDescription: String
    /// Header, cookie, accept and security lines repeated on requests for later pages.
    public var requestLines: [String]
}

/// A method that repeats an operation until its result says the work is done.
public struct WaitViewModel: Sendable {
    public var name: String
    public var summary: String
    /// `result.data.status`, switched over when success values are given.
    public var subject: String?
    public var successPatterns: String?
    public var failurePatterns: String?
    /// `{ ($0 as? ClientError)?.status == 404 }` when a status means "not ready yet".
    public var retryCondition: String?
}

public struct ResponseCaseViewModel: Sendable {
    /// `200`, `200..<300`, or nil for `default`.
    public var pattern: String?
    public var statement: String
}

public enum DeclarationViewModel: Sendable {
    case structure(StructViewModel)
    case enumeration(EnumViewModel)
    case union(UnionViewModel)
    case alias(AliasViewModel)

    var name: String {
        switch self {
        case .structure(let value): value.name
        case .enumeration(let value): value.name
        case .union(let value): value.name
        case .alias(let value): value.name
        }
    }
}

public struct StructViewModel: Sendable {
    public var access: String
    public var name: String
    public var docLines: [String]
    public var deprecated: Bool
    public var properties: [PropertyViewModel]
    public var hasCodingKeys: Bool
    public var initParameters: [ParameterViewModel]
    public var initIsMultiline: Bool
    /// Set when synthesized decoding cannot serve: defaults for absent keys, or extra keys collected.
    public var customDecoding: Bool
    /// Set when synthesized encoding cannot serve: extra keys written, or `null` kept for required nullable keys.
    public var customEncoding = false
    public var additionalProperties: AdditionalPropertiesViewModel?
}

public struct PropertyViewModel: Sendable {
    public var name: String
    public var codingKey: String
    public var type: String
    public var docLines: [String]
    public var deprecated: Bool
    public var indirect: Bool
    /// The `Indirect` stored property behind an indirect one (`_parent`), which also names its coding key.
    public var storageName = ""
    public var jsonKey: String
    public var keyDiffers: Bool
    /// The synthesized-equivalent decoding call, or one that falls back to the spec's default.
    public var decodeExpression: String
    public var encodeMethod: String
}

public struct AdditionalPropertiesViewModel: Sendable {
    public var name: String
    public var valueType: String
}

public struct EnumViewModel: Sendable {
    public var access: String
    public var name: String
    public var docLines: [String]
    public var deprecated: Bool
    public var rawType: String
    public var cases: [EnumCaseViewModel]
}

public struct EnumCaseViewModel: Sendable {
    public var name: String
    public var rawLiteral: String
}

public struct UnionViewModel: Sendable {
    public var access: String
    public var name: String
    public var docLines: [String]
    public var deprecated: Bool
    public var indirect: Bool
    public var cases: [UnionCaseViewModel]
    public var discriminator: String?
    public var discriminatorMappings: [DiscriminatorMappingViewModel]
}

public struct UnionCaseViewModel: Sendable {
    public var name: String
    public var type: String
    public var isFirst: Bool
}

public struct DiscriminatorMappingViewModel: Sendable {
    /// `"cat", "Cat"`: every discriminator value that selects the case.
    public var valueLiterals: String
    public var caseName: String
    public var caseType: String
}

public struct AliasViewModel: Sendable {
    public var access: String
    public var name: String
    public var docLines: [String]
    public var type: String
}

extension String {
    var trimmingWhitespace: String {
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text = text.dropFirst() }
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        return String(text)
    }

    var trimmingTrailingWhitespace: String {
        var text = Substring(self)
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        return String(text)
    }
}
