import Foundation

/// A task executor with a thread of its own, for tests that time a client. Tests run on the cooperative pool, which
/// has a thread per core; tests doing synchronous work (generating a large spec) can hold all of it on a two-core
/// machine, and a client waking from a one-second wait would then run seconds late. Under `onDedicatedThread` the
/// client's own code runs on this thread instead, so a test measures the client's timing, not other tests' work.
///
/// The thread ends after two idle seconds and a new one starts with the next job: a thread that never ended would
/// keep the test process alive after its last test.
@available(macOS 15.0, iOS 18.0, tvOS 18.0, watchOS 11.0, *)
final class DedicatedExecutor: TaskExecutor, @unchecked Sendable {
    /// One for every timing test: their clients mostly wait, so they hardly compete for its thread.
    static let shared = DedicatedExecutor()

    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []
    private var draining = false

    private init() {}

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        if draining {
            condition.signal()
        } else {
            draining = true
            let thread = Thread { [self] in drain() }
            thread.name = "DedicatedExecutor"
            thread.start()
        }
        condition.unlock()
    }

    private func drain() {
        while true {
            condition.lock()
            while jobs.isEmpty {
                if !condition.wait(until: Date(timeIntervalSinceNow: 2)), jobs.isEmpty {
                    draining = false
                    condition.unlock()
                    return
                }
            }
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
        try await withTaskExecutorPreference(DedicatedExecutor.shared, operation: body)
    } else {
        try await body()
    }
}
