import Foundation

/// One event as the stream spells it, before its data is decoded.
struct RawServerSentEvent: Sendable, Hashable {
    var event: String
    var id: String?
    var retry: Duration?
    var data: String
}

/// Parses `text/event-stream` as the WHATWG HTML standard says (§9.2.6): lines end in CR, LF or CRLF, wherever
/// the chunks happen to split them; a leading BOM is dropped; `:` lines are comments; `data` lines join with
/// line feeds; a blank line dispatches the event. Unlike a browser it is strict where a client library should be:
/// invalid UTF-8, an event longer than `maxEventBytes`, or a stream that ends inside an event are errors.
struct EventStreamParser {
    let maxEventBytes: Int
    private var line: [UInt8] = []
    private var afterCR = false
    private var atStart = true
    private var data: [UInt8] = []
    private var hasData = false
    private var eventType: String?
    private var retry: Duration?
    /// Whether a field was read since the last blank line: the stream must not end here.
    private var inEvent = false
    /// The standard's "last event ID buffer": what `id:` fields set, carried from event to event.
    private var idBuffer: String?
    /// The ID of the last event dispatched, which a reconnection sends as `Last-Event-ID`.
    private(set) var lastEventID: String?
    /// The reconnection time the server asked for, if it did.
    private(set) var reconnectionTime: Duration?

    init(maxEventBytes: Int, lastEventID: String? = nil) {
        self.maxEventBytes = maxEventBytes
        self.lastEventID = lastEventID
        idBuffer = lastEventID
    }

    /// Appends the events this chunk completes to `events`, in order. On a malformed stream it throws after
    /// appending the events before the fault, so they can still be delivered.
    mutating func feed(_ chunk: Data, into events: inout [RawServerSentEvent]) throws {
        try chunk.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var bytes = buffer[...]
            if atStart {
                // The BOM may itself arrive split across chunks.
                while let byte = bytes.first, line.count < 3, [0xEF, 0xBB, 0xBF][line.count] == byte {
                    line.append(byte)
                    bytes = bytes.dropFirst()
                }
                if line.count == 3 {
                    line.removeAll()
                    atStart = false
                } else if bytes.isEmpty {
                    return
                } else {
                    atStart = false
                }
            }
            var start = bytes.startIndex
            var index = start
            while index < bytes.endIndex {
                let byte = bytes[index]
                if byte == 0x0A || byte == 0x0D {
                    if byte == 0x0A, afterCR, index == start, line.isEmpty {
                        // The LF of a CRLF whose CR ended the previous line.
                        afterCR = false
                        index += 1
                        start = index
                        continue
                    }
                    line.append(contentsOf: bytes[start..<index])
                    if let event = try process() { events.append(event) }
                    line.removeAll(keepingCapacity: true)
                    afterCR = byte == 0x0D
                    index += 1
                    start = index
                    continue
                }
                afterCR = false
                index += 1
            }
            line.append(contentsOf: bytes[start..<index])
            if line.count + data.count > maxEventBytes {
                throw ClientError.malformedStream("an event is longer than the \(maxEventBytes)-byte limit")
            }
        }
    }

    /// The stream ended: fine between events, an error inside one.
    func finish() throws {
        if inEvent || !line.isEmpty {
            throw ClientError.malformedStream("the stream ended inside an event")
        }
    }

    private mutating func process() throws -> RawServerSentEvent? {
        guard !line.isEmpty else { return dispatch() }
        if line[0] == UInt8(ascii: ":") { return nil }
        inEvent = true
        let colon = line.firstIndex(of: UInt8(ascii: ":"))
        let nameBytes = line[..<(colon ?? line.endIndex)]
        var valueStart = colon.map { $0 + 1 } ?? line.endIndex
        if valueStart < line.endIndex, line[valueStart] == UInt8(ascii: " ") { valueStart += 1 }
        let valueBytes = line[valueStart...]
        switch Self.utf8(nameBytes) {
        case "data":
            guard Self.utf8(valueBytes) != nil else { throw Self.invalidUTF8 }
            if hasData { data.append(0x0A) }
            data.append(contentsOf: valueBytes)
            hasData = true
            if data.count > maxEventBytes {
                throw ClientError.malformedStream("an event is longer than the \(maxEventBytes)-byte limit")
            }
        case "event":
            guard let value = Self.utf8(valueBytes) else { throw Self.invalidUTF8 }
            eventType = value
        case "id":
            guard let value = Self.utf8(valueBytes) else { throw Self.invalidUTF8 }
            if !value.contains("\0") { idBuffer = value }
        case "retry":
            if !valueBytes.isEmpty, valueBytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let milliseconds = Int(String(decoding: valueBytes, as: UTF8.self)) {
                retry = .milliseconds(milliseconds)
                reconnectionTime = retry
            }
        case nil:
            throw Self.invalidUTF8
        default:
            break
        }
        return nil
    }

    private mutating func dispatch() -> RawServerSentEvent? {
        defer {
            data.removeAll(keepingCapacity: true)
            hasData = false
            eventType = nil
            retry = nil
            inEvent = false
        }
        lastEventID = idBuffer
        guard hasData else { return nil }
        return RawServerSentEvent(
            event: eventType.flatMap { $0.isEmpty ? nil : $0 } ?? "message",
            id: lastEventID,
            retry: retry,
            data: String(decoding: data, as: UTF8.self)
        )
    }

    private static let invalidUTF8 = ClientError.malformedStream("the event stream is not valid UTF-8")

    /// The text of `bytes` if they are valid UTF-8 (the standard library's validating initializer needs macOS 15).
    private static func utf8(_ bytes: ArraySlice<UInt8>) -> String? {
        String(bytes: bytes, encoding: .utf8)
    }
}
