import Foundation

/// The chunks of a response body that arrived and were not read yet, in order, in at most `memoryLimit` bytes of
/// memory. Where the transfer itself can be paused (Apple platforms), the exchange suspends it when the buffer is
/// full. Where it cannot (FoundationNetworking), chunks beyond the limit go to an unlinked temporary file and are
/// read back from it, so memory stays bounded whatever the reader's pace.
struct ResponseBuffer {
    static let memoryLimit = 512 * 1024
    /// A suspended transfer resumes once the buffer has drained to this.
    static let resumeBelow = 128 * 1024
    static let readSize = 128 * 1024

    #if canImport(Darwin)
    static let pausesTransfers = true
    #else
    static let pausesTransfers = false
    #endif

    private var chunks: [Data] = []
    private var head = 0
    private var memoryBytes = 0
    private var spill: SpillFile?

    var isEmpty: Bool { head == chunks.count && (spill?.unread ?? 0) == 0 }
    var isFull: Bool { memoryBytes >= Self.memoryLimit }
    var isLow: Bool { memoryBytes < Self.resumeBelow }

    mutating func append(_ data: Data) {
        guard !data.isEmpty else { return }
        // Once anything waits on disk, later chunks follow it there, or they would overtake it.
        if !Self.pausesTransfers, memoryBytes + data.count > Self.memoryLimit || (spill?.unread ?? 0) > 0 {
            do {
                if spill == nil { spill = try SpillFile() }
                try spill!.append(data)
                return
            } catch {
                // Without a file the chunk stays in memory rather than being lost.
            }
        }
        chunks.append(data)
        memoryBytes += data.count
    }

    /// The oldest unread bytes, several chunks joined up to `readSize`: a reader pays its per-chunk costs (a
    /// wake-up, a lock) per `readSize` bytes rather than per network read.
    mutating func take() throws -> Data? {
        if head < chunks.count {
            var taken = chunks[head]
            head += 1
            while head < chunks.count, taken.count + chunks[head].count <= Self.readSize {
                taken.append(chunks[head])
                head += 1
            }
            memoryBytes -= taken.count
            if head == chunks.count {
                chunks.removeAll(keepingCapacity: true)
                head = 0
            }
            return taken
        }
        return try spill?.take(upTo: Self.readSize)
    }

    mutating func discard() {
        chunks = []
        head = 0
        memoryBytes = 0
        spill = nil
    }
}

/// An unlinked temporary file used as a queue: written at the end, read from the front, and emptied whenever the
/// reader catches up. It disappears with its descriptor, also when the process dies. Writes are gathered into
/// `stagingLimit` bytes first: the delegate that writes must keep up with the network, and a system call per
/// network read would not.
private final class SpillFile {
    static let stagingLimit = 1 << 20
    private let descriptor: Int32
    private var readOffset: Int64 = 0
    private var writeOffset: Int64 = 0
    /// Bytes after the file's, not written yet.
    private var staged = Data()

    init() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("clientruntime-\(UUID().uuidString).body").path
        descriptor = open(path, O_RDWR | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        unlink(path)
        staged.reserveCapacity(Self.stagingLimit)
    }

    deinit {
        close(descriptor)
    }

    var unread: Int64 { writeOffset - readOffset + Int64(staged.count) }

    func append(_ data: Data) throws {
        staged.append(data)
        if staged.count >= Self.stagingLimit { try writeStaged() }
    }

    private func writeStaged() throws {
        try staged.withUnsafeBytes { buffer in
            var written = 0
            while written < buffer.count {
                let count = pwrite(descriptor, buffer.baseAddress! + written, buffer.count - written, off_t(writeOffset) + off_t(written))
                guard count > 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
                written += count
            }
        }
        writeOffset += Int64(staged.count)
        staged.removeAll(keepingCapacity: true)
    }

    func take(upTo limit: Int) throws -> Data? {
        guard readOffset == writeOffset else { return try read(upTo: limit) }
        // Everything written has been read: what is staged comes next, and the file starts over.
        guard !staged.isEmpty else { return nil }
        let chunk = staged
        staged = Data(capacity: Self.stagingLimit)
        _ = ftruncate(descriptor, 0)
        readOffset = 0
        writeOffset = 0
        return chunk
    }

    private func read(upTo limit: Int) throws -> Data {
        var chunk = Data(count: Int(min(Int64(limit), writeOffset - readOffset)))
        let count = chunk.withUnsafeMutableBytes { buffer in
            pread(descriptor, buffer.baseAddress!, buffer.count, off_t(readOffset))
        }
        guard count > 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        readOffset += Int64(count)
        return count == chunk.count ? chunk : chunk.prefix(count)
    }
}
