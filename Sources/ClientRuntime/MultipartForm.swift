import Foundation

/// A file to upload as one part of a `multipart/form-data` body: bytes in memory, a file read from disk as it is
/// sent (never loaded whole), or any sequence of chunks.
public struct MultipartFile: Sendable {
    public var content: HTTPBody
    /// Sent in the part's `Content-Disposition`; servers use it to name what they store.
    public var filename: String?
    /// The part's `Content-Type`; `application/octet-stream` when nil.
    public var contentType: String?

    public init(_ data: Data, filename: String? = nil, contentType: String? = nil) {
        self.init(HTTPBody(data), filename: filename, contentType: contentType)
    }

    /// Read from disk in chunks as the body is sent. `filename` defaults to the file's own name.
    public init(contentsOf fileURL: URL, filename: String? = nil, contentType: String? = nil) throws {
        self.init(try HTTPBody(contentsOf: fileURL), filename: filename ?? fileURL.lastPathComponent, contentType: contentType)
    }

    public init(_ content: HTTPBody, filename: String? = nil, contentType: String? = nil) {
        self.content = content
        self.filename = filename
        self.contentType = contentType
    }
}

/// A `multipart/form-data` body (RFC 7578) built part by part and sent as it is read: file parts stream from
/// wherever they come from, so a large upload never sits in memory. Names and filenames are sent as quoted
/// strings; a line break or NUL in any part header is refused, and the request is then never sent.
public struct MultipartForm: Sendable {
    /// 128 random bits: a body cannot plausibly contain the boundary by chance.
    public let boundary: String
    private var parts: [Part] = []
    /// The first reason the form cannot be sent.
    public private(set) var problem: String?

    private struct Part: Sendable {
        var head: Data
        var content: HTTPBody
    }

    public init(boundary: String = "clientgen-" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()) {
        self.boundary = boundary
    }

    public var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    /// A text part, for a string, number, boolean, date or enum; nil adds nothing.
    public mutating func field(_ name: String, _ value: (some Encodable)?, contentType: String? = nil, headers: HeaderFields = [:]) {
        guard let value else { return }
        do {
            guard case .primitive(let text) = try ParameterValue.encode(value) else {
                return fail("part \(name) is not a single value; send it as JSON")
            }
            add(name, filename: nil, contentType: contentType, headers: headers, content: HTTPBody(Data(text.utf8)))
        } catch {
            fail("part \(name) could not be encoded: \(error)")
        }
    }

    /// One text part per element, each under `name`, as HTML forms send several values of one field.
    public mutating func fields<Element: Encodable>(_ name: String, _ values: [Element]?, contentType: String? = nil, headers: HeaderFields = [:]) {
        for value in values ?? [] { field(name, value, contentType: contentType, headers: headers) }
    }

    /// A part holding `value` as JSON, for objects and lists of them.
    public mutating func json(_ name: String, _ value: (some Encodable)?, contentType: String = "application/json", headers: HeaderFields = [:], encoder: JSONEncoder = JSONCoding.makeEncoder()) {
        guard let value else { return }
        do {
            add(name, filename: nil, contentType: contentType, headers: headers, content: HTTPBody(try encoder.encode(value)))
        } catch {
            fail("part \(name) could not be encoded as JSON: \(error)")
        }
    }

    /// A file part; `contentType` overrides the file's own, which defaults to `application/octet-stream`.
    public mutating func file(_ name: String, _ file: MultipartFile?, contentType: String? = nil, headers: HeaderFields = [:]) {
        guard let file else { return }
        add(name, filename: file.filename ?? name, contentType: contentType ?? file.contentType ?? "application/octet-stream", headers: headers, content: file.content)
    }

    /// One file part per file, each under `name`.
    public mutating func files(_ name: String, _ files: [MultipartFile]?, contentType: String? = nil, headers: HeaderFields = [:]) {
        for file in files ?? [] { self.file(name, file, contentType: contentType, headers: headers) }
    }

    private mutating func add(_ name: String, filename: String?, contentType: String?, headers: HeaderFields, content: HTTPBody) {
        var disposition = "form-data; name=\(Self.quoted(name))"
        if let filename { disposition += "; filename=\(Self.quoted(filename))" }
        var lines = ["--\(boundary)", "Content-Disposition: \(disposition)"]
        if let contentType { lines.append("Content-Type: \(contentType)") }
        for field in headers where field.name.lowercased() != "content-type" && field.name.lowercased() != "content-disposition" {
            lines.append("\(field.name): \(field.value)")
        }
        guard let unsafe = ([name, filename ?? "", contentType ?? ""] + headers.map { $0.name + $0.value }).first(where: Self.breaksHeader) else {
            parts.append(Part(head: Data((lines.joined(separator: "\r\n") + "\r\n\r\n").utf8), content: content))
            return
        }
        fail("a part header of \(name.contains(where: { $0 == "\r" || $0 == "\n" }) ? "a part" : "part \(name)") contains a line break or NUL: \(unsafe.debugDescription)")
    }

    private mutating func fail(_ message: String) {
        if problem == nil { problem = message }
    }

    private static func breaksHeader(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0 == "\r" || $0 == "\n" || $0 == "\0" }
    }

    /// An RFC 9110 quoted string: backslash before `"` and `\`, everything else as UTF-8.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// The whole body: each part's head, content and line break, then the closing boundary.
    public var body: HTTPBody {
        let closing = Data("--\(boundary)--\r\n".utf8)
        let crlf = Data("\r\n".utf8)
        var total: Int64? = Int64(closing.count)
        for part in parts {
            if case .known(let length) = part.content.length, let sum = total {
                total = sum + Int64(part.head.count) + length + Int64(crlf.count)
            } else {
                total = nil
            }
        }
        return HTTPBody(
            PartChunks(parts: parts.map { ($0.head, $0.content) }, crlf: crlf, closing: closing),
            length: total.map { .known($0) } ?? .unknown, replayable: parts.allSatisfy(\.content.isReplayable)
        )
    }

    /// The parts' heads, contents and line breaks in order, read one at a time.
    private struct PartChunks: AsyncSequence, Sendable {
        typealias Element = Data
        let parts: [(Data, HTTPBody)]
        let crlf: Data
        let closing: Data

        func makeAsyncIterator() -> Iterator {
            Iterator(parts: parts, crlf: crlf, closing: closing)
        }

        struct Iterator: AsyncIteratorProtocol {
            let parts: [(Data, HTTPBody)]
            let crlf: Data
            let closing: Data
            var index = 0
            var content: HTTPBody.Iterator?
            var done = false

            mutating func next() async throws -> Data? {
                while !done {
                    if var current = content {
                        let chunk = try await current.next()
                        content = current
                        if let chunk { return chunk }
                        content = nil
                        index += 1
                        return crlf
                    }
                    guard index < parts.count else {
                        done = true
                        return closing
                    }
                    content = parts[index].1.makeAsyncIterator()
                    return parts[index].0
                }
                return nil
            }
        }
    }
}

extension Request {
    /// A `multipart/form-data` body; a problem with the form (a line break in a part header) is the request's.
    public mutating func multipartBody(_ form: MultipartForm) {
        if let problem = form.problem { return fail(problem) }
        body(form.body, contentType: form.contentType)
    }
}
