@testable import ClientRuntime
import Foundation
import Testing

/// The parts of the retry policy that need no server: the waits servers ask for, and the backoff bounds.
@Suite struct RetryPolicyTests {
    private let now = Date(timeIntervalSince1970: 1_700_000_000)

    @Test func retryAfterInSecondsAndAsEveryHTTPDateForm() {
        #expect(RequestedWait.retryAfter("120", now: now) == .seconds(120))
        #expect(RequestedWait.retryAfter(" 0 ", now: now) == .zero)
        // 1_700_000_000 is Tue, 14 Nov 2023 22:13:20 GMT.
        #expect(RequestedWait.retryAfter("Tue, 14 Nov 2023 22:13:50 GMT", now: now) == .seconds(30))
        #expect(RequestedWait.retryAfter("Tuesday, 14-Nov-23 22:13:50 GMT", now: now) == .seconds(30))
        #expect(RequestedWait.retryAfter("Tue Nov 14 22:13:50 2023", now: now) == .seconds(30))
        #expect(RequestedWait.retryAfter("Tue, 14 Nov 2023 22:00:00 GMT", now: now) == .zero, "a date already past asks for no wait")
        #expect(RequestedWait.retryAfter("soon", now: now) == nil)
        #expect(RequestedWait.retryAfter("-5", now: now) == nil)
    }

    @Test func rateLimitResetsCountOnlyWhenTheLimitIsReached() {
        let delta: HeaderFields = ["RateLimit-Reset": "7", "RateLimit-Remaining": "12"]
        #expect(RequestedWait.from(delta, status: 429, now: now) == .seconds(7))
        #expect(RequestedWait.from(delta, status: 503, now: now) == nil)
        let spent: HeaderFields = ["X-RateLimit-Reset": "1700000042", "X-RateLimit-Remaining": "0"]
        #expect(RequestedWait.from(spent, status: 503, now: now) == .seconds(42), "a Unix time, as GitHub sends")
        let both: HeaderFields = ["Retry-After": "3", "RateLimit-Reset": "60"]
        #expect(RequestedWait.from(both, status: 429, now: now) == .seconds(3), "Retry-After wins")
        #expect(RequestedWait.from([:], status: 429, now: now) == nil)
    }

    @Test func backoffDoublesUpToTheCapScaledByTheJitter() {
        let half = RetryPolicy(initialBackoff: .milliseconds(100), maxBackoff: .milliseconds(350), jitter: RetryPolicy.Jitter { 0.5 })
        #expect((1...4).map(half.backoff(beforeRetry:)) == [.milliseconds(50), .milliseconds(100), .milliseconds(175), .milliseconds(175)])
        let whole = RetryPolicy(initialBackoff: .milliseconds(100), jitter: .none)
        #expect(whole.backoff(beforeRetry: 3) == .milliseconds(400))
        let wild = RetryPolicy(jitter: RetryPolicy.Jitter { 7 })
        #expect(wild.backoff(beforeRetry: 1) == wild.initialBackoff, "a fraction outside 0...1 is clamped")
        let full = RetryPolicy(initialBackoff: .seconds(1))
        #expect((0..<50).map { _ in full.backoff(beforeRetry: 1) }.allSatisfy { $0 >= .zero && $0 <= .seconds(1) })
        #expect(RetryPolicy(maxAttempts: 0).maxAttempts == 1)
    }
}
