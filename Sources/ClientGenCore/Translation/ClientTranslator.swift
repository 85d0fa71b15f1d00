/// Decides the `Client` struct: its default server and the credentials its initializer takes, one per
/// security scheme the spec declares.
struct ClientTranslator {
    let document: Document
    let diagnostics: DiagnosticCollector

    func translate() -> ClientModel {
        var labels = NameScope(reserved: ["serverURL", "configuration"])
        var credentials: [CredentialModel] = []
        for scheme in document.securitySchemes.sorted(by: { $0.name < $1.name }) {
            guard let kind = credentialKind(of: scheme) else { continue }
            credentials.append(CredentialModel(schemeName: scheme.name, label: labels.claim(Self.label(for: scheme, kind: kind)), kind: kind))
        }
        return ClientModel(
            title: document.info.title,
            version: document.info.version,
            description: document.info.description,
            serverURL: document.servers.first.map(\.defaultURL).flatMap { $0.contains("://") ? $0 : nil },
            credentials: credentials
        )
    }

    /// The initializer's label for a scheme's credential: the scheme's name, unless that name says the credential
    /// is of another kind than the one sent (Allium's `APIKeyBearer` is an API key sent in `X-API-KEY`, not a bearer
    /// token), in which case it is named for what it carries.
    private static func label(for scheme: SecurityScheme, kind: CredentialModel.Kind) -> String {
        let words = Set(Naming.words(scheme.name).map { $0.lowercased() })
        let otherKinds: Set<String> = switch kind {
        case .apiKey: ["bearer", "basic", "oauth", "oauth2", "jwt", "password"]
        case .bearer: ["basic", "password", "cookie"]
        case .basic: ["bearer", "jwt", "oauth", "oauth2"]
        }
        guard !words.isDisjoint(with: otherKinds) else { return Naming.memberName(scheme.name) }
        switch kind {
        case .apiKey(let name, _):
            // `X-API-KEY` → `apiKey`: where the key travels, less the `X-` that header names carry by convention.
            var keyWords = Naming.words(name)
            if keyWords.count > 1, keyWords[0].lowercased() == "x" { keyWords.removeFirst() }
            return Naming.memberName(keyWords.joined(separator: "_"))
        case .bearer:
            return "bearerToken"
        case .basic:
            return "basicCredentials"
        }
    }

    private func credentialKind(of scheme: SecurityScheme) -> CredentialModel.Kind? {
        switch scheme.kind {
        case .apiKey(let name, let location):
            return .apiKey(name: name, location: location)
        case .http(let kind, _) where kind == "bearer":
            return .bearer
        case .http(let kind, _) where kind == "basic":
            return .basic
        case .oauth2, .openIdConnect:
            // The client sends a token the app obtained; running the OAuth flow itself is the app's business.
            return .bearer
        case .http(let kind, _):
            diagnostics.warning("HTTP '\(kind)' authentication is not supported; the client sends no credentials for '\(scheme.name)'", at: scheme.source)
            return nil
        case .mutualTLS:
            diagnostics.warning("mutual TLS is configured on the transport, not by the generated client ('\(scheme.name)')", at: scheme.source)
            return nil
        }
    }
}
