/// What every generated `Client` is: a connection to one server with one set of credentials. The protocol gives
/// each client `with(...)`, a copy whose calls use other options while the call sites stay as they are.
public protocol APIClient: Sendable {
    var connection: Connection { get }
    /// A client around `connection` as it is: how `with(...)` makes its copies.
    init(connection: Connection)
}

extension APIClient {
    /// A copy of this client whose calls, and the `waitFor…` and page helpers built on them, use these options; a
    /// nil or empty argument keeps this client's own. `headers` are sent with every request that does not set the
    /// header itself.
    ///
    /// ```swift
    /// let rows = try await client.with(timeout: .seconds(5), retry: .never).getQueryRunResults(runId: id)
    /// try await client.with(headers: ["Idempotency-Key": UUID().uuidString]).createRun(body: run)
    /// ```
    public func with(timeout: Duration? = nil, headers: HeaderFields = [:], retry: RetryPolicy? = nil) -> Self {
        with { configuration in
            if let timeout { configuration.timeout = timeout }
            for field in headers { configuration.headers[field.name] = field.value }
            if let retry { configuration.retry = retry }
        }
    }

    /// A copy of this client with its configuration changed by `change`: for what `with(timeout:headers:retry:)`
    /// does not cover, such as no timeout at all or another transport.
    public func with(_ change: (inout ClientConfiguration) -> Void) -> Self {
        var configuration = connection.configuration
        change(&configuration)
        return Self(connection: connection.configured(configuration))
    }
}
