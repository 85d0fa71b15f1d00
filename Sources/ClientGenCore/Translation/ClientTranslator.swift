/// Decides the `Client` struct: its default server and the credentials its initializer takes, one per
/// security scheme the spec declares.
struct ClientTranslator {
    let document: Document
    let access: String

    func translate(log: inout DiagnosticLog) -> ClientViewModel {
        var labels = NameScope(reserved: ["serverURL", "configuration"])
        var credentials: [CredentialViewModel] = []
        var parameters: [ParameterViewModel] = []

        let serverURL = document.servers.first.map(\.defaultURL).flatMap { $0.contains("://") ? $0 : nil }
        parameters.append(ParameterViewModel(
            name: "serverURL",
            type: "URL",
            defaultValue: serverURL.map { "URL(string: \(SwiftLiteral.string($0)))!" },
            isLast: false
        ))

        for scheme in document.securitySchemes.sorted(by: { $0.name < $1.name }) {
            guard let (type, expression) = credential(for: scheme, log: &log) else { continue }
            let label = Naming.escapedMember(labels.claim(Naming.memberName(scheme.name)))
            parameters.append(ParameterViewModel(name: label, type: type + "?", defaultValue: "nil", isLast: false))
            credentials.append(CredentialViewModel(
                schemeName: SwiftLiteral.string(scheme.name),
                parameterName: label,
                expression: expression,
                isLast: false
            ))
        }
        parameters.append(ParameterViewModel(name: "configuration", type: "ClientConfiguration", defaultValue: ".init()", isLast: true))
        if !credentials.isEmpty {
            credentials[credentials.count - 1].isLast = true
        }
        return ClientViewModel(
            access: access,
            docLines: DocLines("\(document.info.title) \(document.info.version)", document.info.description).lines,
            serverURL: serverURL,
            credentials: credentials,
            initParameters: parameters
        )
    }

    /// The credential's Swift type and how it becomes a runtime `Credential` from `$0`.
    private func credential(for scheme: SecurityScheme, log: inout DiagnosticLog) -> (String, String)? {
        switch scheme.kind {
        case .apiKey(let name, let location):
            return ("String", ".apiKey($0, name: \(SwiftLiteral.string(name)), in: .\(location.rawValue))")
        case .http(let kind, _) where kind == "bearer":
            return ("String", ".bearer($0)")
        case .http(let kind, _) where kind == "basic":
            return ("BasicCredentials", ".basic(username: $0.username, password: $0.password)")
        case .oauth2, .openIdConnect:
            // The client sends a token the app obtained; running the OAuth flow itself is the app's business.
            return ("String", ".bearer($0)")
        case .http(let kind, _):
            log.warning("HTTP '\(kind)' authentication is not supported; the client sends no credentials for '\(scheme.name)'",
                        file: scheme.source.file, at: scheme.source.location, path: scheme.source.path)
            return nil
        case .mutualTLS:
            log.warning("mutual TLS is configured on the transport, not by the generated client ('\(scheme.name)')",
                        file: scheme.source.file, at: scheme.source.location, path: scheme.source.path)
            return nil
        }
    }
}
