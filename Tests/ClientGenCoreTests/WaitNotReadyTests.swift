import ClientGenCore
import Foundation
import Testing

/// How a wait tells "not ready yet" from "gone" when one status means both: from the values the spec lists in the
/// error body, or from `notReadyWhen`; and what it reports when neither can tell.
@Suite struct WaitNotReadyTests {
    /// A spec whose `/runs/{id}` 404 body is `body`, waited on with `wait`.
    private func generate(wait: String, body: String) -> (operations: String, warnings: [String]) {
        let spec = """
            openapi: 3.1.0
            info: {title: Waits, version: "1"}
            paths:
              /runs/{id}:
                get:
                  operationId: getRun
                  x-clientgen-wait: \(wait)
                  parameters:
                    - {name: id, in: path, required: true, schema: {type: string}}
                  responses:
                    "200":
                      description: ok
                      content: {application/json: {schema: {type: object, properties: {id: {type: string}}}}}
                    "404":
                      description: not finished, or gone
                      content: {application/json: {schema: \(body)}}
            """
        let generator = Generator(sourceProvider: InMemorySourceProvider())
        let result = generator.generate(file: "waits.yaml", bytes: Array(spec.utf8), options: GenerationOptions(moduleName: "W", specName: "waits.yaml"))
        let operations = (result.files ?? []).filter { $0.name.hasSuffix("Operations.swift") }.map(\.contents).joined()
        return (operations, result.diagnostics.map(\.description))
    }

    @Test func theOneEnumOfTheBodyNamesTheNotReadyValues() {
        let (code, warnings) = generate(
            wait: "{retryOn: [404]}",
            body: #"{type: object, properties: {error: {type: string, enum: ["not finished"]}, hint: {type: string}}}"#)
        #expect(warnings.isEmpty)
        #expect(code.contains(#"case 404: error.body(as: GetRunNotFound.self)?.error == "not finished""#))
        #expect(code.contains("while the server answers 404 with `error` `not finished`. Any other answer ends the wait at once."))
    }

    /// Which of two enums says "not ready" is a guess the spec does not make: the status alone decides, as before.
    @Test func twoEnumsInTheBodyLeaveTheStatusAlone() {
        let (code, warnings) = generate(
            wait: "{retryOn: [404]}",
            body: "{type: object, properties: {error: {type: string, enum: [pending]}, kind: {type: string, enum: [run, batch]}}}")
        #expect(warnings.isEmpty)
        #expect(code.contains("case 404: true"))
    }

    @Test func notReadyWhenNamesMembersAndValuesTheSpecDoesNotList() {
        let (code, warnings) = generate(
            wait: "{retryOn: [404], notReadyWhen: {detail.state: [queued, starting]}}",
            body: "{type: object, properties: {detail: {type: object, properties: {state: {type: string, enum: [queued, deleted]}}}}}")
        #expect(warnings.isEmpty)
        #expect(code.contains(#"case 404: [.queued, .unknown("starting")].contains(error.body(as: GetRunNotFound.self)?.detail?.state)"#))
    }

    @Test func whatCannotBeReadIsReportedAndTheStatusAloneDecides() {
        let missing = generate(wait: "{retryOn: [404], notReadyWhen: {nope: [x]}}", body: "{type: object, properties: {error: {type: string}}}")
        #expect(missing.warnings == [
            "waits.yaml:7:7: warning: x-clientgen-wait: 'notReadyWhen' names 'nope', which is not a string, integer or enum in the error body of 404; the status alone means \"not ready\" [#/paths/~1runs~1{id}/get/x-clientgen-wait]",
        ])
        #expect(missing.operations.contains("case 404: true"))

        let wrongType = generate(wait: "{retryOn: [404], notReadyWhen: {code: [pending]}}", body: "{type: object, properties: {code: {type: integer}}}")
        #expect(wrongType.warnings.count == 1)
        #expect(wrongType.operations.contains("case 404: true"))

        let undocumented = generate(wait: "{retryOn: [409], notReadyWhen: {error: [x]}}", body: "{type: object}")
        #expect(undocumented.warnings.map { $0.contains("'notReadyWhen' reads the error body of 409, which the spec does not document as JSON") } == [true])
        #expect(undocumented.operations.contains("case 409: true"))

        let malformed = generate(wait: "{retryOn: [404], notReadyWhen: [x]}", body: "{type: object}")
        #expect(malformed.warnings.map { $0.contains("'notReadyWhen' must map one dot path into the error body") } == [true])

        let noStatuses = generate(wait: "{until: id, success: [x], notReadyWhen: {error: [x]}}", body: "{type: object}")
        #expect(noStatuses.warnings.map { $0.contains("'notReadyWhen' needs 'retryOn'") } == [true])
    }
}
