import Foundation

/// Decoding of values an API hands back as serialized text with a media type (a stored query
/// result, a file's contents) rather than as part of the JSON response itself.
public enum SerializedValue {
    /// JSON when `contentType` is nil or JSON; otherwise only `String` (the text itself) can be
    /// produced, anything else is an `unexpectedContentType` error.
    public static func decode<T: Decodable>(_ text: String, contentType: String?, as type: T.Type = T.self) throws -> T {
        if contentType == nil || contentType.map(MediaType.isJSON) == true {
            do {
                return try JSONCoding.makeDecoder().decode(T.self, from: Data(text.utf8))
            } catch let error as DecodingError {
                // JSON text asked for as a String: the caller wants the serialized form itself.
                if let text = text as? T { return text }
                let context = Self.context(of: error)
                throw ClientError.decoding(DecodingFailure(
                    status: nil, codingPath: Connection.text(of: context?.codingPath ?? []),
                    message: context?.debugDescription ?? "\(error)", bodySnippet: ClientError.snippet(of: Data(text.utf8))))
            }
        }
        if let text = text as? T { return text }
        throw ClientError.unexpectedContentType(expected: "JSON for \(T.self)", received: contentType)
    }

    /// CSV text (`text/csv`, or no type at all) as a table.
    public static func decode(_ text: String, contentType: String?, as type: CSVTable.Type) throws -> CSVTable {
        if let contentType, MediaType.essence(of: contentType) != "text/csv" {
            throw ClientError.unexpectedContentType(expected: "text/csv", received: contentType)
        }
        return try CSVTable(parsing: text)
    }

    private static func context(of error: DecodingError) -> DecodingError.Context? {
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .keyNotFound(_, let context), .dataCorrupted(let context): context
        @unknown default: nil
        }
    }
}
