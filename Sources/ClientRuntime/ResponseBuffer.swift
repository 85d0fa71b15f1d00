import Foundation

/// The chunks of a response body that arrived and were not read yet, in order, in at most `memoryLimit` bytes of
/// memory. Where the transfer itself can be paused (Apple platforms), the exchange suspends it when the buffer is
/// full. Where it cannot (FoundationNetworking), chunks beyond the limit go to an unlinked temporary file and are
/// read back from it, so memory stays bounded whatever the reader's pace.
struct ResponseBuffer {
    static let memoryLimit = 512 * 1024
    /// A suspended transfer resumes once the buffer has drained to this.
    static let resumeBelow = 128 * 1024
    static let readSize = 64 * 1024

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

    mutating func take() throws -> Data? {
        if head < chunks.count {
            let chunk = chunks[head]
            head += 1
            memoryBytes -= chunk.count
            if head == chunks.count {
                chunks.removeAll(keepingCapacity: true)
                head = 0
            }
            return chunk
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
/// reader catches up. It disappears with its descriptor, also when the process dies.
private final class SpillFile {
    private let descriptor: Int32
    private var readOffset: Int64 = 0
    private var writeOffset: Int64 = 0

    init() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("clientruntime-\(UUID().uuidString).body").path
        descriptor = open(path, O_RDWR | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        unlink(path)
    }

    deinit {
        close(descriptor)
    }

    var unread: Int64 { writeOffset - readOffset }

    func append(_ data: Data) throws {
        try data.withUnsafeBytes { buffer in
            var written = 0
            while written < buffer.count {
                let count = pwrite(descriptor, buffer.baseAddress! + written, buffer.count - written, off_t(writeOffset) + off_t(written))
                guard count > 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
                written += count
            }
        }
        writeOffset += Int64(data.count)
    }

    func take(upTo limit: Int) throws -> Data? {
        guard unread > 0 else { return nil }
        var chunk = Data(count: Int(min(Int64(limit), unread)))
        let count = chunk.withUnsafeMutableBytes { buffer in
            pread(descriptor, buffer.baseAddress!, buffer.count, off_t(readOffset))
        }
        guard count > 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        readOffset += Int64(count)
        if readOffset == writeOffset {
            // Caught up: start over at the beginning so the file does not grow past what is unread.
            _ = ftruncate(descriptor, 0)
            readOffset = 0
            writeOffset = 0
        }
        return count == chunk.count ? chunk : chunk.prefix(count)
    }
}
