import ClientRuntime
import FlyingFox
import Foundation

// Starts a notes server on 127.0.0.1 with canned answers, then talks to it through `Client`, which
// ClientGenPlugin generated from openapi.yaml while this target was built. Exits 1 when anything is off.

/// Canned answers, and the requests they got, so the demo can check what the client sent.
actor NotesServer {
    private(set) var requests: [String] = []

    func handle(_ request: HTTPRequest) async throws -> HTTPResponse {
        let body = try await request.bodyData
        requests.append("\(request.method.rawValue) \(request.path) \(request.headers[.authorization] ?? "-") \(String(decoding: body, as: UTF8.self))")
        let json: String
        var status = HTTPStatusCode.ok
        switch (request.method, request.path) {
        case (.GET, "/v1/notes"):
            json = """
                [{"id": 1, "title": "Shopping", "state": "published", "createdAt": "2025-05-01T09:30:00Z"},
                 {"id": 2, "title": "Ideas", "body": "plugins!", "state": "draft", "createdAt": "2025-05-02T10:00:00.250Z"}]
                """
        case (.POST, "/v1/notes"):
            status = .created
            json = #"{"id": 3, "title": "Demo", "body": "made by the plugin demo", "state": "pinned", "createdAt": "2025-05-03T12:00:00Z"}"#
        case (.GET, "/v1/notes/1"):
            json = #"{"id": 1, "title": "Shopping", "state": "published", "createdAt": "2025-05-01T09:30:00Z"}"#
        default:
            status = .notFound
            json = #"{"message": "no note at \#(request.path)"}"#
        }
        return HTTPResponse(statusCode: status, headers: [.contentType: "application/json"], body: Data(json.utf8))
    }
}

func check(_ condition: Bool, _ message: String) throws {
    struct Failure: Error, CustomStringConvertible { var description: String }
    guard condition else { throw Failure(description: message) }
}

let notes = NotesServer()
let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: 0), logger: .disabled, handler: ClosureHTTPHandler { request in
    try await notes.handle(request)
})
let serverTask = Task { try await server.run() }

do {
    try await server.waitUntilListening()
    guard case .ip4(_, let port) = await server.listeningAddress else { throw URLError(.cannotConnectToHost) }
    let client = Client(serverURL: URL(string: "http://127.0.0.1:\(port)/v1")!, token: "demo-token")

    let published = try await client.listNotes(state: .published)
    print("listNotes: \(published.map { "#\($0.id) \($0.title) [\($0.state.rawValue)]" }.joined(separator: ", "))")
    try check(published.count == 2 && published[1].body == "plugins!", "listNotes decoded \(published)")

    let created = try await client.createNote(body: NewNote(title: "Demo", body: "made by the plugin demo", state: .draft))
    print("createNote: #\(created.id) \(created.title), state \(created.state) (an enum value the spec does not list is kept)")
    try check(created.state == .unknown("pinned"), "createNote decoded state \(created.state)")

    let note = try await client.getNote(noteId: 1)
    print("getNote(1): \(note.title), created \(note.createdAt.formatted(.iso8601))")
    try check(note.id == 1, "getNote decoded \(note)")

    do {
        _ = try await client.getNote(noteId: 42)
        try check(false, "getNote(42) should have thrown")
    } catch let error as ClientError {
        let problem = error.body(as: Problem.self)
        print("getNote(42): HTTP \(error.status ?? 0), typed error body: \(problem?.message ?? "none")")
        try check(error.status == 404 && problem?.message == "no note at /v1/notes/42", "getNote(42) threw \(error)")
    }

    let sent = await notes.requests
    print("server saw:")
    sent.forEach { print("  \($0)") }
    try check(sent[0].hasPrefix("GET /v1/notes Bearer demo-token"), "listNotes sent \(sent[0])")
    try check(sent[1].contains(#""title":"Demo""#), "createNote sent \(sent[1])")
    try check(sent[2].hasPrefix("GET /v1/notes/1 "), "getNote sent \(sent[2])")
    print("PluginDemo: OK")
    serverTask.cancel()
} catch {
    print("PluginDemo: FAILED: \(error)")
    serverTask.cancel()
    exit(1)
}
