/// What the translate stage decides: the Swift a module consists of, as typed values. Names are plain
/// identifiers (escaped only when rendered), spec keys are kept as written, and types are `SwiftType`s, so
/// every pass after translation works on meaning rather than on spelled-out code.
public struct SwiftModule: Sendable {
    public var client: ClientModel
    /// In the order their names were claimed: by name, then path and method.
    public var operations: [OperationModel]
    public var declarations: [Declaration]
}

/// The `Client` struct: its default server and one labelled credential per usable security scheme.
public struct ClientModel: Sendable {
    public var title: String
    public var version: String
    public var description: String?
    /// The spec's first server, when it is an absolute URL.
    public var serverURL: String?
    public var credentials: [CredentialModel]
}

public struct CredentialModel: Sendable {
    /// The key under `components/securitySchemes`, which requests name in their security requirements.
    public var schemeName: String
    public var label: String
    public var kind: Kind

    public enum Kind: Sendable, Hashable {
        case apiKey(name: String, location: SecurityScheme.APIKeyLocation)
        case bearer
        case basic
    }

    public var type: SwiftType {
        switch kind {
        case .apiKey, .bearer: .string
        case .basic: .builtin(.basicCredentials)
        }
    }
}
