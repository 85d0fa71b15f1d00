#if canImport(Darwin)
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Feeds a streamed request body to Apple's URLSession, which reads request bodies from an `InputStream`: a task
/// reads the body's chunks into a small pipe, and the stream hands them out as URLSession asks. The pipe holds at
/// most `capacity` bytes, so a large body never sits in memory.
final class StreamedUpload: BodyUpload, @unchecked Sendable {
    static let capacity = 256 * 1024

    private let body: HTTPBody
    private let pipe = BodyPipe(capacity: StreamedUpload.capacity)
    private let producer = Locked<Task<Void, Never>?>(nil)
    let inputStream: InputStream

    init(body: HTTPBody) {
        self.body = body
        inputStream = BoundStreamPump(pipe: pipe).inputStream
    }

    func start() {
        let body = body
        let pipe = pipe
        producer.withLock {
            $0 = Task {
                do {
                    for try await chunk in body {
                        guard await pipe.write(chunk) else { return }
                    }
                    pipe.finish(nil)
                } catch {
                    pipe.finish(error)
                }
            }
        }
    }

    func cancel() {
        pipe.finish(CancellationError())
        producer.withLock { $0?.cancel() }
    }
}

/// Chunks from an async producer to a thread that blocks reading them, with room for `capacity` bytes.
final class BodyPipe: @unchecked Sendable {
    private let condition = NSCondition()
    private var chunks: [Data] = []
    private var bytes = 0
    private var ended = false
    private var failure: (any Error)?
    private var writer: CheckedContinuation<Void, Never>?
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Waits for room; false once the reading side is gone.
    func write(_ chunk: Data) async -> Bool {
        await withCheckedContinuation { continuation in
            if !park(continuation) { continuation.resume() }
        }
        return append(chunk)
    }

    private func append(_ chunk: Data) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard !ended else { return false }
        chunks.append(chunk)
        bytes += chunk.count
        condition.broadcast()
        return true
    }

    /// Keeps the writer waiting for room; false when there is room already.
    private func park(_ continuation: CheckedContinuation<Void, Never>) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard !ended, bytes >= capacity else { return false }
        writer = continuation
        return true
    }

    func finish(_ error: (any Error)?) {
        condition.lock()
        if !ended {
            ended = true
            failure = error
        }
        let waiting = writer
        writer = nil
        condition.broadcast()
        condition.unlock()
        waiting?.resume()
    }

    /// Blocks until bytes are available; 0 at the end, -1 after a failure.
    func read(into buffer: UnsafeMutablePointer<UInt8>, maxLength: Int) -> Int {
        condition.lock()
        while chunks.isEmpty && !ended {
            condition.wait()
        }
        guard !chunks.isEmpty else {
            let result = failure == nil ? 0 : -1
            condition.unlock()
            return result
        }
        let chunk = chunks[0]
        let count = min(maxLength, chunk.count)
        chunk.copyBytes(to: buffer, count: count)
        if count == chunk.count {
            chunks.removeFirst()
        } else {
            chunks[0] = chunk.dropFirst(count)
        }
        bytes -= count
        let waiting = bytes < capacity ? writer : nil
        if waiting != nil { writer = nil }
        condition.unlock()
        waiting?.resume()
        return count
    }

    var hasEnded: Bool {
        condition.lock()
        defer { condition.unlock() }
        return ended && chunks.isEmpty
    }

    var error: (any Error)? {
        condition.lock()
        defer { condition.unlock() }
        return failure
    }
}

/// Apple's URLSession schedules body streams on a run loop, which a Swift `InputStream` subclass cannot join, so
/// the body goes through a bound stream pair instead: a thread copies the pipe into the pair's output stream,
/// whose writes block while the pair's buffer is full.
private final class BoundStreamPump: @unchecked Sendable {
    let inputStream: InputStream
    private let outputStream: OutputStream
    private let pipe: BodyPipe

    init(pipe: BodyPipe) {
        self.pipe = pipe
        var input: InputStream?
        var output: OutputStream?
        Stream.getBoundStreams(withBufferSize: 64 * 1024, inputStream: &input, outputStream: &output)
        inputStream = input!
        outputStream = output!
        let thread = Thread { [self] in pump() }
        thread.name = "ClientRuntime upload"
        thread.start()
    }

    private func pump() {
        outputStream.open()
        defer { outputStream.close() }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBufferPointer { pipe.read(into: $0.baseAddress!, maxLength: $0.count) }
            guard count > 0 else { return }
            var offset = 0
            while offset < count {
                let written = buffer[offset..<count].withUnsafeBufferPointer { outputStream.write($0.baseAddress!, maxLength: $0.count) }
                guard written > 0 else {
                    pipe.finish(CancellationError())
                    return
                }
                offset += written
            }
        }
    }
}
#endif
