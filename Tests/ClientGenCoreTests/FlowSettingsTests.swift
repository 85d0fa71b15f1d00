@testable import ClientGenCore
import Foundation
import Testing

/// A flow that cannot be built is a warning at its `x-clientgen-flow` that says why, and the rest of the client
/// is generated as if the flow were not there.
@Suite struct FlowSettingsTests {
    static func spec(flow: String, statusExtension: String = "x-clientgen-wait: {until: state, success: [done]}", statusParameter: String = "job_id") -> String {
        """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths:
          /jobs:
            post:
              operationId: submitJob
              x-clientgen-flow: \(flow)
              responses:
                '200':
                  description: Started.
                  content:
                    application/json:
                      schema: {type: object, required: [id], properties: {id: {type: string}}}
          /jobs/{\(statusParameter)}:
            get:
              operationId: getJob
              \(statusExtension)
              parameters:
                - {name: \(statusParameter), in: path, required: true, schema: {type: \(statusParameter == "count" ? "integer" : "string")}}
              responses:
                '200':
                  description: The job.
                  content:
                    application/json:
                      schema: {type: object, required: [state], properties: {state: {type: string}, output: {type: string}}}
        """
    }

    static func generate(_ text: String) -> (warnings: [String], code: String) {
        let generator = Generator(sourceProvider: InMemorySourceProvider())
        let result = generator.generate(file: "spec.yaml", bytes: Array(text.utf8), options: GenerationOptions(moduleName: "M", specName: "spec.yaml"))
        let code = (result.files ?? []).map(\.contents).joined(separator: "\n")
        return (result.diagnostics.map(\.description), code)
    }

    @Test func aWellFormedFlowGeneratesItsMethodWithoutADiagnostic() {
        let (warnings, code) = Self.generate(Self.spec(flow: "{name: runJob, handle: id, status: getJob, results: getJob}"))
        #expect(warnings == [])
        #expect(code.contains("public func runJob("))
        #expect(code.contains("let jobId = submitted.id"))
        #expect(code.contains("return try await waitForJob(jobId: jobId, every: interval, timeout: timeout)"))
    }

    @Test(arguments: [
        ("{name: runJob, handle: id, status: getJob}", "x-clientgen-flow needs 'name', 'handle', 'status' and 'results'; no flow method is generated"),
        ("{name: run-job, handle: id, status: getJob, results: getJob}", "x-clientgen-flow: 'name' run-job is not a Swift identifier; no flow method is generated"),
        ("{name: runJob, handle: id, status: getJobs, results: getJob}", "x-clientgen-flow: 'status' names operation 'getJobs', which is not generated (not in the spec, or left out by the filter); no runJob method is generated"),
        ("{name: runJob, handle: id, status: getJob, results: getJob, cancel: stop}", "x-clientgen-flow: 'cancel' names operation 'stop', which is not generated (not in the spec, or left out by the filter); no runJob method is generated"),
        ("{name: runJob, handle: job.id, status: getJob, results: getJob}", "x-clientgen-flow: 'job.id' is not in the response of 'submitJob'; no runJob method is generated"),
        ("{name: runJob, handle: id, status: getJob, results: getJob, after: 1}", "x-clientgen-flow has an unknown key 'after'; expected 'cancel', 'handle', 'name', 'results', 'status'"),
    ])
    func aFlowThatCannotBeBuiltIsAWarning(flow: String, warning: String) {
        let (warnings, code) = Self.generate(Self.spec(flow: flow))
        #expect(warnings.contains { $0.hasSuffix(warning) || $0.contains("warning: \(warning) [") }, "\(warnings)")
        #expect(code.contains("public func getJob("))
        if !warning.contains("unknown key") { #expect(!code.contains("func runJob(")) }
    }

    @Test func theStatusOperationMustSayWhenTheWorkHasEnded() {
        let (warnings, code) = Self.generate(Self.spec(flow: "{name: runJob, handle: id, status: getJob, results: getJob}", statusExtension: ""))
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains("the status operation 'getJob' needs x-clientgen-wait with the states that end the wait; no runJob method is generated") == true, "\(warnings)")
        #expect(!code.contains("func runJob("))
    }

    @Test func theHandleMustFitTheParameterItFills() {
        let (warnings, code) = Self.generate(Self.spec(flow: "{name: runJob, handle: id, status: getJob, results: getJob}", statusParameter: "count"))
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains("the status operation 'getJob' needs 'count', which neither the flow's parameters nor the handle 'id' (String) give") == true, "\(warnings)")
        #expect(!code.contains("func runJob("))
    }
}
