import Foundation

/// A task executor with a thread of its own, for tests that time a client. Tests run on the cooperative pool, which
/// has a thread per core; tests doing synchronous work (generating a large spec) can hold all of it on a two-core
/// machine, and a client waking from a one-second wait would then run seconds late. Under `onDedicatedThread` the
/// client's own code runs on this thread instead, so a test measures the client's timing, not other tests' work.
///
/// Each test gets one of its own: a thread shared by tests running at once would make one test's client wait while
/// another's decodes a large body. The thread waits for jobs for the rest of the process, which the few timing tests
/// can afford.
@available(macOS 15.0, iOS 18.0, tvOS 18.0, watchOS 11.0, *)
final class DedicatedExecutor: TaskExecutor, @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []

    init() {
        let thread = Thread { [self] in run() }
        thread.name = "DedicatedExecutor"
        thread.start()
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    /// Runs jobs for the life of the test process.
    private func run() {
        while true {
            condition.lock()
            while jobs.isEmpty { condition.wait() }
            let job = jobs.removeFirst()
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}

/// Runs `body`, and the client calls it makes, on `DedicatedExecutor`'s thread where the platform has task
/// executors, and on the cooperative pool elsewhere.
public func onDedicatedThread<T: Sendable>(_ body: () async throws -> T) async rethrows -> T {
    if #available(macOS 15.0, iOS 18.0, tvOS 18.0, watchOS 11.0, *) {
        try await withTaskExecutorPreference(DedicatedExecutor(), operation: body)
    } else {
        try await body()
    }
}
