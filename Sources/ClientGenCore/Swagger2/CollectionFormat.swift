/// How Swagger 2.0 joins the values of an array parameter, and the OpenAPI 3 `style` and `explode` that say
/// the same where there is one.
enum CollectionFormat: String {
    case csv, ssv, tsv, pipes, multi

    struct Serialization: Equatable {
        var style: Parameter.Style
        var explode: Bool
    }

    /// What is assumed in place of a format: a defect when the spec breaks Swagger's rules ('multi' outside
    /// query and formData), a plain warning when the spec is valid but OpenAPI 3 cannot say the same.
    struct Assumption: Equatable {
        var message: String
        var isDefect: Bool
    }

    /// The serialization, and what is assumed when OpenAPI 3 has no exact equivalent.
    func serialization(in location: Swagger2Parameter.Location) -> (Serialization, assumed: Assumption?) {
        let commas = "the values are joined with commas (as csv)"
        switch location {
        case .query, .formData:
            switch self {
            case .csv: return (Serialization(style: .form, explode: false), nil)
            case .ssv: return (Serialization(style: .spaceDelimited, explode: false), nil)
            case .pipes: return (Serialization(style: .pipeDelimited, explode: false), nil)
            case .multi: return (Serialization(style: .form, explode: true), nil)
            case .tsv: return (Serialization(style: .form, explode: false), Assumption(message: "collectionFormat 'tsv' has no OpenAPI 3 equivalent; \(commas) instead of tabs", isDefect: false))
            }
        case .path, .header, .body:
            let simple = Serialization(style: .simple, explode: false)
            switch self {
            case .csv: return (simple, nil)
            case .multi: return (simple, Assumption(message: "collectionFormat 'multi' repeats query or formData parameters only; in a \(location.rawValue) parameter \(commas)", isDefect: true))
            case .ssv, .tsv, .pipes: return (simple, Assumption(message: "collectionFormat '\(rawValue)' has no OpenAPI 3 equivalent in a \(location.rawValue) parameter; \(commas)", isDefect: false))
            }
        }
    }

    /// What OpenAPI 3 assumes when a parameter gives no `style` or `explode`.
    static func openAPIDefault(in location: Swagger2Parameter.Location) -> Serialization {
        switch location {
        case .query, .formData: Serialization(style: .form, explode: true)
        case .path, .header, .body: Serialization(style: .simple, explode: false)
        }
    }
}
