import Foundation

/// Finds the array at a JSON pointer in a JSON document that arrives in chunks, and cuts its elements out as raw
/// JSON, batched so a decoder reads many at once. Nothing else of the document is kept, so a result of any size is
/// read in the memory of one batch. The rest of the document is only checked for its nesting, except for one
/// string that may be asked for too: the link to the next page, wherever it is.
struct JSONArrayScanner {
    /// The pointer's reference tokens, unescaped (`/result/rows` is `["result", "rows"]`).
    let target: [String]
    /// The pointer of a string to keep (`/next_uri`); with one, the document is read to its end.
    let link: [String]?
    /// The string at `link`, once read.
    private(set) var linkValue: String?
    let batchBytes: Int
    let maxElementBytes: Int

    private enum Container { case object, array }
    private var containers: [Container] = []
    /// For each open container, the key or index of the member being read.
    private var keys: [String] = []
    private var arrayIndices: [Int] = []
    private var expectingKey = false
    private var inString = false
    private var escaped = false
    private var stringIsKey = false
    private var keyBytes: [UInt8] = []
    private var keyHasEscape = false
    private var stringIsLink = false
    /// Keys are kept this deep: the deeper of the two pointers.
    private let trackedDepth: Int
    /// The target array has ended; later arrays at its depth are not rows.
    private var arrayEnded = false
    /// The depth of the target array's elements, once it is open.
    private var targetDepth: Int?
    private var elementOpen = false
    private var elementBytes = 0
    /// The complete elements of the batch, comma-separated, then the bytes of the element being read.
    private var batch: [UInt8] = []
    private var batchCount = 0
    /// Where the complete elements end in `batch`.
    private var completeLength = 0
    private(set) var finished = false
    private(set) var found = false
    /// Elements handed out in batches so far.
    private var emitted = 0

    /// Complete elements as the text of a JSON array, and the position of the first in the whole array.
    struct Batch {
        var bytes: [UInt8]
        var first: Int
    }

    init(pointer: String, link: String? = nil, batchBytes: Int = 256 * 1024, maxElementBytes: Int) {
        target = Self.tokens(pointer)
        self.link = link.map(Self.tokens)
        trackedDepth = max(target.count, self.link?.count ?? 0)
        self.batchBytes = batchBytes
        self.maxElementBytes = maxElementBytes
        batch.reserveCapacity(batchBytes + 4096)
    }

    static func tokens(_ pointer: String) -> [String] {
        pointer.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map {
            $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
        }
    }

