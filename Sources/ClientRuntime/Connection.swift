import Foundation

/// Sends requests to one server with one set of credentials. Generated clients hold one and call
/// `send`, then `decode` or one of the error builders depending on the status.
public struct Connection: Sendable {
    public let serverURL: URL
    public private(set) var configuration: ClientConfiguration
    let credentials: [String: Credential]

    /// `credentials` maps security scheme names to secrets; nil entries (arguments the caller left
    /// out) are dropped so generated code can pass every scheme unconditionally.
    public init(serverURL: URL, configuration: ClientConfiguration = .init(), credentials: [String: Credential?] = [:]) {
        self.serverURL = serverURL
        self.configuration = configuration
        self.credentials = credentials.compactMapValues { $0 }
    }

    /// The same server and credentials with another configuration.
    public func configured(_ configuration: ClientConfiguration) -> Connection {
        var copy = self
        copy.configuration = configuration
        return copy
    }

    /// Sends the request and reads the whole response body, up to `maxResponseBytes`, under the retry policy: a
    /// body that breaks off is read again from the start when the request may be sent again.
    public func send(_ request: Request) async throws(ClientError) -> Response {
        try await retrying(request) { outgoing in
            let (received, url) = try await exchange(outgoing, security: request.security)
            let body = try await received.body.collect(upTo: configuration.maxResponseBytes)
            return Response(status: received.status, headers: received.headers, body: body, url: url, method: request.method)
        }
    }

    /// Sends the request and returns as soon as the response head arrives; the body streams in as it is read.
    /// The call's timeout covers reading it, and cancelling the reading task stops the transfer. Attempts are
    /// retried until a head arrives; once the body is handed on, a failure is the reader's.
    public func stream(_ request: Request) async throws(ClientError) -> StreamedResponse {
        try await retrying(request) { outgoing in
            let (received, url) = try await exchange(outgoing, security: request.security)
            let source = received.body
            let redacting = self
            let body = HTTPBody(SingleUseChunks(next: { [iterator = ChunkIterator(source)] in
                do {
                    return try await iterator.next()
                } catch {
                    throw redacting.streamError(error)
                }
            }), length: source.length)
            return StreamedResponse(status: received.status, headers: received.headers, body: body, url: url, method: request.method)
        }
    }

    /// The request as the transport gets it, before middlewares and credentials, with the whole call's timeout.
    func outgoing(_ request: Request) throws(ClientError) -> TransportRequest {
        if Task.isCancelled { throw .cancelled }
        if let problem = request.problem { throw .invalidRequest(redact(problem)) }
        let url: URL
        do {
            url = try request.url(serverURL: serverURL)
        } catch {
            throw mapped(error)
        }
        return TransportRequest(
            method: request.method, url: url, headers: headers(for: request), body: request.body,
            timeout: configuration.timeout, maxResponseBytes: configuration.maxResponseBytes)
    }

    /// One attempt through the middlewares, with credentials added after the last of them.
    private func exchange(_ outgoing: TransportRequest, security: [[String]]) async throws -> (TransportResponse, URL) {
        let transport = configuration.transport
        let authorize = { @Sendable (outgoing: TransportRequest) in
            try await transport.send(self.authorized(outgoing, security: security))
        }
        let chain = configuration.middlewares.reversed().reduce(authorize) { next, middleware in
            { @Sendable outgoing in try await middleware.intercept(outgoing, next: next) }
        }
        return (try await chain(outgoing), outgoing.url)
    }

    /// Decodes a JSON success body. A non-JSON Content-Type is reported as such rather than as a
    /// confusing JSON syntax error.
    public func decode<T: Decodable>(_ type: T.Type, from response: Response) throws(ClientError) -> T {
        if let contentType = response.headers["content-type"], !MediaType.isJSON(contentType) {
            throw answered(.unexpectedContentType(expected: "application/json", received: contentType), response)
        }
        do {
            return try configuration.makeDecoder().decode(T.self, from: response.body)
        } catch {
            throw answered(.decoding(failure(error, response: response)), response)
        }
    }

