@testable import ClientGenCore

/// Swift expressions for the arguments a generated method requires, built from the typed model: the transport
/// answers every request with the example, so any value of the right type will do, and one spelled from the model
/// is checked by the compiler against the method it is passed to.
struct ExampleArguments {
    let declarations: [String: Declaration]

    init(_ module: SwiftModule) {
        declarations = Dictionary(module.declarations.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// `owner: "x", repo: "x", body: CreateBody(ref: "x")` for the parameters without defaults; nil when a type has no
    /// value this can spell (a required property that contains itself, say).
    func call(_ operation: OperationModel) -> String? {
        arguments(operation.parameters.filter { $0.defaultValue == nil }.map { ($0.label, $0.type) }, depth: 0)
    }

    func value(of type: SwiftType, depth: Int) -> String? {
        guard depth < 12 else { return nil }
        switch type {
        case .optional: return "nil"
        case .array: return "[]"
        case .dictionary: return "[:]"
        case .builtin(let builtin): return Self.value(of: builtin)
        case .declared(let name): return declared(name, depth: depth)
        case .events, .jsonStream, .jsonRows: return nil
        }
    }

    private static func value(of builtin: BuiltinType) -> String? {
        switch builtin {
        case .string: #""x""#
        case .int, .int32, .int64, .double: "1"
        case .bool: "true"
        case .date: "Foundation.Date(timeIntervalSince1970: 0)"
        case .calendarDate: "CalendarDate(year: 2020, month: 1, day: 1)!"
        case .uuid: "Foundation.UUID()"
        case .data: "Foundation.Data()"
        case .url: #"Foundation.URL(string: "http://example.invalid")!"#
        case .jsonValue: "JSONValue.null"
        case .httpBody: "HTTPBody(Foundation.Data())"
        case .multipartFile: "MultipartFile(Foundation.Data())"
        case .multipartForm: "MultipartForm()"
        case .csvRows, .basicCredentials, .clientConfiguration: nil
        }
    }

    private func declared(_ name: String, depth: Int) -> String? {
        switch declarations[name] {
        case .structure(let structure) where structure.coding != .keyed:
            // A struct of `anyOf` branches needs one of them.
            for property in structure.properties {
                if let value = value(of: property.type.unwrapped, depth: depth + 1) {
                    return "\(name)(\(ViewModelBuilder.escaped(property.name)): \(value))"
                }
            }
            return nil
        case .structure(let structure):
            let required = structure.properties.filter { !$0.type.isOptional && $0.defaultValue == nil }
            return arguments(required.map { ($0.name, $0.type) }, depth: depth + 1).map { "\(name)(\($0))" }
        case .form(let form):
            let required = form.fields.filter { !$0.type.isOptional && $0.defaultValue == nil }
            return arguments(required.map { ($0.name, $0.type) }, depth: depth + 1).map { "\(name)(\($0))" }
        case .enumeration(let enumeration):
            return "\(name)(rawValue: \(enumeration.rawType == .int ? "1" : #""x""#))"
        case .union(let union):
            for unionCase in union.cases {
                if let value = value(of: unionCase.type, depth: depth + 1) {
                    return "\(name).\(ViewModelBuilder.escapedAfterDot(unionCase.name))(\(value))"
                }
            }
            return nil
        case .alias(let alias):
            return value(of: alias.target, depth: depth + 1)
        case .output, nil:
            return nil
        }
    }

    /// `a: …, b: …`, a value for each; nil when one has no value this can spell.
    private func arguments(_ members: [(label: String, type: SwiftType)], depth: Int) -> String? {
        var arguments: [String] = []
        for member in members {
            guard let value = value(of: member.type, depth: depth) else { return nil }
            arguments.append("\(ViewModelBuilder.escaped(member.label)): \(value)")
        }
        return arguments.joined(separator: ", ")
    }
}
