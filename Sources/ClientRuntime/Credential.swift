import Foundation

/// Where an API key travels, as OpenAPI's `apiKey` security scheme names it.
public enum APIKeyLocation: String, Sendable, Hashable {
    case header
    case query
    case cookie
}

/// A user name and password pair, so generated clients can take HTTP Basic credentials as one argument.
public struct BasicCredentials: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    public var username: String
    public var password: String

    public init(username: String, password: String) {
        self.username = username
        self.password = password
    }

    /// The password never reaches logs or error messages, even through string interpolation.
    public var description: String { "BasicCredentials(username: \(username), password: <redacted>)" }
    public var debugDescription: String { description }
}

/// A secret that satisfies one security scheme. It only knows how to describe itself with the secret
/// redacted, so printing a client or its configuration cannot leak it.
public enum Credential: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    case apiKey(String, name: String, in: APIKeyLocation)
    case bearer(String)
    case basic(username: String, password: String)

    public var description: String {
        switch self {
        case .apiKey(_, let name, let location): "Credential.apiKey(<redacted>, name: \(name), in: \(location))"
        case .bearer: "Credential.bearer(<redacted>)"
        case .basic(let username, _): "Credential.basic(username: \(username), password: <redacted>)"
        }
    }

    public var debugDescription: String { description }

    /// The strings that must never appear in text the runtime produces (error descriptions, logs).
    var secrets: [String] {
        switch self {
        case .apiKey(let key, _, _): [key]
        case .bearer(let token): [token]
        case .basic(let username, let password): [password, Self.basicToken(username: username, password: password)]
        }
    }

    static func basicToken(username: String, password: String) -> String {
        Data("\(username):\(password)".utf8).base64EncodedString()
    }
}