    /// The error for a status the API documents. A body that does not decode is reported as such, with the status,
    /// headers and raw body it came with.
    public func documentedError<T: Decodable & Sendable>(_ type: T.Type, from response: Response) -> ClientError {
        if let contentType = response.headers["content-type"], !MediaType.isJSON(contentType) {
            return answered(.undecodableErrorBody(DecodingFailure(
                status: response.status, codingPath: "", message: "expected a JSON error body but got \(contentType)",
                bodySnippet: redact(ClientError.snippet(of: response.body)), headers: response.headers, rawBody: response.body)), response)
        }
        do {
            let body = try configuration.makeDecoder().decode(T.self, from: response.body)
            return answered(.documentedStatus(status: response.status, body: body, rawBody: response.body, headers: response.headers), response)
        } catch {
            return answered(.undecodableErrorBody(failure(error, response: response)), response)
        }
    }

    public func undocumentedError(_ response: Response) -> ClientError {
        answered(.undocumentedStatus(status: response.status, rawBody: response.body, headers: response.headers), response)
    }

    /// The error for a documented status of a streamed call, whose body is read first.
    public func documentedError<T: Decodable & Sendable>(_ type: T.Type, from response: StreamedResponse) async -> ClientError {
        do throws(ClientError) {
            return documentedError(T.self, from: try await buffered(response))
        } catch {
            return error
        }
    }

    /// The error for an undocumented status of a streamed call, whose body is read first.
    public func undocumentedError(_ response: StreamedResponse) async -> ClientError {
        do throws(ClientError) {
            return undocumentedError(try await buffered(response))
        } catch {
            return error
        }
    }

    /// A streamed response read whole, up to `maxResponseBytes`.
    public func buffered(_ response: StreamedResponse) async throws(ClientError) -> Response {
        let body: Data
        do {
            body = try await response.body.collect(upTo: configuration.maxResponseBytes)
        } catch {
            throw mapped(error)
        }
        var buffered = Response(status: response.status, headers: response.headers, body: body, url: response.url, method: response.method)
        buffered.attempts = response.attempts
        buffered.retryStop = response.retryStop
        return buffered
    }

    /// `error`, made from `response`, saying so when the retry policy would have retried the response but stopped.
    private func answered(_ error: ClientError, _ response: Response) -> ClientError {
        guard let stop = response.retryStop else { return error }
        return .gaveUp(attempts: response.attempts, reason: stop, last: error)
    }

    private func headers(for request: Request) -> HeaderFields {
        var headers = request.headers
        for field in configuration.headers where !headers.contains(field.name) {
            headers.add(field.name, field.value)
        }
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

    /// Any error of an exchange as a `ClientError`, its message redacted.
    func mapped(_ error: any Error) -> ClientError {
        if error is CancellationError || Task.isCancelled { return .cancelled }
        switch error {
        case let failure as TransportFailure: return .transport(redact(failure.message))
        case ClientError.transport(let message): return .transport(redact(message))
        case ClientError.invalidRequest(let message): return .invalidRequest(redact(message))
        case let error as ClientError: return error
        default: return .transport(redact(String(describing: error)))
        }
    }

    /// An error while a streamed body is read: iterating a sequence stops with `CancellationError` when cancelled,
    /// as everywhere in Swift concurrency.
    func streamError(_ error: any Error) -> any Error {
        let mapped = mapped(error)
        if case .cancelled = mapped { return CancellationError() }
        return mapped
    }

    private func failure(_ error: any Error, response: Response) -> DecodingFailure {
        let (path, message): ([any CodingKey], String) = switch error {
        case let error as DecodingError:
            switch error {
            case .typeMismatch(_, let context), .valueNotFound(_, let context), .keyNotFound(_, let context), .dataCorrupted(let context):
                (context.codingPath + Self.missingKey(error), Self.message(error, context))
            @unknown default:
                ([], "\(error)")
            }
        default:
            ([], "\(error)")
        }
        return DecodingFailure(
            status: response.status, codingPath: Self.text(of: path), message: redact(message),
            bodySnippet: redact(ClientError.snippet(of: response.body)), headers: response.headers, rawBody: response.body)
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
