@testable import ClientRuntime
import Foundation
import HTTPTestServer
import TestClocks
import Testing

/// `text/event-stream` parsing by the WHATWG rules, and event streams over real HTTP: decoding, the `[DONE]`
/// sentinel, reconnection with `Last-Event-ID`, and malformed streams.
@Suite struct ServerSentEventsTests {
    struct Chunk: Codable, Equatable, Sendable {
        var id: String
        var delta: String
    }

    /// Every rule the standard's parsing section states, in one stream.
    static let recorded = Data(([0xEF, 0xBB, 0xBF] as [UInt8]) + Array((
        ": a comment\n" +
        "data: first\n\n" +
        "event: update\r\nid: 7\r\ndata: two\r\ndata:  lines\r\n\r\n" +
        "data:no space\rretry: 250\r\r" +
        "data\n\n" +
        "id: 8\nevent\ndata: after an event type reset\n\n" +
        "id: with\0nul\nretry: soon\ndata: id and retry ignored\n\n" +
        "id: 9\n\n" +
        "unknown: field\ndata: last\n\n"
    ).utf8))

    static let expected = [
        RawServerSentEvent(event: "message", id: nil, retry: nil, data: "first"),
        RawServerSentEvent(event: "update", id: "7", retry: nil, data: "two\n lines"),
        RawServerSentEvent(event: "message", id: "7", retry: .milliseconds(250), data: "no space"),
        RawServerSentEvent(event: "message", id: "7", retry: nil, data: ""),
        RawServerSentEvent(event: "message", id: "8", retry: nil, data: "after an event type reset"),
        RawServerSentEvent(event: "message", id: "8", retry: nil, data: "id and retry ignored"),
        RawServerSentEvent(event: "message", id: "9", retry: nil, data: "last"),
    ]

    static func parse(_ chunks: [Data], maxEventBytes: Int = 1 << 20) throws -> [RawServerSentEvent] {
        var parser = EventStreamParser(maxEventBytes: maxEventBytes)
        var events: [RawServerSentEvent] = []
        for chunk in chunks { try parser.feed(chunk, into: &events) }
        try parser.finish()
        return events
    }

    @Test func parsesTheStandardsRules() throws {
        #expect(try Self.parse([Self.recorded]) == Self.expected)
    }

    /// Cut at every byte offset, and byte by byte: the same events, whatever the chunks.
    @Test func chunkBoundariesDoNotMatter() throws {
        let bytes = Self.recorded
        for cut in 0...bytes.count {
            #expect(try Self.parse([bytes.prefix(cut), bytes.dropFirst(cut)]) == Self.expected, "cut at \(cut)")
        }
        #expect(try Self.parse(bytes.map { Data([$0]) }) == Self.expected)
    }

    @Test func malformedStreamsAreErrors() throws {
        #expect(throws: ClientError.self) { try Self.parse([Data("data: ok\n\ndata: \u{FFFF}".utf8) + Data([0xC3, 0x28, 0x0A, 0x0A])]) }
        #expect(throws: ClientError.self) { try Self.parse([Data("data: \(String(repeating: "x", count: 100))\n\n".utf8)], maxEventBytes: 64) }
        #expect(throws: ClientError.self) { try Self.parse([Data("data: cut off\n".utf8)]) }
        // A comment or a blank line at the end is not an event left open.
        #expect(try Self.parse([Data("data: a\n\n: bye\n".utf8)]).map(\.data) == ["a"])
    }

    private func connection(_ server: TestServer, streaming: StreamingOptions = StreamingOptions(), clock: any Clock<Duration> = ContinuousClock()) -> Connection {
        Connection(serverURL: server.url, configuration: ClientConfiguration(timeout: .seconds(20), streaming: streaming, clock: clock))
    }

    private static func eventStream(_ text: String) -> ScriptedResponse {
        ScriptedResponse(headers: ["Content-Type": "text/event-stream"], body: Data(text.utf8), chunked: true)
    }

    /// The recorded stream, sent over HTTP in two pieces cut at every offset.
    @Test func everyCutOverHTTPYieldsTheSameEvents() async throws {
        try await withTestServer { server async throws in
            let bytes = Self.recorded
            let connection = connection(server)
            for cut in 1..<bytes.count {
                let pieces = [bytes.prefix(cut), bytes.dropFirst(cut)].map { Data($0) }
                await server.script("/events", ScriptedResponse(headers: ["Content-Type": "text/event-stream"], behaviour: .trickle(pieces: pieces, interval: .milliseconds(1), thenDrop: false)))
                let request = Request(method: .post, path: "/events")
                let response = try await connection.stream(request)
                var received: [RawServerSentEvent] = []
                for try await event in connection.events(from: response, request: request) {
                    received.append(RawServerSentEvent(event: event.event, id: event.id, retry: event.retry, data: event.data))
                }
                #expect(received == Self.expected, "cut at \(cut)")
            }
        }
    }

    /// Data decodes as JSON into the schema's type, and `[DONE]` ends the sequence cleanly.
    @Test func jsonDataAndTheDoneSentinel() async throws {
        try await withTestServer { server async throws in
            await server.script("*", Self.eventStream("""
                data: {"id":"c1","delta":"Hel"}

                data: {"id":"c1","delta":"lo"}

                data: [DONE]

                data: {"id":"never","delta":"read"}


                """))
            let request = Request(method: .post, path: "/chat")
            let connection = connection(server)
            let response = try await connection.stream(request)
            var chunks: [Chunk] = []
            for try await event in connection.events(from: response, as: Chunk.self, request: request) {
                chunks.append(event.data)
            }
            #expect(chunks == [Chunk(id: "c1", delta: "Hel"), Chunk(id: "c1", delta: "lo")])
        }
    }

