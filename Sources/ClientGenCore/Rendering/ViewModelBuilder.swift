import Foundation

/// Turns the translated `SwiftModule` into text for the templates: the one place typed decisions are spelled
/// as Swift. Names are escaped here, spec strings quoted here, and nothing here decides what the code does.
public struct ViewModelBuilder: Sendable {
    public var moduleName: String
    public var access: AccessLevel
    /// The spec's file name, quoted in every generated file's header.
    public var specName: String

    public init(moduleName: String, access: AccessLevel, specName: String) {
        self.moduleName = moduleName
        self.access = access
        self.specName = specName
    }

    /// The access keyword as it prefixes a declaration; internal is Swift's default and is not spelled out.
    var accessKeyword: String {
        switch access {
        case .public: "public "
        case .internal: ""
        }
    }

    /// Each part's operations and types are spelled on a thread of their own: structs are most of a large
    /// spec's output, and this is where their lines are made.
    public func build(_ module: SwiftModule) -> ModuleViewModel {
        let imports = ["ClientRuntime", "Foundation"]
        let operationShards = FileLayout.shards(module.operations, by: \.name)
        let typeShards = FileLayout.shards(module.declarations, by: \.name)
        let parts = Locked([FileViewModel?](repeating: nil, count: 2 * FileLayout.shardCount))
        DispatchQueue.concurrentPerform(iterations: 2 * FileLayout.shardCount) { slot in
            let part = slot / 2
            let file: FileViewModel
            if slot % 2 == 0 {
                var operations = operationShards[part].map(operation)
                if !operations.isEmpty { operations[0].isFirst = true }
                file = FileViewModel(
                    name: "Part\(part + 1).Operations.swift", template: "operations", specName: specName,
                    imports: operations.isEmpty ? [] : imports, client: nil, operations: operations, declarations: []
                )
            } else {
                let declarations = typeShards[part].map(declaration)
                file = FileViewModel(
                    name: "Part\(part + 1).Types.swift", template: "types", specName: specName,
                    imports: declarations.isEmpty ? [] : imports, client: nil, operations: [], declarations: declarations
                )
            }
            parts.withLock { $0[slot] = file }
        }
        let clientFile = FileViewModel(
            name: "Client.swift", template: "client", specName: specName, imports: imports,
            client: client(module.client), operations: [], declarations: []
        )
        return ModuleViewModel(moduleName: moduleName, files: [clientFile] + parts.withLock { $0.compactMap { $0 } })
    }

    func client(_ client: ClientModel) -> ClientViewModel {
        var parameters = [ParameterViewModel(
            name: "serverURL", type: BuiltinType.url.rawValue, defaultValue: client.serverURL.map { Self.literal(.url($0)) }, isLast: false
        )]
        var credentials: [CredentialViewModel] = []
        for credential in client.credentials {
            let label = Self.escaped(credential.label)
            parameters.append(ParameterViewModel(name: label, type: credential.type.optional.spelling, defaultValue: "nil", isLast: false))
            let expression = switch credential.kind {
            case .apiKey(let name, let location): ".apiKey($0, name: \(SwiftLiteral.string(name)), in: .\(location.rawValue))"
            case .bearer: ".bearer($0)"
            case .basic: ".basic(username: $0.username, password: $0.password)"
            }
            credentials.append(CredentialViewModel(
                schemeName: SwiftLiteral.string(credential.schemeName), parameterName: label, expression: expression
            ))
        }
        parameters.append(ParameterViewModel(
            name: "configuration", type: BuiltinType.clientConfiguration.rawValue, defaultValue: Self.literal(.defaultInstance), isLast: true
        ))
        return ClientViewModel(
            access: accessKeyword,
            docLines: DocLines("\(client.title) \(client.version)", client.description).lines,
            credentials: credentials,
            initParameters: parameters
        )
    }

    // MARK: - Spelling

    /// How a member name is written in code: reserved words in backticks.
    static func escaped(_ name: String) -> String {
        Naming.reservedMemberWords.contains(name) ? "`\(name)`" : name
    }

    /// After a dot every keyword is a member name but `init`, which calls an initializer.
    static func escapedAfterDot(_ name: String) -> String {
        name == "init" ? "`init`" : name
    }

    /// Where an optional is expected, `.none` is `Optional.none` before it is a case of the enum (a default of
    /// `none` would silently become nil), so cases that share a name with Optional's are spelled with their type.
    static let optionalMembers: Set<String> = ["none", "some"]

    static func literal(_ value: SwiftValue) -> String {
        switch value {
        case .nil: "nil"
        case .bool(let flag): String(flag)
        case .int(let number): String(number)
        case .double(let number): String(number)
        case .string(let text): SwiftLiteral.string(text)
        case .enumCase(let name, let type): (optionalMembers.contains(name) ? type : "") + "." + escapedAfterDot(name)
        case .array(let items): "[" + items.map(literal).joined(separator: ", ") + "]"
        case .emptyDictionary: "[:]"
        case .defaultInstance: ".init()"
        case .url(let text): "URL(string: \(SwiftLiteral.string(text)))!"
        }
    }

    /// A type's doc comment: its title and description, and a note when the spec deprecates it. A deprecated
    /// type says so here rather than with `@available(*, deprecated)`: generated code refers to its own types, and
    /// every such reference would be a compiler warning in the client (OpenAI's spec: 51 of them).
    func docLines(_ documentation: Documentation) -> [String] {
        var lines = DocLines(documentation.title, documentation.description).lines
        if documentation.deprecated {
            lines += (lines.isEmpty ? [] : [""]) + [" - Important: Deprecated in the spec."]
        }
        return lines
    }

    /// Marks the last parameter, for templates that put a comma after every other one.
    static func markingLast(_ parameters: [ParameterViewModel]) -> [ParameterViewModel] {
        var parameters = parameters
        if !parameters.isEmpty { parameters[parameters.count - 1].isLast = true }
        return parameters
    }
}
