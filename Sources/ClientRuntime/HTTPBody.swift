import Foundation

/// A request or response body that arrives or leaves in pieces: bytes in memory, a file read from disk as it is
/// sent, or any asynchronous sequence of chunks. Iterating it yields `Data` chunks, so a large body never has to
/// be in memory at once.
///
/// A body made from `Data` or a file can be iterated any number of times, so a request carrying it can be sent
/// again (`isReplayable`); one made from a sequence, and every response body, can be iterated once.
public struct HTTPBody: AsyncSequence, Sendable {
    public typealias Element = Data

    public enum Length: Sendable, Hashable {
        case known(Int64)
        case unknown
    }

    enum Source: Sendable {
        case data(Data)
        case file(URL)
        case chunks(SingleUseChunks)
        /// Chunks made afresh for each iteration, from parts that can all be read again.
        case repeatable(@Sendable () -> SingleUseChunks)
    }

    let source: Source
    public let length: Length

    /// Sent from memory.
    public init(_ data: Data) {
        source = .data(data)
        length = .known(Int64(data.count))
    }

    /// Read from disk in chunks as it is sent, never loaded whole. The file must stay as it is until the
    /// request is done; its size is read now.
    public init(contentsOf fileURL: URL) throws {
        let attributes = try FileManager.default.attributesOfItem(atPath: fileURL.path)
        guard let size = (attributes[.size] as? NSNumber)?.int64Value else {
            throw CocoaError(.fileReadUnknown, userInfo: [NSFilePathErrorKey: fileURL.path])
        }
        source = .file(fileURL)
        length = .known(size)
    }

    /// Any sequence of chunks, iterated once. On Apple platforms `URLSessionTransport` sends the chunks as they come,
    /// with `length` as `Content-Length` when it is known and chunked otherwise. On Linux it writes them to a
    /// temporary file first and sends that (FoundationNetworking would otherwise wait for a slow producer on the
    /// thread that serves every request in the process).
    public init<Chunks: AsyncSequence & Sendable>(_ chunks: Chunks, length: Length = .unknown) where Chunks.Element == Data {
        source = .chunks(SingleUseChunks(chunks))
        self.length = length
    }

    init(_ chunks: SingleUseChunks, length: Length) {
        source = .chunks(chunks)
        self.length = length
    }

    /// Chunks of a sequence that can be iterated again when `replayable`, and only once otherwise.
    init<Chunks: AsyncSequence & Sendable>(_ chunks: Chunks, length: Length, replayable: Bool) where Chunks.Element == Data {
        source = replayable ? .repeatable { SingleUseChunks(chunks) } : .chunks(SingleUseChunks(chunks))
        self.length = length
    }

    /// Whether iterating again yields the same bytes, so a request that carries the body can be retried.
    public var isReplayable: Bool {
        switch source {
        case .data, .file, .repeatable: true
        case .chunks: false
        }
    }

    public func makeAsyncIterator() -> Iterator {
        switch source {
        case .data(let data): Iterator(.data(data))
        case .file(let url): Iterator(.file(FileChunks(url)))
        case .chunks(let chunks): Iterator(chunks.claim() ? .chunks(chunks) : .consumed)
        case .repeatable(let make): Iterator(.chunks(make()))
        }
    }

    public struct Iterator: AsyncIteratorProtocol {
        enum State {
            case data(Data?)
            case file(FileChunks)
            case chunks(SingleUseChunks)
            case consumed
        }

        private var state: State

        init(_ state: State) {
            self.state = state
        }

        public mutating func next() async throws -> Data? {
            switch state {
            case .data(let data):
                state = .data(nil)
                return data.flatMap { $0.isEmpty ? nil : $0 }
            case .file(let file):
                return try file.next()
            case .chunks(let chunks):
                return try await chunks.next()
            case .consumed:
                throw ClientError.invalidRequest("the body was already read; a streamed body can be read once")
            }
        }
    }

    /// The whole body, or `ClientError.responseTooLarge` as soon as it passes `limit` bytes (the rest is not read).
    public func collect(upTo limit: Int) async throws -> Data {
        if case .known(let size) = length, size > Int64(limit) { throw ClientError.responseTooLarge(limit: limit) }
        if case .data(let data) = source { return data }
        var collected = Data()
        for try await chunk in self {
            guard collected.count + chunk.count <= limit else { throw ClientError.responseTooLarge(limit: limit) }
            collected.append(chunk)
        }
        return collected
    }

    /// Writes the body to `fileURL` as it arrives, replacing the file only once the whole body is written: a
    /// failed or cancelled transfer leaves any earlier file as it was and no partial one behind.
    public func write(to fileURL: URL) async throws {
        let directory = fileURL.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(fileURL.lastPathComponent).\(UUID().uuidString).partial")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary.path])
        }
        do {
            let handle = try FileHandle(forWritingTo: temporary)
            do {
                for try await chunk in self {
                    try handle.write(contentsOf: chunk)
                }
                try handle.close()
            } catch {
                try? handle.close()
                throw error
            }
            // rename(2) replaces the file atomically, so readers see the old file or the new one, never a mix.
            guard rename(temporary.path, fileURL.path) == 0 else {
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }
}

extension HTTPBody: ExpressibleByStringLiteral {
    public init(stringLiteral text: String) {
        self.init(Data(text.utf8))
    }
}

/// Reads a file in fixed-size chunks; each iteration opens the file anew, so a file body can be sent again.
final class FileChunks: @unchecked Sendable {
    static let chunkSize = 64 * 1024
    private let url: URL
    private var handle: FileHandle?
    private var finished = false

    init(_ url: URL) {
        self.url = url
    }

    deinit {
        try? handle?.close()
    }

    func next() throws -> Data? {
        guard !finished else { return nil }
        if handle == nil { handle = try FileHandle(forReadingFrom: url) }
        guard let chunk = try handle?.read(upToCount: Self.chunkSize), !chunk.isEmpty else {
            finished = true
            try handle?.close()
            handle = nil
            return nil
        }
        return chunk
    }
}

/// A sequence of chunks that can be iterated once: the body of a response, or a request body streamed from
/// elsewhere. A second iteration fails rather than silently sending or reading nothing.
final class SingleUseChunks: @unchecked Sendable {
    private let lock = NSLock()
    private var claimed = false
    private var makeNext: (@Sendable () -> (() async throws -> Data?))?
    private var next: (() async throws -> Data?)?

    init<Chunks: AsyncSequence & Sendable>(_ chunks: Chunks) where Chunks.Element == Data {
        makeNext = {
            let box = IteratorBox(chunks.makeAsyncIterator())
            return { try await box.next() }
        }
    }

    /// A body whose chunks come from `next`, which returns nil at the end.
    init(next: @escaping () async throws -> Data?) {
        self.next = next
    }

    /// True for the first iterator only.
    func claim() -> Bool {
        lock.withLock {
            defer { claimed = true }
            return !claimed
        }
    }

    func next() async throws -> Data? {
        let current: (() async throws -> Data?)? = lock.withLock {
            if next == nil, let makeNext {
                next = makeNext()
                self.makeNext = nil
            }
            return next
        }
        return try await current?()
    }
}

/// Holds an iterator that only one consumer advances at a time.
private final class IteratorBox<Base: AsyncIteratorProtocol>: @unchecked Sendable where Base.Element == Data {
    private var base: Base

    init(_ base: Base) {
        self.base = base
    }

    func next() async throws -> Data? {
        try await base.next()
    }
}
