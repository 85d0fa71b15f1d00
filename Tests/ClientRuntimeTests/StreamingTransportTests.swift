import ClientRuntime
import Foundation
import HTTPTestServer
import TestClocks
import Testing

/// Bodies that stream both ways through `URLSessionTransport` over real HTTP.
@Suite struct StreamingTransportTests {
    private func connection(_ server: TestServer, timeout: Duration? = .seconds(20), clock: any Clock<Duration> = ContinuousClock()) -> Connection {
        Connection(serverURL: server.url, configuration: ClientConfiguration(timeout: timeout, clock: clock))
    }

    private static func pseudoRandom(_ count: Int, seed: UInt64 = 42) -> Data {
        var state = seed
        var bytes = [UInt8](repeating: 0, count: count)
        for index in bytes.indices {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            bytes[index] = UInt8(truncatingIfNeeded: state >> 56)
        }
        return Data(bytes)
    }

    /// The head and the first piece arrive while the server still holds back the rest of the body.
    @Test func headAndFirstPieceArriveBeforeTheRest() async throws {
        try await withTestServer { server async throws in
            await server.script("*", ScriptedResponse(headers: ["Content-Type": "text/plain"], behaviour: .gated(first: Data("first;".utf8), gate: "rest", rest: Data("rest".utf8))))
            let response = try await connection(server).stream(Request(method: .get, path: "/gated"))
            #expect(response.status == 200)
            var iterator = response.body.makeAsyncIterator()
            #expect(try await iterator.next() == Data("first;".utf8))
            await server.open("rest")
            var rest = Data()
            while let chunk = try await iterator.next() { rest.append(chunk) }
            #expect(rest == Data("rest".utf8))
        }
    }

    /// A reader slower than the network still gets every byte in order: 24 MB, read with pauses, through a buffer
    /// of fixed size (memory figures are in the benchmarks).
    @Test func slowReaderGetsEveryByteInOrder() async throws {
        try await withTestServer { server async throws in
            let body = Self.pseudoRandom(24 << 20)
            await server.script("*", ScriptedResponse(headers: ["Content-Type": "application/octet-stream"], body: body, chunked: true))
            let response = try await connection(server).stream(Request(method: .get, path: "/big"))
            var received = Data()
            var reads = 0
            for try await chunk in response.body {
                received.append(chunk)
                reads += 1
                if reads % 16 == 0 { try await Task.sleep(for: .milliseconds(5)) }
            }
            #expect(received.count == body.count)
            #expect(received == body)
        }
    }

