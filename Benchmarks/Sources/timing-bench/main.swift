// ClientRuntime's waits and timeouts on the real ContinuousClock, against Benchmarks/timing-server.py over
// loopback: how closely what the client does keeps to what it was asked. It prints figures, as Markdown table rows
// for Benchmarks/run; it asserts nothing (the tests state the waits exactly, on a clock they advance).
//
//   timing-bench PORT RUNS
import ClientRuntime
import Foundation

let arguments = CommandLine.arguments
guard arguments.count == 3, let port = Int(arguments[1]), let runs = Int(arguments[2]), runs > 0 else {
    FileHandle.standardError.write(Data("usage: timing-bench PORT RUNS\n".utf8))
    exit(64)
}
let server = URL(string: "http://127.0.0.1:\(port)")!
let clock = ContinuousClock()

/// When each attempt left the client and its answer had reached it whole, through the middleware chain, and the
/// wait the answer's `Retry-After` asked for as the client read it.
final class Timeline: ClientMiddleware, @unchecked Sendable {
    struct Exchange {
        var sent: ContinuousClock.Instant
        var arrived: ContinuousClock.Instant
        var asked: Duration?
    }

    private let lock = NSLock()
    private var recorded: [Exchange] = []
    var exchanges: [Exchange] { lock.withLock { recorded } }

    func intercept(_ request: TransportRequest, next: @Sendable (TransportRequest) async throws -> TransportResponse) async throws -> TransportResponse {
        let sent = clock.now
        let head = try await next(request)
        let response = TransportResponse(status: head.status, headers: head.headers, body: try await head.body.collect(upTo: 1 << 20))
        let arrived = clock.now
        let asked = response.headers["Retry-After"].flatMap(Timeline.wait)
        lock.withLock { recorded.append(Exchange(sent: sent, arrived: arrived, asked: asked)) }
        return response
    }

    /// Seconds, or the time from now until an HTTP-date.
    static func wait(_ value: String) -> Duration? {
        if let seconds = Double(value) { return .milliseconds(Int64(seconds * 1000)) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: value).map { .milliseconds(Int64($0.timeIntervalSinceNow * 1000)) }
    }
}

func connection(_ timeline: Timeline, timeout: Duration?, retry: RetryPolicy = .default) -> Connection {
    Connection(serverURL: server, configuration: ClientConfiguration(transport: URLSessionTransport(), middlewares: [timeline], timeout: timeout, retry: retry))
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// A table row: the median and the worst (farthest from what was asked) of `samples`, each an (asked, got) pair, and
/// how far over (or under) what was asked they came.
func row(_ name: String, _ samples: [(asked: Duration, got: Duration)]) {
    guard !samples.isEmpty else { return print("| \(name) | - | - | - | - | 0 |") }
    let over = samples.map { seconds($0.got - $0.asked) * 1000 }.sorted()
    let median = over[over.count / 2]
    let worst = over.max { abs($0) < abs($1) }!
    let asked = samples.map { seconds($0.asked) }.sorted()[samples.count / 2]
    let got = samples.map { seconds($0.got) }.sorted()[samples.count / 2]
    print(String(format: "| %@ | %.3f s | %.4f s | %+.1f ms | %+.1f ms | %d |", name, asked, got, median, worst, samples.count))
}

nonisolated func measure() async throws {
    // Backoffs of 30 s: only the server's wait is taken.
    let slow = RetryPolicy(initialBackoff: .seconds(30), maxBackoff: .seconds(30), jitter: .none)
    for form in ["seconds", "date"] {
        var samples: [(Duration, Duration)] = []
        for run in 0..<runs {
            let timeline = Timeline()
            _ = try await connection(timeline, timeout: .seconds(30), retry: slow).send(Request(method: .get, path: "/retry/\(form)/2/\(UUID().uuidString)-\(run)"))
            let exchanges = timeline.exchanges
            guard exchanges.count == 2, let asked = exchanges[0].asked else { continue }
            samples.append((asked, exchanges[1].sent - exchanges[0].arrived))
        }
        row(form == "seconds" ? "Retry-After: 2 (seconds): asked vs waited" : "Retry-After as an HTTP-date about 2 s ahead: asked vs waited", samples)
    }

    for (name, path, timeout) in [("timeout 1 s, the server holds its answer 30 s: asked vs the call's end", "/hold/30", Duration.seconds(1)),
                                  ("timeout 1.5 s, Retry-After: 1, then a held answer: asked vs the call's end", "/then-hold", .milliseconds(1500))] {
        var samples: [(Duration, Duration)] = []
        for _ in 0..<runs {
            let started = clock.now
            let outcome: ClientError?
            do {
                _ = try await connection(Timeline(), timeout: timeout).send(Request(method: .get, path: path == "/then-hold" ? "/then-hold/\(UUID().uuidString)" : path))
                outcome = nil
            } catch {
                outcome = error
            }
            let ended = clock.now - started
            switch outcome {
            case .timedOut?, .gaveUp(_, .deadline, .timedOut)?: samples.append((timeout, ended))
            default: FileHandle.standardError.write(Data("timing-bench: \(path) ended with \(String(describing: outcome)), not the timeout\n".utf8))
            }
        }
        row(name, samples)
    }

    var cancellations: [(Duration, Duration)] = []
    for _ in 0..<runs {
        let timeline = Timeline()
        let long = RetryPolicy(initialBackoff: .seconds(120), maxBackoff: .seconds(120), maxWait: .seconds(300))
        let task = Task { _ = try? await connection(timeline, timeout: .seconds(600), retry: long).send(Request(method: .get, path: "/always/120")) }
        while timeline.exchanges.isEmpty { try await Task.sleep(for: .milliseconds(1)) }
        try await Task.sleep(for: .milliseconds(100))
        let cancelled = clock.now
        task.cancel()
        await task.value
        cancellations.append((.zero, clock.now - cancelled))
    }
    row("cancelling during a 120 s Retry-After wait: latency from cancel to the call's end", cancellations)

    let interval = Duration.milliseconds(200)
    let schedule: [Duration] = [1, 1.5, 2.25, 3.375, 4, 4, 4].map { interval * $0 }
    var gaps: [(Duration, Duration)] = []
    for _ in 0..<runs {
        let polling = Connection(serverURL: server, configuration: ClientConfiguration(transport: URLSessionTransport()))
        let attempts = Attempts()
        _ = try await polling.poll(every: interval, timeout: .seconds(60)) { () throws(ClientError) -> Bool? in
            attempts.started(clock.now)
            _ = try await polling.send(Request(method: .get, path: "/poll"))
            return attempts.ended(clock.now) == schedule.count + 1 ? true : nil
        }
        gaps += zip(schedule, attempts.pauses).map { ($0, $1) }
    }
    row("poll(every: 0.2 s): each pause (0.2, 0.3, 0.45, 0.675, then 0.8 s) vs the schedule", gaps)
}

/// When each poll attempt began and ended; a pause is from one's end to the next one's start.
final class Attempts: @unchecked Sendable {
    private var starts: [ContinuousClock.Instant] = []
    private var ends: [ContinuousClock.Instant] = []

    func started(_ instant: ContinuousClock.Instant) { starts.append(instant) }

    func ended(_ instant: ContinuousClock.Instant) -> Int {
        ends.append(instant)
        return ends.count
    }

    var pauses: [Duration] { zip(ends, starts.dropFirst()).map { $1 - $0 } }
}

print("| figure | asked (median) | got (median) | over, median | over, worst | samples |")
print("|---|---|---|---|---|---|")
try await Task.detached { try await measure() }.value
