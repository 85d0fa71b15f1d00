import Foundation

/// Sends requests to one server with one set of credentials. Generated clients hold one and call
/// `send`, then `decode` or one of the error builders depending on the status.
public struct Connection: Sendable {
    public let serverURL: URL
    public let configuration: ClientConfiguration
    let credentials: [String: Credential]

    /// `credentials` maps security scheme names to secrets; nil entries (arguments the caller left
    /// out) are dropped so generated code can pass every scheme unconditionally.
    public init(serverURL: URL, configuration: ClientConfiguration = .init(), credentials: [String: Credential?] = [:]) {
        self.serverURL = serverURL
        self.configuration = configuration
        self.credentials = credentials.compactMapValues { $0 }
    }

    /// Sends the request and reads the whole response body, up to `maxResponseBytes`.
    public func send(_ request: Request) async throws -> Response {
        let (received, url) = try await exchange(request)
        do {
            let body = try await received.body.collect(upTo: configuration.maxResponseBytes)
            return Response(status: received.status, headers: received.headers, body: body, url: url, method: request.method)
        } catch {
            throw mapped(error)
        }
    }

    /// Sends the request and returns as soon as the response head arrives; the body streams in as it is read.
    /// The whole-exchange timeout covers reading it, and cancelling the reading task stops the transfer.
    public func stream(_ request: Request) async throws -> StreamedResponse {
        let (received, url) = try await exchange(request)
        let source = received.body
        let redacting = self
        let body = HTTPBody(SingleUseChunks(next: { [iterator = ChunkIterator(source)] in
            do {
                return try await iterator.next()
            } catch {
                throw redacting.mapped(error)
            }
        }), length: source.length)
        return StreamedResponse(status: received.status, headers: received.headers, body: body, url: url, method: request.method)
    }

    private func exchange(_ request: Request) async throws -> (TransportResponse, URL) {
        try Task.checkCancellation()
        if let problem = request.problem { throw ClientError.invalidRequest(redact(problem)) }
        let url = try request.url(serverURL: serverURL)
        let outgoing = TransportRequest(
            method: request.method, url: url, headers: headers(for: request), body: request.body,
            timeout: configuration.timeout, maxResponseBytes: configuration.maxResponseBytes)

        let transport = configuration.transport
        let authorize = { @Sendable (outgoing: TransportRequest) in
            try await transport.send(self.authorized(outgoing, security: request.security))
        }
        let chain = configuration.middlewares.reversed().reduce(authorize) { next, middleware in
            { @Sendable outgoing in try await middleware.intercept(outgoing, next: next) }
        }
        do {
            return (try await chain(outgoing), url)
        } catch {
            throw mapped(error)
        }
    }

    /// Decodes a JSON success body. A non-JSON Content-Type is reported as such rather than as a
    /// confusing JSON syntax error.
    public func decode<T: Decodable>(_ type: T.Type, from response: Response) throws -> T {
        if let contentType = response.headers["content-type"], !MediaType.isJSON(contentType) {
            throw ClientError.unexpectedContentType(expected: "application/json", received: contentType)
        }
        do {
            return try configuration.makeDecoder().decode(T.self, from: response.body)
        } catch let error as DecodingError {
            throw ClientError.decoding(failure(error, response: response))
        }
    }

    /// The error for a status the API documents; if its body does not decode, the decoding failure
    /// (which still carries the status) is more useful than a half-empty error.
    public func documentedError<T: Decodable & Sendable>(_ type: T.Type, from response: Response) -> ClientError {
        do {
            let body = try decode(T.self, from: response)
            return .documentedStatus(status: response.status, body: body, rawBody: response.body, headers: response.headers)
        } catch ClientError.unexpectedContentType(_, let received) {
            return .decoding(DecodingFailure(
                status: response.status, codingPath: "", message: "expected a JSON error body but got \(received ?? "none")",
                bodySnippet: redact(ClientError.snippet(of: response.body))))
        } catch let error as ClientError {
            return error
        } catch {
            return .transport(redact("\(error)"))
        }
    }

    public func undocumentedError(_ response: Response) -> ClientError {
        .undocumentedStatus(status: response.status, rawBody: response.body, headers: response.headers)
    }

    /// The error for a documented status of a streamed call, whose body is read first.
    public func documentedError<T: Decodable & Sendable>(_ type: T.Type, from response: StreamedResponse) async -> ClientError {
        do {
            return documentedError(T.self, from: try await buffered(response))
        } catch {
            return (mapped(error) as? ClientError) ?? .transport(redact("\(error)"))
        }
    }

    /// The error for an undocumented status of a streamed call, whose body is read first.
    public func undocumentedError(_ response: StreamedResponse) async -> ClientError {
        do {
            return undocumentedError(try await buffered(response))
        } catch {
            return (mapped(error) as? ClientError) ?? .transport(redact("\(error)"))
        }
    }

