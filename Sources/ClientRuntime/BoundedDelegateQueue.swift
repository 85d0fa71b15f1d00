import Foundation

#if !canImport(Darwin)
/// The delegate queue of `URLSessionTransport` on Linux, where it is the only brake on a fast response.
///
/// FoundationNetworking reads the socket on one thread and hands every piece of a body to the delegate queue as a
/// new operation, without waiting; it cannot pause a transfer. When that thread outruns the delegate, for example
/// on loopback while the reader's decoding takes both cores, the pieces pile up in the queue without limit. Here
/// adding an operation waits while `capacity` of them are queued, so the socket thread stops reading and TCP slows
/// the server. The delegate never waits for the body's reader (a slow reader's bytes go to a temporary file, see
/// `ResponseBuffer`), so this wait is only ever as long as the delegate's own work.
final class BoundedDelegateQueue: OperationQueue, @unchecked Sendable {
    static let capacity = 64
    private let slots = DispatchSemaphore(value: capacity)

    override init() {
        super.init()
        maxConcurrentOperationCount = 1
        qualityOfService = .userInteractive
    }

    override func addOperation(_ block: @Sendable @escaping () -> Void) {
        // Work added from the queue itself must not wait for the queue.
        guard OperationQueue.current !== self else { return super.addOperation(block) }
        slots.wait()
        super.addOperation { [slots] in
            block()
            slots.signal()
        }
    }
}
#endif
