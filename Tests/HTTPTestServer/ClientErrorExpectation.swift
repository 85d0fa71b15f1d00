import ClientRuntime
import Testing

/// The `ClientError` `work` throws; records an issue if it succeeds or throws something else.
public func clientError(_ work: () async throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) async -> ClientError? {
    do {
        try await work()
        Issue.record("expected a ClientError, but the call succeeded", sourceLocation: sourceLocation)
    } catch let error as ClientError {
        return error
    } catch {
        Issue.record("expected a ClientError, got \(type(of: error)): \(error)", sourceLocation: sourceLocation)
    }
    return nil
}