    /// Appends each complete batch (a JSON array text) to `batches`; stops reading at the end of the target array.
    mutating func feed(_ chunk: Data, into batches: inout [Batch]) throws {
        guard !finished else { return }
        try chunk.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            let bytes = buffer.bindMemory(to: UInt8.self)
            var index = 0
            var captureStart: Int?
            if elementOpen { captureStart = 0 }
            func capture(upTo end: Int) throws {
                guard let start = captureStart, end > start else { return }
                batch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
                elementBytes += end - start
                if elementBytes > maxElementBytes {
                    throw ClientError.malformedStream("an item is longer than the \(maxElementBytes)-byte limit")
                }
            }
            while index < bytes.count {
                let byte = bytes[index]
                if inString {
                    if escaped {
                        escaped = false
                    } else if byte == 0x5C {
                        escaped = true
                        if stringIsKey || stringIsLink { keyHasEscape = true }
                    } else if byte == 0x22 {
                        inString = false
                        if stringIsKey { keyEnded() }
                        if stringIsLink { linkValue = decodedString() }
                        index += 1
                        continue
                    }
                    if stringIsKey || stringIsLink { keyBytes.append(byte) }
                    index += 1
                    continue
                }
                let atTargetLevel = targetDepth == containers.count && !arrayEnded
                switch byte {
                case 0x20, 0x09, 0x0A, 0x0D:
                    break
                case 0x2C where atTargetLevel, 0x5D where atTargetLevel:
                    // `,` or `]` of the target array: the element read so far is complete.
                    try capture(upTo: index)
                    captureStart = nil
                    if elementOpen { elementEnded(into: &batches) }
                    if byte == 0x5D {
                        flush(into: &batches)
                        arrayEnded = true
                        guard link != nil else {
                            finished = true
                            return
                        }
                        containers.removeLast()
                        keys.removeLast()
                        arrayIndices.removeLast()
                        expectingKey = false
                        index += 1
                        continue
                    }
                    arrayIndices[arrayIndices.count - 1] += 1
                default:
                    if atTargetLevel, !elementOpen {
                        elementOpen = true
                        elementBytes = 0
                        if !batch.isEmpty { batch.append(0x2C) }
                        captureStart = index
                    }
                    try structural(byte)
                }
                index += 1
            }
            try capture(upTo: bytes.count)
        }
    }

    /// The document ended: the target must have been found (an empty array or `null` counts) and read to its end.
    mutating func finish(into batches: inout [Batch]) throws {
        if found, !arrayEnded, !finished {
            throw ClientError.malformedStream("the body ended inside the array at /\(target.joined(separator: "/"))")
        }
        if !found {
            throw ClientError.malformedStream("the body has no array at /\(target.joined(separator: "/"))")
        }
        flush(into: &batches)
    }

    private mutating func structural(_ byte: UInt8) throws {
        switch byte {
        case 0x22:
            inString = true
            // Keys matter only along the pointer's path; others are skipped without being kept.
            stringIsKey = expectingKey && containers.last == .object && containers.count <= trackedDepth
            stringIsLink = !stringIsKey && link.map(isAt) == true
            if stringIsKey || stringIsLink {
                keyBytes.removeAll(keepingCapacity: true)
                keyHasEscape = false
            }
        case 0x7B, 0x5B:
            if byte == 0x5B, targetDepth == nil, isAt(target) {
                targetDepth = containers.count + 1
                found = true
            }
            containers.append(byte == 0x7B ? .object : .array)
            keys.append("")
            arrayIndices.append(0)
            expectingKey = byte == 0x7B
        case 0x7D, 0x5D:
            guard !containers.isEmpty else { throw ClientError.malformedStream("the body is not valid JSON: unbalanced brackets") }
            containers.removeLast()
            keys.removeLast()
            arrayIndices.removeLast()
            expectingKey = false
        case 0x2C:
            expectingKey = containers.last == .object
            if containers.last == .array { arrayIndices[arrayIndices.count - 1] += 1 }
        case 0x3A:
            expectingKey = false
        case 0x6E where targetDepth == nil && isAt(target):
            // `null` where the array would be: a result with no rows.
            found = true
            arrayEnded = true
            finished = link == nil
        default:
            break
        }
    }

    /// Whether the value starting here sits at `pointer`.
    private func isAt(_ pointer: [String]) -> Bool {
        guard containers.count == pointer.count else { return false }
        for depth in 0..<containers.count {
            let key = containers[depth] == .object ? keys[depth] : String(arrayIndices[depth])
            if key != pointer[depth] { return false }
        }
        return true
    }

    private mutating func keyEnded() {
        guard let last = keys.indices.last else { return }
        keys[last] = decodedString()
    }

    /// The string just read, its escapes (rare in keys and links) decoded by JSONDecoder.
    private func decodedString() -> String {
        if keyHasEscape, let decoded = try? JSONDecoder().decode(String.self, from: Data([0x22] + keyBytes + [0x22])) {
            return decoded
        }
        return String(decoding: keyBytes, as: UTF8.self)
    }

    private mutating func elementEnded(into batches: inout [Batch]) {
        elementOpen = false
        batchCount += 1
        completeLength = batch.count
        if batch.count >= batchBytes { flush(into: &batches) }
    }

    /// Hands out the complete elements read so far as a batch.
    mutating func flush(into batches: inout [Batch]) {
        guard batchCount > 0 else { return }
        batches.append(Batch(bytes: [0x5B] + batch[..<completeLength] + [0x5D], first: emitted))
        emitted += batchCount
        // The element being read stays, as the start of the next batch.
        var rest = Array(batch[completeLength...])
        if rest.first == 0x2C { rest.removeFirst() }
        batch = rest
        batch.reserveCapacity(batchBytes + 4096)
        batchCount = 0
        completeLength = 0
    }
}
