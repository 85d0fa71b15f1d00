import ClientRuntime
import Foundation
import GoldenForms
import HTTPTestServer
import Testing

/// Multipart and form bodies from the forms golden client, read back by implementations independent of ClientRuntime:
/// Python's `email` package for multipart, Rack's `parse_nested_query` for form bodies.
@Suite struct FormsTests {
    static let scripts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Scripts")

    /// Runs `arguments` with `input` on standard input and returns standard output, on a thread of its own: a
    /// blocking wait on a cooperative thread would stall every other test's requests while the parser starts.
    static func run(_ arguments: [String], input: Data) async throws -> Data {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try runBlocking(arguments, input: input) }) }.start()
        }
    }

    static func runBlocking(_ arguments: [String], input: Data) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        // Written from another thread: a large body would fill the pipe while output waits to be read.
        let writer = Thread {
            stdin.fileHandleForWriting.write(input)
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "\(arguments) failed: \(String(decoding: errors, as: UTF8.self))"])
        }
        return output
    }

    static var rackAvailable: Bool {
        (try? runBlocking(["ruby", "-e", "require 'rack'"], input: Data())) != nil
    }

    struct ParsedPart: Decodable, Equatable {
        var name: String?
        var filename: String?
        var contentType: String?
        var headers: [String: String]
        var size: Int
        var sha256: String
        var text: String?
    }

    struct ParsedBody: Decodable {
        var defects: [String]
        var parts: [ParsedPart]
    }

    static func parseMultipart(_ request: RecordedRequest) async throws -> ParsedBody {
        let contentType = try #require(request.header("Content-Type"))
        let output = try await run(["python3", scripts.appendingPathComponent("multipart_parts.py").path, contentType], input: request.body)
        return try JSONDecoder().decode(ParsedBody.self, from: output)
    }

    static func sha256(_ data: Data) async throws -> String {
        String(decoding: try await run(["sha256sum"], input: data).prefix(64), as: UTF8.self)
    }

    static func client(_ server: TestServer) -> Client {
        Client(serverURL: server.url, configuration: ClientConfiguration(timeout: .seconds(30)))
    }

    /// Names, filenames, content types, headers and bytes of every kind of part survive: a file from disk, one
    /// from memory with quotes, a backslash and non-ASCII in its name, one streamed from chunks, values, a list
    /// of values and a JSON part.
    @Test func multipartPartsReadBackByPythonsEmailPackage() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("forms-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let image = Data((0..<700_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        let imageFile = folder.appendingPathComponent("photo.png")
        try image.write(to: imageFile)
        let notes = Data("notes \"quoted\" and \\ backslash".utf8)
        let streamed = Data(repeating: 0x5A, count: 100_000)
        let chunks = AsyncStream<Data> { continuation in
            for start in stride(from: 0, to: streamed.count, by: 30_000) { continuation.yield(streamed[start..<min(start + 30_000, streamed.count)]) }
            continuation.finish()
        }
        let form = UploadFileForm(
            file: try MultipartFile(contentsOf: imageFile),
            fileXChecksum: try await Self.sha256(image),
            purpose: .avatar,
            tags: ["a b", "c&d"],
            metadata: UploadMetadata(source: "camera"),
            extras: [
                MultipartFile(notes, filename: "Résumé \"v2\" \\ final.txt", contentType: "text/plain"),
                MultipartFile(HTTPBody(chunks), filename: "stream.bin"),
            ],
            count: 3
        )
        try await withTestServer { server async throws in
            await server.script("/files", .json(#"{"id":"f1"}"#, status: 201))
            let stored = try await Self.client(server).uploadFile(body: form)
            #expect(stored.id == "f1")
            let request = try #require(await server.requests.first)
            let parsed = try await Self.parseMultipart(request)
            #expect(parsed.defects == [])
            #expect(parsed.parts == [
                ParsedPart(name: "file", filename: "photo.png", contentType: "image/png", headers: ["X-Checksum": try await Self.sha256(image)],
                           size: image.count, sha256: try await Self.sha256(image), text: nil),
                ParsedPart(name: "purpose", filename: nil, contentType: nil, headers: [:], size: 6, sha256: try await Self.sha256(Data("avatar".utf8)), text: "avatar"),
                ParsedPart(name: "tags", filename: nil, contentType: nil, headers: [:], size: 3, sha256: try await Self.sha256(Data("a b".utf8)), text: "a b"),
                ParsedPart(name: "tags", filename: nil, contentType: nil, headers: [:], size: 3, sha256: try await Self.sha256(Data("c&d".utf8)), text: "c&d"),
                ParsedPart(name: "metadata", filename: nil, contentType: "application/vnd.example+json", headers: [:], size: 19,
                           sha256: try await Self.sha256(Data(#"{"source":"camera"}"#.utf8)), text: #"{"source":"camera"}"#),
                ParsedPart(name: "extras", filename: "Résumé \"v2\" \\ final.txt", contentType: "text/plain", headers: [:], size: notes.count,
                           sha256: try await Self.sha256(notes), text: String(decoding: notes, as: UTF8.self)),
                ParsedPart(name: "extras", filename: "stream.bin", contentType: "application/octet-stream", headers: [:], size: streamed.count,
                           sha256: try await Self.sha256(streamed), text: nil),
                ParsedPart(name: "count", filename: nil, contentType: nil, headers: [:], size: 1, sha256: try await Self.sha256(Data("3".utf8)), text: "3"),
            ])
        }
    }

    /// A line break in a part's name, filename or header would let a value forge parts or headers: the request is
    /// refused before anything is sent.
    @Test(arguments: ["name", "filename", "header"])
    func lineBreaksInPartHeadersAreRefused(_ place: String) async throws {
        try await withTestServer { server async throws in
            var form = MultipartForm()
            switch place {
            case "name": form.field("a\r\nContent-Type: text/html", "x")
            case "filename": form.file("file", MultipartFile(Data("x".utf8), filename: "a.txt\r\n\r\ninjected"))
            default: form.field("a", "x", headers: ["X-Note": "one\ntwo"])
            }
            let error = await clientError { try await Self.client(server).uploadRaw(body: form) }
            guard case .invalidRequest(let reason)? = error else { Issue.record("expected invalidRequest, got \(String(describing: error))"); return }
            #expect(reason.contains("line break"))
            #expect(await server.requests.isEmpty)
        }
    }

    @Test func anOptionalMultipartBodyIsSentOnlyWhenGiven() async throws {
        try await withTestServer { server async throws in
            await server.script("/avatars", ScriptedResponse(status: 204))
            try await Self.client(server).setAvatar()
            try await Self.client(server).setAvatar(body: SetAvatarForm(image: MultipartFile(Data("img".utf8), filename: "a.png", contentType: "image/png")))
            let requests = await server.requests
            #expect(requests.first?.body.isEmpty == true)
            #expect(requests.first?.header("Content-Type") == nil)
            let parsed = try await Self.parseMultipart(try #require(requests.last))
            #expect(parsed.parts.map(\.name) == ["image"])
            #expect(parsed.parts.first?.text == "img")
        }
    }

    /// What Rack reads back equals what the client was given: deepObject arrays with indices, nested objects,
    /// arrays of objects, and fields in form and pipeDelimited style.
    @Test(.enabled(if: rackAvailable, "needs ruby with rack (Debian's ruby-rack); .ci/run installs it"))
    func formBodiesReadBackByRack() async throws {
        let params = ChargeParams(
            amount: 2000,
            expand: ["customer", "invoice.lines"],
            metadata: ["order": "6735", "note": "a&b=c [x]"],
            items: [ChargeParamsItemsItem(price: "price_1", quantity: 2), ChargeParamsItemsItem(price: "price_2", quantity: 1)],
            tags: ["x", "y"],
            ids: [1, 2, 3],
            shipping: ChargeParamsShipping(name: "Ada", address: ChargeParamsShippingAddress(city: "Zürich"))
        )
        try await withTestServer { server async throws in
            await server.script("/charges", .json(#"{"id":"ch_1"}"#))
            #expect(try await Self.client(server).createCharge(body: params).id == "ch_1")
            let request = try #require(await server.requests.first)
            #expect(request.header("Content-Type") == "application/x-www-form-urlencoded")
            let parsed = try JSONSerialization.jsonObject(with: await Self.run(["ruby", Self.scripts.appendingPathComponent("rack_form.rb").path], input: request.body)) as? NSDictionary
            let expected: NSDictionary = [
                "amount": "2000",
                "expand": ["customer", "invoice.lines"],
                "metadata": ["order": "6735", "note": "a&b=c [x]"],
                "items": [["price": "price_1", "quantity": "2"], ["price": "price_2", "quantity": "1"]],
                "tags": "x,y",
                "ids": "1|2|3",
                "shipping": ["name": "Ada", "address": ["city": "Zürich"]],
            ]
            #expect(parsed == expected, "\(request.text)")
        }
    }
}
