import Foundation

/// A value behind a lock, for state shared with URLSession delegate callbacks, which arrive on
/// URLSession's own queue. (`Synchronization.Mutex` needs macOS 15.)
final class Locked<State>: @unchecked Sendable {
    private var state: State
    private let lock = NSLock()

    init(_ state: State) {
        self.state = state
    }

    func withLock<Result>(_ body: (inout State) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&state)
    }
}
