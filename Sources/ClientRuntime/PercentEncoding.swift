/// Percent-encoding that leaves only RFC 3986 unreserved characters alone. Foundation's
/// `urlPathAllowed`/`urlQueryAllowed` keep `/`, `?`, `&`, `=` and `+`, which would let a parameter value
/// change the meaning of the URL; a value must always stay one segment or one query value.
enum PercentEncoding {
    static func encode(_ text: String) -> String {
        var output = [UInt8]()
        output.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if isUnreserved(byte) {
                output.append(byte)
            } else {
                output.append(UInt8(ascii: "%"))
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// A path segment that is exactly `.` or `..` would be removed by URL normalization on the way to
    /// the server (RFC 3986 §5.2.4); encoding the dots keeps it a literal segment.
    static func encodeSegment(_ text: String) -> String {
        switch text {
        case ".": "%2E"
        case "..": "%2E%2E"
        default: encode(text)
        }
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }
}
