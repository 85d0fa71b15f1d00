public struct SecurityScheme: Sendable {
    public enum Kind: Sendable {
        case apiKey(name: String, location: APIKeyLocation)
        /// `scheme` lower-cased: `bearer`, `basic`, or another HTTP auth scheme.
        case http(scheme: String, bearerFormat: String?)
        case oauth2
        case openIdConnect(url: String)
        case mutualTLS
    }

    public enum APIKeyLocation: String, Sendable {
        case header, query, cookie
    }

    public var source: SourceRange
    /// The key under `components/securitySchemes`.
    public var name: String
    public var kind: Kind
    public var description: String?
    public var extensions: [String: SpecExtension] = [:]

    public init(source: SourceRange, name: String, kind: Kind, description: String? = nil) {
        self.source = source
        self.name = name
        self.kind = kind
        self.description = description
    }
}

/// One alternative of a `security` list: every scheme named must be satisfied together. An empty
/// requirement (`{}`) means anonymous access is allowed.
public struct SecurityRequirement: Sendable, Hashable {
    public var schemes: [String]

    public init(schemes: [String]) {
        self.schemes = schemes
    }
}
