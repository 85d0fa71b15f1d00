@testable import ClientGenCore
import Foundation

/// One documented response example, as `Examples/documented_examples.py extract` lists it.
struct DocumentedExample: Decodable, Sendable {
    var id: String
    var path: String
    var method: String
    /// The response's key in the spec: `201`, `2XX`, `default`.
    var status: String
    /// The status a server sends for that response.
    var answerStatus: Int
    var mediaType: String
    var name: String
    var pointer: String
    /// The example as JSON text, as the server sends it.
    var body: String
    /// Whether openapi-schema-validator accepts it against the media type's schema.
    var valid: Bool
    var reason: String?
}

/// The program that runs each example through the generated client: a transport answers the call with the example,
/// the method decodes it (or throws it, for a documented error status), and the program writes back what it got,
/// encoded again, one JSON line per example.
struct ExampleDriver {
    /// What the driver does for an example: call the method and expect a value or a documented error, or nothing,
    /// because the generated code has no way to decode the example (reported without running).
    enum Check {
        /// `call` is the method's name and arguments: `reposGet(owner: "x", repo: "x")`.
        case returns(call: String)
        /// The method returns an `Output` enum; the example is this case's.
        case returnsCase(call: String, caseName: String)
        case throwsBody(call: String, type: SwiftType)
        case cannotDecode(String)
    }

    let module: SwiftModule
    let arguments: ExampleArguments

    init(_ module: SwiftModule) {
        self.module = module
        arguments = ExampleArguments(module)
    }

    /// How the generated client handles `example`: the method for its path, method and media type (a variant that
    /// asks for the media type alone, else the operation's method), and the case of its status switch the status
    /// reaches.
    func check(for example: DocumentedExample) -> Check {
        let candidates = module.operations.filter {
            $0.method.rawValue == example.method && $0.path == example.path && $0.transfer == .buffered
        }
        let variant = candidates.dropFirst().first { $0.accept.first == example.mediaType }
        guard let operation = variant ?? candidates.first else {
            return .cannotDecode("no generated method sends \(example.method.uppercased()) \(example.path)")
        }
        guard let responseCase = operation.responseCases.first(where: { $0.statuses?.contains { $0.matches(example.answerStatus) } ?? true }) else {
            return .cannotDecode("\(operation.name) documents no case for status \(example.answerStatus)")
        }
        guard let arguments = arguments.call(operation) else {
            return .cannotDecode("no value of some required parameter's type of \(operation.name) can be spelled")
        }
        let call = "\(ViewModelBuilder.escapedAfterDot(operation.name))(\(arguments))"
        switch responseCase.action {
        case .decodeJSON:
            return .returns(call: call)
        case .throwDocumented(let type):
            return .throwsBody(call: call, type: type)
        case .returnOutput(let caseName, .decodeJSON):
            return .returnsCase(call: call, caseName: caseName)
        default:
            return .cannotDecode("\(operation.name) handles status \(example.answerStatus) with \(responseCase.action), not a JSON decode")
        }
    }

    /// The driver's source: one function per example that can be called, and a table of them.
    func source(for examples: [(DocumentedExample, Check)]) -> String {
        var functions: [String] = []
        var table: [String] = []
        for (example, check) in examples {
            let function = "check_\(example.id)"
            switch check {
            case .returns(let call):
                functions.append("""
                    static func \(function)(_ client: Client) async throws -> Foundation.Data {
                        try encoder.encode(try await client.\(call))
                    }
                """)
            case .returnsCase(let call, let caseName):
                functions.append("""
                    static func \(function)(_ client: Client) async throws -> Foundation.Data {
                        let output = try await client.\(call)
                        guard case .\(ViewModelBuilder.escapedAfterDot(caseName))(let value) = output else {
                            throw Unexpected(description: "the call returned \\(output), not .\(caseName)")
                        }
                        return try encoder.encode(value)
                    }
                """)
            case .throwsBody(let call, let type):
                functions.append("""
                    static func \(function)(_ client: Client) async throws -> Foundation.Data {
                        do {
                            _ = try await client.\(call)
                        } catch {
                            guard let body = error.body(as: \(type.spelling).self) else { throw error }
                            return try encoder.encode(body)
                        }
                        throw Unexpected(description: "the call returned instead of throwing the documented status")
                    }
                """)
            case .cannotDecode:
                continue
            }
            table.append("        (\(SwiftLiteral.string(example.id)), \(function)),")
        }
        return """
        // Written by DocumentedExamplesTests: each documented response example through the generated client.

        import ClientRuntime
        import Foundation

        @main
        enum ExampleChecks_ {
            struct Answer: ClientRuntime.HTTPTransport {
                let status: Int
                let contentType: String
                let body: Foundation.Data

                func send(_ request: TransportRequest) async throws -> TransportResponse {
                    TransportResponse(status: status, headers: ["Content-Type": contentType], body: body)
                }
            }

            struct Example: Decodable {
                let answerStatus: Int
                let mediaType: String
                let body: String
            }

            struct Unexpected: Error, CustomStringConvertible {
                let description: String
            }

            static let encoder = JSONCoding.makeEncoder()

            static let checks: [(String, @Sendable (Client) async throws -> Foundation.Data)] = [
        \(table.joined(separator: "\n"))
            ]

            /// `driver EXAMPLES RESULTS`: EXAMPLES maps each id to its status, media type and body.
            static func main() async throws {
                let examples = try JSONDecoder().decode(
                    [String: Example].self, from: Foundation.Data(contentsOf: Foundation.URL(fileURLWithPath: CommandLine.arguments[1])))
                var lines: [String] = []
                for (id, check) in checks {
                    let example = examples[id]!
                    let answer = Answer(status: example.answerStatus, contentType: example.mediaType, body: Foundation.Data(example.body.utf8))
                    let configuration = ClientConfiguration(transport: answer, retry: .never)
                    let client = Client(connection: Connection(serverURL: Foundation.URL(string: "http://127.0.0.1:9")!, configuration: configuration))
                    do {
                        let json = try await check(client)
                        lines.append(#"{"id":"\\#(id)","outcome":"decoded","json":"# + String(decoding: json, as: UTF8.self) + "}")
                    } catch {
                        let text = String(decoding: try JSONEncoder().encode(String(describing: error)), as: UTF8.self)
                        lines.append(#"{"id":"\\#(id)","outcome":"failed","error":"# + text + "}")
                    }
                }
                try Foundation.Data((lines.joined(separator: "\\n") + "\\n").utf8).write(to: Foundation.URL(fileURLWithPath: CommandLine.arguments[2]))
            }
        }

        extension ExampleChecks_ {
        \(functions.joined(separator: "\n\n"))
        }

        """
    }
}
