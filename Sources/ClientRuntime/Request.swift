import Foundation

/// One API call under construction. Builder methods never throw so generated code stays a flat list
/// of calls; the first problem is remembered and `Connection.send` throws it before any I/O.
public struct Request: Sendable {
    enum Target: Sendable {
        /// A path template such as `/runs/{run_id}`, appended to the server URL.
        case template(String)
        /// A URL a server returned, followed as is.
        case link(String)
    }

    public var method: HTTPMethod
    /// Security requirement alternatives, OR-ed; each inner list names schemes that are all required.
    /// An empty inner list means anonymous access is acceptable. `[]` sends no credentials.
    public var security: [[String]] = []
    public private(set) var headers = HeaderFields()
    public private(set) var body: HTTPBody?
    var target: Target
    var queryPairs: [(String, String)] = []
    var cookies: [(String, String)] = []
    /// The first reason this request cannot be sent.
    public private(set) var problem: String?

    public init(method: HTTPMethod, path: String) {
        self.method = method
        target = .template(path.hasPrefix("/") ? path : "/" + path)
    }

    /// Follows a URL exactly as a server returned it (a pagination `next` link): relative links resolve
    /// against the server URL and the link's query is kept byte for byte.
    public init(method: HTTPMethod, link: String) {
        self.method = method
        target = .link(link)
    }

    /// The same request sent to a link a server returned (the next page): its headers, cookies and credentials
    /// stay, its path, query and body go.
    public func following(_ link: String) -> Request {
        var next = Request(method: method, link: link)
        next.security = security
        next.headers = headers
        next.cookies = cookies
        next.problem = problem
        return next
    }

    /// Fills the `{name}` placeholder with `value` as a single percent-encoded segment, so a value
    /// containing `/`, `?` or `..` can never address a different resource.
    public mutating func path(_ name: String, _ value: (some Encodable)?, style: PathStyle = .simple, explode: Bool = false) {
        guard case .template(let template) = target else {
            return fail("path parameter \(name) given for a request that follows a link")
        }
        let placeholder = "{\(name)}"
        guard template.contains(placeholder) else { return fail("the path \(template) has no \(placeholder)") }
        guard let value else { return fail("path parameter \(name) is missing") }
        guard let text = attempt(name, { try StyleSerializer.path(name: name, value: ParameterValue.encode(value), style: style, explode: explode) })
        else { return }
        guard !text.isEmpty else { return fail("path parameter \(name) is empty") }
        target = .template(template.replacingOccurrences(of: placeholder, with: text))
    }

    /// Adds a query parameter; nil omits it, as OpenAPI intends for optional parameters.
    public mutating func query(_ name: String, _ value: (some Encodable)?, style: QueryStyle = .form, explode: Bool = true) {
        guard let value else { return }
        guard let pairs = attempt(name, { try StyleSerializer.query(name: name, value: ParameterValue.encode(value), style: style, explode: explode) })
        else { return }
        queryPairs += pairs
    }

    /// Adds a query parameter the spec gives as JSON (`content: application/json`), as Dune's `query_parameters`:
    /// the value's JSON text, percent-encoded. Keys are sorted so the same value always makes the same URL.
    public mutating func query(_ name: String, json value: (some Encodable)?) {
        guard let value, let text = jsonText(name, value) else { return }
        queryPairs.append((PercentEncoding.encode(name), PercentEncoding.encode(text)))
    }

    /// Adds a header parameter the spec gives as JSON (`content: application/json`): the value's JSON text.
    public mutating func header(_ name: String, json value: (some Encodable)?) {
        guard let value, let text = jsonText(name, value), checkHeader(name, text) else { return }
        headers.add(name, text)
    }

    private mutating func jsonText(_ name: String, _ value: some Encodable) -> String? {
        let encoder = JSONCoding.makeEncoder()
        encoder.outputFormatting.insert(.sortedKeys)
        return attempt(name) { String(decoding: try encoder.encode(value), as: UTF8.self) }
    }

    /// Adds a header parameter; nil omits it. Line breaks are refused because they would let a value
    /// inject further headers.
    public mutating func header(_ name: String, _ value: (some Encodable)?, explode: Bool = false) {
        guard let value else { return }
        guard let encoded = attempt(name, { try StyleSerializer.header(name: name, value: ParameterValue.encode(value), explode: explode) }),
              let text = encoded, checkHeader(name, text)
        else { return }
        headers.add(name, text)
    }

