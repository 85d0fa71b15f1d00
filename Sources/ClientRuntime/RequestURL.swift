import Foundation

extension Request {
    /// The URL to send to. Built as text and parsed once, because `URL.appendingPathComponent` and
    /// `URLComponents` re-encode, which would undo the segment encoding and the link's exact query.
    func url(serverURL: URL) throws -> URL {
        var text: String
        switch target {
        case .template(let path):
            if let open = path.firstIndex(of: "{"), let close = path[open...].firstIndex(of: "}") {
                throw ClientError.invalidRequest("path parameter \(path[path.index(after: open)..<close]) was not given")
            }
            var base = Self.withoutQueryAndFragment(serverURL.absoluteString)
            while base.hasSuffix("/") { base.removeLast() }
            text = base + path
        case .link(let link):
            text = try Self.resolve(link: link, against: serverURL)
        }
        if !queryPairs.isEmpty {
            text += (text.contains("?") ? "&" : "?") + queryPairs.map { "\($0.0)=\($0.1)" }.joined(separator: "&")
        }
        guard let url = URL(string: text), url.scheme != nil, url.host != nil else {
            throw ClientError.invalidRequest("\(text) is not a valid URL")
        }
        return url
    }

    /// RFC 3986 §5.2 reference resolution done on the text, keeping the link's bytes untouched.
    static func resolve(link: String, against serverURL: URL) throws -> String {
        let link = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? link
        if let colon = link.firstIndex(of: ":"), link[..<colon].allSatisfy({ $0.isLetter || $0.isNumber || "+-.".contains($0) }),
           !link[..<colon].isEmpty {
            return link
        }
        guard let scheme = serverURL.scheme, let host = serverURL.host else {
            throw ClientError.invalidRequest("the server URL \(serverURL) has no host")
        }
        let authority = (host.contains(":") ? "[\(host)]" : host) + (serverURL.port.map { ":\($0)" } ?? "")
        let origin = "\(scheme)://\(authority)"
        let basePath = Self.withoutQueryAndFragment(serverURL.absoluteString).dropFirst(origin.count)
        if link.hasPrefix("//") { return "\(scheme):\(link)" }
        if link.hasPrefix("/") { return origin + link }
        if link.hasPrefix("?") { return origin + basePath + link }
        if link.isEmpty { return origin + basePath }
        let directory = basePath.lastIndex(of: "/").map { basePath[...$0] } ?? "/"
        return origin + directory + link
    }

    private static func withoutQueryAndFragment(_ text: String) -> String {
        String(text.prefix { $0 != "?" && $0 != "#" })
    }
}