    /// A GET stream dropped mid-event reconnects after the server's `retry:` time with `Last-Event-ID`, and every
    /// event arrives exactly once. The client sleeps exactly the 300 ms on its clock, and reconnects only once the
    /// clock has moved that far.
    @Test(.timeLimit(.minutes(1))) func droppedConnectionReconnectsWithLastEventID() async throws {
        try await withTestServer { server async throws in
            let first = "retry: 300\nid: 1\ndata: one\n\nid: 2\ndata: two\n\nid: 3\ndata: thr"
            await server.script(
                "/feed",
                ScriptedResponse(headers: ["Content-Type": "text/event-stream"], behaviour: .trickle(pieces: [Data(first.utf8)], interval: .milliseconds(1), thenDrop: true)),
                Self.eventStream("id: 3\ndata: three\n\nid: 4\ndata: four\n\n")
            )
            let request = Request(method: .get, path: "/feed")
            let clock = ManualClock()
            // The reconnection wait ends long before the 20 s deadline timer of the first response's reads.
            let deadline = clock.now.advanced(by: .seconds(20))
            let connection = connection(server, clock: clock)
            let response = try await connection.stream(request)
            let reading = Task {
                var received: [String] = []
                for try await event in connection.events(from: response, request: request) { received.append(event.data) }
                return received
            }
            #expect(await clock.waitForSleepers(1, before: deadline) == [clock.now.advanced(by: .milliseconds(300))])
            #expect(await server.requests.count == 1, "reconnected before the server's retry time")
            clock.advance(by: .milliseconds(300))
            #expect(try await reading.value == ["one", "two", "three", "four"])
            #expect(clock.slept == [.milliseconds(300)])
            let requests = await server.requests
            #expect(requests.count == 2)
            #expect(requests.first?.header("Last-Event-ID") == nil)
            #expect(requests.last?.header("Last-Event-ID") == "2")
        }
    }

    /// Reconnection can be turned off, and a POST stream never reconnects: a drop mid-event is then an error,
    /// after the events before it.
    @Test func withoutReconnectionAnEventCutShortIsAnError() async throws {
        try await withTestServer { server async throws in
            let text = "data: one\n\ndata: tw"
            for (method, streaming) in [(HTTPMethod.get, StreamingOptions(reconnectsEventStreams: false)), (.post, StreamingOptions())] {
                await server.script("*", ScriptedResponse(headers: ["Content-Type": "text/event-stream"], body: Data(text.utf8), chunked: true))
                let request = Request(method: method, path: "/cut")
                let connection = connection(server, streaming: streaming)
                let response = try await connection.stream(request)
                var received: [String] = []
                let error = await clientError {
                    for try await event in connection.events(from: response, request: request) { received.append(event.data) }
                }
                #expect(received == ["one"])
                guard case .malformedStream(let reason)? = error else { Issue.record("expected malformedStream, got \(String(describing: error))"); continue }
                #expect(reason == "the stream ended inside an event")
            }
            #expect(await server.requests.count == 2)
        }
    }

    @Test func invalidUTF8AndOversizedEventsEndTheStreamAfterTheEventsBefore() async throws {
        try await withTestServer { server async throws in
            let bad = Data("data: fine\n\ndata: ".utf8) + Data([0xFF, 0xFE]) + Data("\n\n".utf8)
            let long = Data("data: fine\n\ndata: \(String(repeating: "x", count: 5000))\n\n".utf8)
            for (body, expected) in [(bad, "the event stream is not valid UTF-8"), (long, "an event is longer than the 1024-byte limit")] {
                await server.script("*", ScriptedResponse(headers: ["Content-Type": "text/event-stream"], body: body, chunked: true))
                let request = Request(method: .get, path: "/bad")
                let connection = connection(server, streaming: StreamingOptions(maxItemBytes: 1024))
                let response = try await connection.stream(request)
                var received: [String] = []
                let error = await clientError {
                    for try await event in connection.events(from: response, request: request) { received.append(event.data) }
                }
                #expect(received == ["fine"])
                guard case .malformedStream(let reason)? = error else { Issue.record("expected malformedStream, got \(String(describing: error))"); continue }
                #expect(reason == expected)
            }
        }
    }

    /// JSON Lines and JSON text sequences, with records split across chunks and blank lines between them.
    @Test func jsonLinesAndJSONSequences() async throws {
        try await withTestServer { server async throws in
            let lines = "{\"id\":\"a\",\"delta\":\"1\"}\r\n\n{\"id\":\"b\",\n\"delta\":\"2\"}".replacingOccurrences(of: ",\n", with: ",")
            let sequence = "\u{1E}{\"id\":\"a\",\"delta\":\"1\"}\n\u{1E}{\"id\":\"b\",\"delta\":\"2\"}\n"
            let expected = [Chunk(id: "a", delta: "1"), Chunk(id: "b", delta: "2")]
            for (text, framing) in [(lines, JSONStream<Chunk>.Framing.lines), (sequence, .recordSeparated)] {
                let bytes = Data(text.utf8)
                let pieces = stride(from: 0, to: bytes.count, by: 7).map { Data(bytes[$0..<min($0 + 7, bytes.count)]) }
                await server.script("*", ScriptedResponse(behaviour: .trickle(pieces: pieces, interval: .milliseconds(1), thenDrop: false)))
                let connection = connection(server)
                let response = try await connection.stream(Request(method: .get, path: "/items"))
                var items: [Chunk] = []
                for try await item in connection.jsonStream(from: response, as: Chunk.self, framing: framing) { items.append(item) }
                #expect(items == expected, "\(framing)")
            }
        }
    }
}