    /// Adds a cookie parameter; all cookies travel in one `Cookie` header.
    public mutating func cookie(_ name: String, _ value: (some Encodable)?) {
        guard let value else { return }
        guard let encoded = attempt(name, { try StyleSerializer.cookie(name: name, value: ParameterValue.encode(value)) }),
              let text = encoded
        else { return }
        guard checkHeader(name, text), !name.contains(where: { ";=, ".contains($0) }) else {
            return fail("cookie name \(name) is not a valid token")
        }
        cookies.append((name, text))
    }

    public mutating func jsonBody(_ value: some Encodable, encoder: JSONEncoder = JSONCoding.makeEncoder()) {
        do {
            setBody(HTTPBody(try encoder.encode(value)), contentType: "application/json")
        } catch {
            fail("the JSON body could not be encoded: \(error)")
        }
    }

    /// `application/x-www-form-urlencoded`: object properties become fields. A property with an entry in
    /// `encoding` is written in that style; others as HTML forms and most servers expect: nested objects with
    /// bracket names (`a[b]=c`) and arrays as a repeated field.
    public mutating func formBody(_ value: some Encodable, encoding: [String: FormEncoding] = [:]) {
        guard let pairs = attempt("body", { () throws -> [(String, String)] in
            switch try ParameterValue.encode(value) {
            case .object(let properties): return try StyleSerializer.form(properties, encoding: encoding)
            case .null: return []
            default: throw SerializationProblem(message: "a form body must be an object")
            }
        }) else { return }
        let encoded = pairs.map { FormEncoding.encode($0.0) + "=" + FormEncoding.encode($0.1) }.joined(separator: "&")
        setBody(HTTPBody(Data(encoded.utf8)), contentType: "application/x-www-form-urlencoded")
    }

    public mutating func body(_ data: Data, contentType: String) {
        setBody(HTTPBody(data), contentType: contentType)
    }

    /// A body sent as it is read: from a file, or from any sequence of chunks.
    public mutating func body(_ body: HTTPBody, contentType: String) {
        setBody(body, contentType: contentType)
    }

    public mutating func textBody(_ text: String, contentType: String = "text/plain; charset=utf-8") {
        setBody(HTTPBody(Data(text.utf8)), contentType: contentType)
    }

    /// Sets `Accept`; pass several types comma-separated when an operation has several.
    public mutating func accept(_ mediaTypes: String) {
        guard checkHeader("Accept", mediaTypes) else { return }
        headers["Accept"] = mediaTypes
    }

    private mutating func setBody(_ data: HTTPBody, contentType: String) {
        guard checkHeader("Content-Type", contentType) else { return }
        body = data
        headers["Content-Type"] = contentType
    }

    private mutating func attempt<T>(_ name: String, _ work: () throws -> T) -> T? {
        do {
            return try work()
        } catch let problem as SerializationProblem {
            fail(problem.message)
        } catch {
            fail("parameter \(name) could not be encoded: \(error)")
        }
        return nil
    }

    private mutating func checkHeader(_ name: String, _ value: String) -> Bool {
        guard !name.isEmpty, name.unicodeScalars.allSatisfy(Self.isTokenCharacter) else {
            fail("\"\(name)\" is not a valid header name")
            return false
        }
        guard !value.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\0" }) else {
            fail("the value for \(name) contains a line break or NUL")
            return false
        }
        return true
    }

    mutating func fail(_ message: String) {
        if problem == nil { problem = message }
    }

    /// RFC 9110 `tchar`.
    private static func isTokenCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
            || "!#$%&'*+-.^_`|~".unicodeScalars.contains(scalar))
    }
}

/// How one property of a form body is written (an OpenAPI Encoding Object's `style` and `explode`), and the
/// body flavour of percent-encoding.
public struct FormEncoding: Sendable, Hashable {
    public var style: QueryStyle
    public var explode: Bool

    public init(style: QueryStyle = .form, explode: Bool? = nil) {
        self.style = style
        self.explode = explode ?? (style == .form || style == .deepObject)
    }

    /// Like query values, but brackets stay readable since the body is never parsed as a URL.
    static func encode(_ text: String) -> String {
        PercentEncoding.encode(text).replacingOccurrences(of: "%5B", with: "[").replacingOccurrences(of: "%5D", with: "]")
    }
}
