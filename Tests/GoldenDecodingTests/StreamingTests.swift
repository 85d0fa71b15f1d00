import ClientRuntime
import Foundation
import GoldenStreaming
import HTTPTestServer
import Testing

/// The streaming golden client against a local server: a chat completion streamed as OpenAI streams one, events
/// decoded into a union, JSON Lines, and a download written to a file.
@Suite struct StreamingTests {
    static func client(_ server: TestServer) -> Client {
        Client(serverURL: server.url, configuration: ClientConfiguration(timeout: .seconds(20)))
    }

    /// Chunks as OpenAI's API sends them for `stream: true`, ending with the `[DONE]` sentinel.
    static let openAIStream = """
        data: {"id":"chatcmpl-123","object":"chat.completion.chunk","created":1694268190,"model":"gpt-4o-mini","system_fingerprint":"fp_44709d6fcb","choices":[{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}]}

        data: {"id":"chatcmpl-123","object":"chat.completion.chunk","created":1694268190,"model":"gpt-4o-mini","system_fingerprint":"fp_44709d6fcb","choices":[{"index":0,"delta":{"content":"Hello"},"logprobs":null,"finish_reason":null}]}

        data: {"id":"chatcmpl-123","object":"chat.completion.chunk","created":1694268190,"model":"gpt-4o-mini","system_fingerprint":"fp_44709d6fcb","choices":[{"index":0,"delta":{"content":" there!"},"logprobs":null,"finish_reason":null}]}

        data: {"id":"chatcmpl-123","object":"chat.completion.chunk","created":1694268190,"model":"gpt-4o-mini","system_fingerprint":"fp_44709d6fcb","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}]}

        data: [DONE]


        """

    @Test func chatCompletionStreamsEndToEnd() async throws {
        try await withTestServer { server async throws in
            let bytes = Data(Self.openAIStream.utf8)
            let pieces = stride(from: 0, to: bytes.count, by: 97).map { Data(bytes[$0..<min($0 + 97, bytes.count)]) }
            await server.script("/chat/completions", ScriptedResponse(headers: ["Content-Type": "text/event-stream"], behaviour: .trickle(pieces: pieces, interval: .milliseconds(2), thenDrop: false)))
            var text = ""
            var finish: CompletionChunkChoicesItemFinishReason?
            var chunks = 0
            for try await event in try await Self.client(server).createChatCompletionStream(body: .init(prompt: "Hi", stream: true)) {
                chunks += 1
                #expect(event.data.object == "chat.completion.chunk")
                text += event.data.choices.compactMap { $0.delta.content ?? nil }.joined()
                finish = event.data.choices.first?.finishReason ?? finish
            }
            #expect(chunks == 4)
            #expect(text == "Hello there!")
            #expect(finish == .stop)
            let request = try #require(await server.requests.first)
            #expect(request.header("Accept") == "text/event-stream, application/json")
            #expect(request.text.contains("\"stream\":true"))
        }
    }

    /// The buffered method asks for JSON only, so a server that can do both answers with JSON.
    @Test func theBufferedMethodAsksForJSON() async throws {
        try await withTestServer { server async throws in
            await server.script("/chat/completions", .json(#"{"id":"c1","text":"Hello"}"#))
            let completion = try await Self.client(server).createChatCompletion(body: .init(prompt: "Hi"))
            #expect(completion.text == "Hello")
            #expect(await server.requests.first?.header("Accept") == "application/json")
        }
    }

    @Test func eventsDecodeIntoAUnionAndDocumentedErrorsStayTyped() async throws {
        try await withTestServer { server async throws in
            await server.script("/jobs/j1/events", ScriptedResponse(headers: ["Content-Type": "text/event-stream"], body: Data("data: {\"percent\":40}\n\ndata: {\"message\":\"disk full\"}\n\n".utf8), chunked: true))
            var received: [WatchJobEvent] = []
            for try await event in try await Self.client(server).watchJob(id: "j1") { received.append(event.data) }
            #expect(received == [.progress(Progress(percent: 40)), .problem(Problem(message: "disk full"))])

            await server.script("/chat/completions", .json(#"{"message":"slow down"}"#, status: 429))
            let error = await clientError { _ = try await Self.client(server).createChatCompletionStream(body: .init(prompt: "Hi")) }
            #expect(error?.body(as: Problem.self)?.message == "slow down")
        }
    }

    @Test func jsonLinesAndDownloads() async throws {
        try await withTestServer { server async throws in
            await server.script("/exports/e1/rows", ScriptedResponse(headers: ["Content-Type": "application/x-ndjson"], body: Data("{\"a\":1}\n{\"a\":2}\n".utf8), chunked: true))
            var rows: [Row] = []
            for try await row in try await Self.client(server).exportRows(id: "e1") { rows.append(row) }
            #expect(rows.map { $0["a"] } == [JSONValue.int(1), .int(2)])

            let content = Data((0..<300_000).map { UInt8(truncatingIfNeeded: $0) })
            await server.script("/files/f1/content", ScriptedResponse(headers: ["Content-Type": "application/octet-stream"], body: content, chunked: true))
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("download-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: file) }
            try await Self.client(server).downloadFileStream(id: "f1").write(to: file)
            #expect(try Data(contentsOf: file) == content)
        }
    }
}
