@testable import ClientGenCore
import Testing

@Suite struct ParserSeedTests {
    @Test func alliumLoadsWithItsOperationSchemasAndSecurity() throws {
        let result = try ParserFixtures.parseSeed("allium.yaml")
        #expect(result.diagnostics.map(\.description) == [])
        let document = try #require(result.document)
        #expect(document.openAPIVersion == "3.0.2")
        #expect(!document.isVersion31)
        #expect(document.info.title == "Allium API")
        #expect(document.info.version == "0.1.0")
        #expect(document.servers.map(\.url) == ["https://api.allium.so"])
        #expect(document.security == [])

        #expect(document.operations.count == 1)
        let operation = try #require(document.operations.first)
        #expect(operation.method == .get)
        #expect(operation.path == "/api/v1/explorer/query-runs/{run_id}/results")
        #expect(operation.operationId == "get_query_run_results_api_v1_explorer_query_runs__run_id__results_get")
        #expect(operation.summary == "Get Query Run Results")
        #expect(operation.security == [SecurityRequirement(schemes: ["APIKeyBearer"])])

        #expect(operation.parameters.map(\.name) == ["run_id", "f"])
        let runId = operation.parameters[0]
        #expect(runId.location == .path)
        #expect(runId.required)
        #expect(runId.schema?.types == [.string])
        #expect(runId.schema?.title == "Run Id")
        let format = operation.parameters[1]
        #expect(format.location == .query)
        #expect(!format.required)
        #expect(format.schema?.defaultValue == .string("json"))
        #expect(format.schema?.allOf.map { $0.reference?.text } == ["#/components/schemas/ResponseFormat"])

        #expect(operation.responses.map(\.status) == [.code(200), .code(422)])
        #expect(operation.responses[0].description == "Successful Response")
        #expect(operation.responses[0].content.map(\.contentType) == ["application/json"])
        #expect(operation.responses[0].content[0].schema?.reference?.name == "QueryResult")
        #expect(operation.responses[1].content[0].schema?.reference?.name == "HTTPValidationError")

        #expect(document.schemas.map(\.name) == [
            "ResponseFormat", "QueryResult", "HTTPValidationError", "QueryResultMeta", "ValidationError", "QueryResultMetaColumn",
        ])
        let responseFormat = document.schemas[0].schema
        #expect(responseFormat.types == [.string])
        #expect(responseFormat.enumValues == [.string("json"), .string("json_file"), .string("csv")])
        #expect(responseFormat.description == "An enumeration.")

        let queryResult = document.schemas[1].schema
        #expect(queryResult.types == [.object])
        #expect(queryResult.required == ["sql", "meta"])
        #expect(queryResult.properties.map(\.name) == ["sql", "data", "meta", "queried_at"])
        #expect(queryResult.properties[1].schema.types == nil)
        #expect(queryResult.properties[2].schema.reference?.target == Reference.Target(file: "Seeds/allium.yaml", pointer: ["components", "schemas", "QueryResultMeta"]))
        #expect(queryResult.properties[3].schema.format == "date-time")

        let validationError = document.schemas[4].schema
        #expect(validationError.required == ["loc", "msg", "type"])
        let loc = try #require(validationError.properties.first)
        #expect(loc.name == "loc")
        #expect(loc.schema.types == [.array])
        #expect(loc.schema.items?.anyOf.map(\.types) == [[.string], [.integer]])

        // Every reference in the document has a named schema.
        let reference = try #require(operation.responses[0].content[0].schema?.reference)
        #expect(document.namedSchema(for: reference)?.name == "QueryResult")

        #expect(document.securitySchemes.count == 1)
        let scheme = document.securitySchemes[0]
        #expect(scheme.name == "APIKeyBearer")
        guard case .apiKey(let name, let location) = scheme.kind else {
            Issue.record("expected an apiKey scheme, found \(scheme.kind)")
            return
        }
        #expect(name == "X-API-KEY")
        #expect(location == .header)
    }

    @Test func triggerLoadsWithPathLevelParameterAndBearerAuth() throws {
        let result = try ParserFixtures.parseSeed("trigger.yaml")
        #expect(result.diagnostics.map(\.description) == [])
        let document = try #require(result.document)
        #expect(document.openAPIVersion == "3.1.0")
        #expect(document.isVersion31)
        #expect(document.info.title == "Trigger.dev v3 REST API")
        #expect(document.info.version == "2024-04")
        #expect(document.info.description?.hasPrefix("The REST API lets you trigger") == true)
        #expect(document.servers.map(\.url) == ["https://api.trigger.dev"])
        #expect(document.servers.first?.description == "Trigger.dev API")
        #expect(document.security == [])
        #expect(document.schemas.isEmpty)

        let operation = try #require(document.operations.first)
        #expect(document.operations.count == 1)
        #expect(operation.method == .get)
        #expect(operation.path == "/api/v1/runs/{runId}/result")
        #expect(operation.operationId == "get_run_result_v1")
        #expect(operation.tags == ["runs"])
        #expect(operation.security == [SecurityRequirement(schemes: ["secretKey"])])
        #expect(operation.extensions["x-codeSamples"] != nil)

        #expect(operation.parameters.count == 1)
        let runId = operation.parameters[0]
        #expect(runId.name == "runId")
        #expect(runId.location == .path)
        #expect(runId.required)
        #expect(runId.schema?.types == [.string])
        #expect(runId.example == .string("run_1234"))
        #expect(runId.source.path == JSONPath(["components", "parameters", "runId"]))

        #expect(operation.responses.map(\.status) == [.code(200), .code(401), .code(404)])
        let ok = try #require(operation.responses[0].content.first?.schema)
        #expect(ok.types == [.object])
        #expect(ok.required == ["ok", "id"])
        #expect(ok.properties.map(\.name) == ["ok", "id", "output", "outputType", "error", "usage", "taskIdentifier"])
        #expect(ok.properties[0].schema.types == [.boolean])
        #expect(ok.properties[5].schema.properties.first?.schema.types == [.number])
        let unauthorized = try #require(operation.responses[1].content.first?.schema)
        #expect(unauthorized.properties.first?.schema.enumValues == [.string("Invalid or Missing API Key")])

        #expect(document.securitySchemes.map(\.name) == ["secretKey"])
        guard case .http(let scheme, let bearerFormat) = document.securitySchemes[0].kind else {
            Issue.record("expected an http scheme")
            return
        }
        #expect(scheme == "bearer")
        #expect(bearerFormat == nil)
    }
}