    @Test func writingToAFileReplacesItOnlyWhenComplete() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("streaming-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("download.bin")
        try Data("old".utf8).write(to: target)
        try await withTestServer { server async throws in
            let body = Self.pseudoRandom(3 << 20, seed: 7)
            await server.script("/whole", ScriptedResponse(body: body, chunked: true))
            await server.script("/cut", ScriptedResponse(body: body, behaviour: .truncateBody(sending: 1 << 20)))

            let cut = try await connection(server).stream(Request(method: .get, path: "/cut"))
            await #expect(throws: ClientError.self) { try await cut.body.write(to: target) }
            #expect(try Data(contentsOf: target) == Data("old".utf8))
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["download.bin"])

            try await connection(server).stream(Request(method: .get, path: "/whole")).body.write(to: target)
            #expect(try Data(contentsOf: target) == body)
        }
    }

    /// Cancelling the task that reads the body ends the read with `CancellationError`. The rest of the body is held
    /// back until the test ends, so nothing but the cancellation can end the read.
    @Test(.timeLimit(.minutes(1))) func cancellingTheReaderStopsTheTransfer() async throws {
        try await withTestServer { server async throws in
            await server.script("*", ScriptedResponse(behaviour: .gated(first: Data(repeating: 0x61, count: 100), gate: "never", rest: Data("rest".utf8))))
            let clock = ManualClock()
            let response = try await connection(server, clock: clock).stream(Request(method: .get, path: "/slow"))
            var iterator = response.body.makeAsyncIterator()
            #expect(try await iterator.next()?.count == 100)
            let reader = Task { [iterator] in
                var iterator = iterator
                while try await iterator.next() != nil {}
            }
            // The read waits for the rest, racing the call's deadline.
            await clock.waitForSleepers(1)
            reader.cancel()
            await #expect(throws: CancellationError.self) { try await reader.value }
            #expect(clock.slept.isEmpty, "the deadline did not end it")
        }
    }

    /// The call's timeout covers reading the body: the head and a first piece come at once, the rest never, and the
    /// read ends with `timedOut` when the clock reaches the deadline.
    @Test(.timeLimit(.minutes(1))) func timeoutCoversTheBody() async throws {
        try await withTestServer { server async throws in
            await server.script("*", ScriptedResponse(behaviour: .gated(first: Data("first".utf8), gate: "never", rest: Data("rest".utf8))))
            let clock = ManualClock()
            let deadline = clock.now.advanced(by: .seconds(10))
            let response = try await connection(server, timeout: .seconds(10), clock: clock).stream(Request(method: .get, path: "/stalls"))
            var iterator = response.body.makeAsyncIterator()
            #expect(try await iterator.next() == Data("first".utf8))
            let rest = Task { [iterator] in
                var iterator = iterator
                return await clientError { while try await iterator.next() != nil {} }
            }
            #expect(await clock.waitForSleepers(1) == [deadline])
            clock.advance(to: deadline)
            let error = await rest.value
            guard case .timedOut? = error else { Issue.record("expected timedOut, got \(String(describing: error))"); return }
            #expect(clock.slept == [.seconds(10)])
        }
    }

    @Test func aResponseBodyCanBeReadOnce() async throws {
        try await withTestServer { server async throws in
            await server.script("*", .text("once"))
            let response = try await connection(server).stream(Request(method: .get, path: "/once"))
            #expect(try await response.body.collect(upTo: 100) == Data("once".utf8))
            let error = await clientError { _ = try await response.body.collect(upTo: 100) }
            guard case .invalidRequest? = error else { Issue.record("expected invalidRequest, got \(String(describing: error))"); return }
        }
    }

    /// Request bodies from memory, from a file and from a sequence of chunks (with and without a known length)
    /// all reach the server byte for byte.
    @Test func requestBodiesStreamFromEverySource() async throws {
        let body = Self.pseudoRandom(5 << 20, seed: 3)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("upload-\(UUID().uuidString).bin")
        try body.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let pieces = stride(from: 0, to: body.count, by: 100_000).map { body[$0..<min($0 + 100_000, body.count)] }
        let chunks = AsyncStream<Data> { continuation in
            for piece in pieces { continuation.yield(Data(piece)) }
            continuation.finish()
        }
        let sized = AsyncStream<Data> { continuation in
            for piece in pieces { continuation.yield(Data(piece)) }
            continuation.finish()
        }
        let bodies: [(String, HTTPBody)] = [
            ("data", HTTPBody(body)),
            ("file", try HTTPBody(contentsOf: file)),
            ("chunks", HTTPBody(chunks)),
            ("sized", HTTPBody(sized, length: .known(Int64(body.count)))),
        ]
        #expect(bodies.map(\.1.isReplayable) == [true, true, false, false])
        try await withTestServer { server async throws in
            for (name, upload) in bodies {
                var request = Request(method: .post, path: "/upload/\(name)")
                request.body(upload, contentType: "application/octet-stream")
                let response = try await connection(server).send(request)
                #expect(response.status == 200, "\(name)")
            }
            let received = await server.requests
            #expect(received.map(\.path) == ["/upload/data", "/upload/file", "/upload/chunks", "/upload/sized"])
            for request in received {
                #expect(request.body == body, "\(request.path): \(request.body.count) bytes")
            }
            #expect(received[1].header("Content-Length") == String(body.count))
            #expect(received[3].header("Content-Length") == String(body.count))
            #if canImport(Darwin)
            #expect(received[2].header("Transfer-Encoding")?.lowercased() == "chunked")
            #else
            // Written to a temporary file first, so its length is known when it is sent.
            #expect(received[2].header("Content-Length") == String(body.count))
            #endif
        }
    }
}