    /// A streamed response read whole, up to `maxResponseBytes`.
    public func buffered(_ response: StreamedResponse) async throws -> Response {
        let body = try await response.body.collect(upTo: configuration.maxResponseBytes)
        return Response(status: response.status, headers: response.headers, body: body, url: response.url, method: response.method)
    }

    private func headers(for request: Request) -> HeaderFields {
        var headers = request.headers
        if let userAgent = configuration.userAgent, !headers.contains("User-Agent") {
            headers.add("User-Agent", userAgent)
        }
        if !request.cookies.isEmpty {
            headers.add("Cookie", request.cookies.map { "\($0.0)=\($0.1)" }.joined(separator: "; "))
        }
        return headers
    }

    /// Adds the credentials of the first satisfiable security alternative, and none at all when the
    /// request leaves the server's origin: a link from the server must not be able to harvest secrets.
    func authorized(_ request: TransportRequest, security: [[String]]) -> TransportRequest {
        guard Self.sameOrigin(request.url, serverURL),
              let schemes = security.first(where: { $0.allSatisfy { credentials[$0] != nil } })
        else { return request }
        var request = request
        for scheme in schemes {
            switch credentials[scheme] {
            case .apiKey(let key, let name, .header)?:
                request.headers[name] = key
            case .apiKey(let key, let name, .query)?:
                let pair = PercentEncoding.encode(name) + "=" + PercentEncoding.encode(key)
                let text = request.url.absoluteString
                request.url = URL(string: text + (text.contains("?") ? "&" : "?") + pair) ?? request.url
            case .apiKey(let key, let name, .cookie)?:
                let cookie = "\(name)=\(PercentEncoding.encode(key))"
                request.headers["Cookie"] = request.headers["Cookie"].map { "\($0); \(cookie)" } ?? cookie
            case .bearer(let token)?:
                request.headers["Authorization"] = "Bearer \(token)"
            case .basic(let username, let password)?:
                request.headers["Authorization"] = "Basic \(Credential.basicToken(username: username, password: password))"
            case nil:
                break
            }
        }
        return request
    }

    static func sameOrigin(_ a: URL, _ b: URL) -> Bool {
        func origin(_ url: URL) -> (String, String, Int?) {
            let scheme = url.scheme?.lowercased() ?? ""
            let defaultPort = scheme == "https" ? 443 : scheme == "http" ? 80 : nil
            return (scheme, url.host?.lowercased() ?? "", url.port ?? defaultPort)
        }
        return origin(a) == origin(b)
    }

    func mapped(_ error: any Error) -> any Error {
        if error is CancellationError || Task.isCancelled { return CancellationError() }
        switch error {
        case ClientError.transport(let message): return ClientError.transport(redact(message))
        case ClientError.invalidRequest(let message): return ClientError.invalidRequest(redact(message))
        case let error as ClientError: return error
        default: return ClientError.transport(redact(String(describing: error)))
        }
    }

    private func failure(_ error: DecodingError, response: Response) -> DecodingFailure {
        let (path, message): ([any CodingKey], String) = switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .keyNotFound(_, let context), .dataCorrupted(let context):
            (context.codingPath + Self.missingKey(error), Self.message(error, context))
        @unknown default:
            ([], "\(error)")
        }
        return DecodingFailure(
            status: response.status, codingPath: Self.text(of: path), message: redact(message),
            bodySnippet: redact(ClientError.snippet(of: response.body)))
    }

    private static func missingKey(_ error: DecodingError) -> [any CodingKey] {
        if case .keyNotFound(let key, _) = error { [key] } else { [] }
    }

    private static func message(_ error: DecodingError, _ context: DecodingError.Context) -> String {
        let underlying = (context.underlyingError as NSError?).map { " (\($0.localizedDescription))" } ?? ""
        return switch error {
        case .keyNotFound: "required key is missing"
        case .valueNotFound(let type, _): "expected \(type) but found null"
        case .typeMismatch(let type, _): "expected \(type): \(context.debugDescription)"
        default: context.debugDescription + underlying
        }
    }

    /// `results[0].summary.read_rows`: how people write JSON paths.
    static func text(of path: [any CodingKey]) -> String {
        var text = ""
        for key in path {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += (text.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return text
    }

    /// Removes every secret this connection holds from text that may end up in logs.
    func redact(_ text: String) -> String {
        credentials.values.flatMap(\.secrets).filter { !$0.isEmpty }.reduce(text) { text, secret in
            text.replacingOccurrences(of: secret, with: "<redacted>")
                .replacingOccurrences(of: PercentEncoding.encode(secret), with: "<redacted>")
        }
    }
}
