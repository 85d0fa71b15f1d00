import ClientRuntime
import Foundation
import HTTPTestServer
import TestClocks
import Testing

/// A documented example body, byte for byte as the vendor doc shows it (see `Fixtures/README.md`).
func fixture(_ name: String) throws -> Data {
    let url = try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures"), "missing fixture \(name)")
    return try Data(contentsOf: url)
}

/// A fixture served as the whole response body, with `contentType`.
func serving(_ name: String, status: Int = 200, contentType: String = "application/json") throws -> ScriptedResponse {
    ScriptedResponse(status: status, headers: ["Content-Type": contentType], body: try fixture(name))
}

/// Every exchange with the local server takes milliseconds; the timeout only bounds a hang, with headroom for a
/// loaded two-core machine. The timeout itself is tested on a `ManualClock` in `AlliumTests.slowServerTimesOut`.
let testConfiguration = ClientConfiguration(timeout: testTimeout)
let testTimeout = Duration.seconds(30)

/// `testConfiguration` on a clock the test advances.
func testConfiguration(on clock: ManualClock) -> ClientConfiguration {
    ClientConfiguration(timeout: testTimeout, clock: clock)
}

/// On a fresh `ManualClock`, the earliest a call's deadline timer wakes (it sleeps `testTimeout` from the call's
/// start): the waits a test drives are the sleepers before it.
let firstCallDeadline = ManualClock.Instant(offset: testTimeout)

/// Checks that none of `secrets` can reach a log through the ways errors are usually printed.
func expectRedacted(_ error: (any Error)?, _ secrets: [String], sourceLocation: SourceLocation = #_sourceLocation) {
    guard let error else { return }
    let texts = [String(describing: error), String(reflecting: error), "\(error)", error.localizedDescription]
        + [(error as? ClientError)?.debugDescription].compactMap { $0 }
    for secret in secrets {
        for text in texts where text.contains(secret) {
            Issue.record("the secret appears in \(text)", sourceLocation: sourceLocation)
        }
    }
}

/// Seconds since 1970 that `date` must equal to the microsecond.
func expectTime(_ date: Date?, _ expected: Double, sourceLocation: SourceLocation = #_sourceLocation) {
    guard let date else {
        Issue.record("expected a date, got nil", sourceLocation: sourceLocation)
        return
    }
    #expect(abs(date.timeIntervalSince1970 - expected) < 1e-6, "\(date.timeIntervalSince1970) != \(expected)", sourceLocation: sourceLocation)
}

extension Array {
    /// The single element, or nil when there are none or several.
    var only: Element? { count == 1 ? first : nil }
}

/// A fixture whose links name the vendor's host (Dune's `next_uri`), pointed at the local server instead.
func serving(_ name: String, linkingTo server: TestServer, from host: String) throws -> ScriptedResponse {
    let text = String(decoding: try fixture(name), as: UTF8.self)
    let origin = server.url.absoluteString.hasSuffix("/") ? String(server.url.absoluteString.dropLast()) : server.url.absoluteString
    return ScriptedResponse(status: 200, headers: ["Content-Type": "application/json"], body: Data(text.replacingOccurrences(of: host, with: origin).utf8))
}

/// The requests a server received, as `METHOD target` lines: a whole flow compared at once.
func lines(_ requests: [RecordedRequest]) -> [String] {
    requests.map { "\($0.method) \($0.target)" }
}

/// The result and the server's message of the `ClientError.waitFailed` that `work` throws; records an issue for
/// any other outcome.
func waitFailure<Result>(
    _ type: Result.Type, sourceLocation: SourceLocation = #_sourceLocation, _ work: () async throws(ClientError) -> Void
) async -> (result: Result, message: String?)? {
    do throws(ClientError) {
        try await work()
        Issue.record("expected waitFailed, but the call succeeded", sourceLocation: sourceLocation)
    } catch {
        if case .waitFailed(_, let message) = error, let result = error.result(as: Result.self) { return (result, message) }
        Issue.record("expected waitFailed with a \(Result.self), got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}

/// Records an issue unless `outcome` is the `ClientError.cancelled` a cancelled call ends with.
func expectCancelled<T>(_ outcome: Result<T, any Error>, sourceLocation: SourceLocation = #_sourceLocation) {
    guard case .failure(let error) = outcome, case .cancelled? = error as? ClientError else {
        Issue.record("expected ClientError.cancelled, got \(outcome)", sourceLocation: sourceLocation)
        return
    }
}

/// A 429 asking the client to come back in one second, as rate limiters answer.
let rateLimited = ScriptedResponse(status: 429, headers: ["Retry-After": "1", "Content-Type": "application/json"], body: Data(#"{"error": "Too Many Requests"}"#.utf8))

/// Drives a flow on `clock` whose first poll of `path` finds the work running and whose second is answered with
/// `rateLimited`: the client pauses exactly `every` after the first poll and sleeps exactly the second `Retry-After`
/// asks after the 429, and no poll comes before the clock has moved that far. Call it right after starting the
/// flow; it returns once the clock has moved past both waits.
func rideOutRateLimit(on clock: ManualClock, _ server: TestServer, polling path: String, every: Duration, sourceLocation: SourceLocation = #_sourceLocation) async {
    for (polls, wait) in [(1, every), (2, Duration.seconds(1))] {
        let wakes = await clock.waitForSleepers(1, before: firstCallDeadline)
        #expect(wakes == [clock.now.advanced(by: wait)], "wait after poll \(polls)", sourceLocation: sourceLocation)
        #expect(await server.requests.filter { $0.path == path }.count == polls, "no poll before the clock moved", sourceLocation: sourceLocation)
        clock.advance(by: wait)
    }
}
