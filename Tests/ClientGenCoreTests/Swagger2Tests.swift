@testable import ClientGenCore
import Foundation
import Testing

/// Swagger 2.0 read into the OpenAPI 3 model: diagnostics point at the Swagger text, and references into other
/// files reach objects converted where they are written.
@Suite struct Swagger2Tests {
    private static let header = """
    swagger: "2.0"
    info:
      title: T
      version: "1"
    host: api.example.com
    schemes: [https]

    """

    private static let itemsSpec = """
    paths:
      /items:
        get:
          parameters:
            - name: tabs
              in: query
              type: array
              collectionFormat: tsv
              items:
                type: string
          responses:
            "200":
              description: ok
              schema:
                $ref: '#/definitions/Item'
    definitions:
      Item:
        type: object
        properties:
          size:
            type: integer
            format: [int32]
    """

    @Test func diagnosticsPointAtTheSwaggerText() throws {
        let result = ParserFixtures.parse(Self.header + Self.itemsSpec)
        let tabs = "api.yaml:14:29: warning: collectionFormat 'tsv' has no OpenAPI 3 equivalent; the values are joined with commas (as csv) instead of tabs [#/paths/~1items/get/parameters/0/collectionFormat]"
        // Read from `components/schemas/Item`, reported where the Swagger text has it.
        let format = "api.yaml:28:17: warning: expected a string, found a sequence; it is ignored [#/definitions/Item/properties/size/format]"
        #expect(result.diagnostics.map(\.description) == [tabs, format])
        // A local defect: the rest is generated, the size without its format.
        let document = try #require(result.document)
        let size = try #require(document.schemas.first { $0.name == "Item" }?.schema.properties.first { $0.name == "size" })
        #expect(size.schema.types == [.integer])
        #expect(size.schema.format == nil)

        // --strict makes the defect an error at the same place; 'tsv', valid Swagger that OpenAPI 3 cannot
        // say, stays a warning.
        let strict = ParserFixtures.parse(Self.header + Self.itemsSpec, strict: true)
        #expect(strict.diagnostics.map(\.description) == [tabs, format.replacingOccurrences(of: ": warning: ", with: ": error: ")])
        #expect(strict.document == nil)
    }

    /// Valid Swagger that OpenAPI 3 cannot say the same way (no schemes, tsv/ssv, a joined list in a multipart
    /// form) is a plain warning, which --strict leaves alone; 'multi' in a header breaks Swagger's rules and is a
    /// defect. The converter's own diagnostics name the parameter as written, not its place in the converted
    /// list (the form field 'tags' is parameters/1 even though the converted parameters renumber).
    @Test func strictStopsAtDefectsNotAtWhatOpenAPI3CannotSay() throws {
        let text = """
        swagger: "2.0"
        info: {title: T, version: "1"}
        host: api.example.com
        paths:
          /upload:
            post:
              consumes: [multipart/form-data]
              parameters:
                - {name: file, in: formData, type: file}
                - {name: tags, in: formData, type: array, items: {type: string}, collectionFormat: csv}
                - {name: X-Ids, in: header, type: array, items: {type: string}, collectionFormat: ssv}
                - {name: X-Many, in: header, type: array, items: {type: string}, collectionFormat: multi}
              responses:
                "204": {description: done}
        """
        let notes = [
            "api.yaml:3:7: warning: the document has no 'schemes'; https is assumed for host 'api.example.com' [#/host]",
            "api.yaml:10:92: warning: multipart/form-data sends each value of 'tags' as a part of its own; collectionFormat 'csv' is not applied [#/paths/~1upload/post/parameters/1/collectionFormat]",
            "api.yaml:11:91: warning: collectionFormat 'ssv' has no OpenAPI 3 equivalent in a header parameter; the values are joined with commas (as csv) [#/paths/~1upload/post/parameters/2/collectionFormat]",
        ]
        let multi = "api.yaml:12:92: warning: collectionFormat 'multi' repeats query or formData parameters only; in a header parameter the values are joined with commas (as csv) [#/paths/~1upload/post/parameters/3/collectionFormat]"
        let lenient = ParserFixtures.parse(text)
        #expect(lenient.diagnostics.map(\.description) == notes + [multi])
        #expect(lenient.document != nil)

        let strict = ParserFixtures.parse(text, strict: true)
        #expect(strict.diagnostics.map(\.description) == notes + [multi.replacingOccurrences(of: ": warning: ", with: ": error: ")])
        #expect(strict.document == nil)

        let valid = ParserFixtures.parse(text.replacingOccurrences(of: "collectionFormat: multi", with: "collectionFormat: csv"), strict: true)
        #expect(valid.diagnostics.map(\.description) == notes)
        #expect(valid.document != nil)
    }

    @Test func modelElementsNameTheirSwaggerPlace() throws {
        let result = ParserFixtures.parse(Self.header + """
        parameters:
          Limit:
            name: limit
            in: query
            type: integer
        paths:
          /items:
            get:
              parameters:
                - $ref: '#/parameters/Limit'
                - name: body
                  in: body
                  schema:
                    type: object
              responses:
                "200":
                  description: ok
                  schema:
                    $ref: '#/definitions/Item'
        definitions:
          Item:
            type: string
        """)
        #expect(result.diagnostics.map(\.description) == [])
        let document = try #require(result.document)
        #expect(document.openAPIVersion == "2.0")
        let item = try #require(document.schemas.first)
        #expect(item.name == "Item")
        #expect(item.reference.pointer == ["components", "schemas", "Item"])
        #expect(item.schema.source.path.description == "#/definitions/Item")
        #expect(item.schema.source.location == SourceLocation(line: 28, column: 5))
        let operation = try #require(document.operations.first)
        let limit = try #require(operation.parameters.first)
        #expect(limit.source.path.description == "#/parameters/Limit")
        #expect(limit.schema?.source.path.description == "#/parameters/Limit")
        #expect(limit.schema?.types == [.integer])
        let body = try #require(operation.requestBody)
        #expect(body.source.path.description == "#/paths/~1items/get/parameters/1")
        #expect(body.content.first?.schema?.source.path.description == "#/paths/~1items/get/parameters/1/schema")
        #expect(body.content.first?.schema?.source.location == SourceLocation(line: 20, column: 13))
    }

    @Test func referencesIntoOtherFilesAreConvertedWhereTheyAreWritten() throws {
        let result = ParserFixtures.parse([
            "Specs/api.yaml": Self.header + """
            paths:
              /pets:
                get:
                  parameters:
                    - $ref: 'shared/parameters.yaml#/parameters/Tags'
                    - $ref: 'shared/parameters.yaml#/parameters/Words'
                  responses:
                    "200":
                      description: ok
                      schema:
                        type: array
                        items:
                          $ref: 'definitions.yaml#/definitions/Pet'
                    default:
                      $ref: 'shared/responses.yaml#/Error'
                post:
                  parameters:
                    - $ref: 'shared/parameters.yaml#/parameters/NewPet'
                  responses:
                    "201":
                      description: created
              /pets/{id}:
                $ref: 'paths/pet.yaml'
            definitions:
              Kind:
                type: string
                enum: [cat, dog]
            """,
            "Specs/definitions.yaml": """
            definitions:
              Pet:
                type: object
                discriminator: kind
                properties:
                  kind:
                    $ref: 'api.yaml#/definitions/Kind'
                  owner:
                    $ref: '#/definitions/Owner'
                  photo:
                    type: file
              Owner:
                type: object
                properties:
                  name:
                    type: string
                    x-nullable: true
            """,
            "Specs/shared/parameters.yaml": """
            parameters:
              Tags:
                name: tags
                in: query
                type: array
                collectionFormat: pipes
                items:
                  type: string
              Words:
                name: words
                in: query
                type: array
                collectionFormat: tsv
                items:
                  type: string
              NewPet:
                name: pet
                in: body
                required: true
                schema:
                  $ref: '../definitions.yaml#/definitions/Pet'
            """,
            "Specs/shared/responses.yaml": """
            Error:
              description: failed
              schema:
                $ref: '../definitions.yaml#/definitions/Owner'
            """,
            "Specs/paths/pet.yaml": """
            get:
              parameters:
                - name: id
                  in: path
                  required: true
                  type: integer
              responses:
                "200":
                  description: ok
                  schema:
                    $ref: '../definitions.yaml#/definitions/Pet'
            """,
        ], root: "Specs/api.yaml")
        #expect(result.diagnostics.map(\.description) == [
            "Specs/shared/parameters.yaml:13:23: warning: collectionFormat 'tsv' has no OpenAPI 3 equivalent; the values are joined with commas (as csv) instead of tabs [#/parameters/Words/collectionFormat]",
        ])
        let document = try #require(result.document)
        #expect(document.schemas.map(\.name) == ["Kind", "Pet", "Owner"])
        #expect(document.schemas.map(\.reference.file) == ["Specs/api.yaml", "Specs/definitions.yaml", "Specs/definitions.yaml"])

        let pet = document.schemas[1].schema
        #expect(pet.discriminator?.propertyName == "kind")
        let kind = try #require(pet.properties.first { $0.name == "kind" }?.schema.reference)
        #expect(kind.target == Reference.Target(file: "Specs/api.yaml", pointer: ["components", "schemas", "Kind"]))
        #expect(document.namedSchema(for: kind)?.name == "Kind")
        let photo = try #require(pet.properties.first { $0.name == "photo" }?.schema)
        #expect(photo.types == [.string])
        #expect(photo.format == "binary")
        #expect(document.schemas[2].schema.properties.first?.schema.nullable == true)

        let list = try #require(document.operations.first { $0.method == .get && $0.path == "/pets" })
        #expect(list.parameters.map(\.name) == ["tags", "words"])
        #expect(list.parameters[0].style == .pipeDelimited)
        #expect(list.parameters[0].explode == false)
        #expect(list.parameters[0].source.file == "Specs/shared/parameters.yaml")
        #expect(list.parameters[0].source.path.description == "#/parameters/Tags")
        let failure = try #require(list.responses.last)
        #expect(failure.status == .default)
        #expect(failure.description == "failed")
        let owner = try #require(failure.content.first?.schema?.reference)
        #expect(document.namedSchema(for: owner)?.name == "Owner")

        let create = try #require(document.operations.first { $0.method == .post })
        let body = try #require(create.requestBody)
        #expect(body.required)
        #expect(body.content.map(\.contentType) == ["application/json"])
        let bodyReference = try #require(body.content.first?.schema?.reference)
        // The body parameter's schema is a reference: the body names its target, with no alias between.
        #expect(document.namedSchema(for: bodyReference)?.name == "Pet")

        let get = try #require(document.operations.first { $0.path == "/pets/{id}" })
        #expect(get.parameters.map(\.name) == ["id"])
        #expect(get.parameters[0].source.file == "Specs/paths/pet.yaml")
        let returned = try #require(get.responses.first?.content.first?.schema?.reference)
        #expect(document.namedSchema(for: returned)?.name == "Pet")
    }

    @Test func schemaReferencesIntoOperationsFollowTheirMove() throws {
        let result = ParserFixtures.parse(Self.header + """
        produces: [application/json]
        paths:
          /words/{id}:
            get:
              parameters:
                - {name: id, in: path, required: true, type: string}
              responses:
                "200":
                  description: ok
                  schema:
                    type: object
                    properties:
                      word:
                        type: string
          /copies:
            post:
              consumes: [text/plain]
              parameters:
                - name: text
                  in: body
                  schema:
                    type: object
              responses:
                "200":
                  description: ok
                  schema:
                    type: object
                    properties:
                      word:
                        $ref: '#/paths/~1words~1%7Bid%7D/get/responses/200/schema/properties/word'
                      text:
                        $ref: '#/paths/~1copies/post/parameters/0/schema'
        """)
        #expect(result.diagnostics.map(\.description) == [])
        let document = try #require(result.document)
        #expect(document.schemas.map(\.name) == ["word", "Schema"])
        #expect(document.schemas[0].reference.pointer == ["paths", "/words/{id}", "get", "responses", "200", "content", "application/json", "schema", "properties", "word"])
        #expect(document.schemas[1].reference.pointer == ["paths", "/copies", "post", "requestBody", "content", "text/plain", "schema"])
    }

    @Test func bodyAndFormParametersBecomeTheRequestBody() throws {
        let result = ParserFixtures.parse(Self.header + """
        consumes: [application/json, application/xml]
        paths:
          /notes:
            post:
              parameters:
                - {name: note, in: body, description: The note., schema: {type: string}}
              responses:
                "204": {description: done}
          /forms:
            post:
              consumes: [application/x-www-form-urlencoded]
              parameters:
                - {name: name, in: formData, required: true, type: string}
                - {name: tags, in: formData, type: array, items: {type: string}}
                - {name: ids, in: formData, type: array, collectionFormat: multi, items: {type: integer}}
              responses:
                "204": {description: done}
          /files:
            post:
              consumes: [application/x-www-form-urlencoded]
              parameters:
                - {name: upload, in: formData, type: file}
              responses:
                "204": {description: done}
        """)
        #expect(result.diagnostics.map(\.description) == [
            "api.yaml:28:11: warning: file parameter 'upload' needs multipart/form-data, which 'consumes' does not list; the form is sent as multipart/form-data [#/paths/~1files/post/parameters/0]",
        ])
        let operations = try #require(result.document?.operations)
        let note = try #require(operations[0].requestBody)
        #expect(note.description == "The note.")
        #expect(!note.required)
        #expect(note.content.map(\.contentType) == ["application/json", "application/xml"])

        let form = try #require(operations[1].requestBody)
        #expect(form.required)
        let media = try #require(form.content.first)
        #expect(media.contentType == "application/x-www-form-urlencoded")
        #expect(media.schema?.types == [.object])
        #expect(media.schema?.properties.map(\.name) == ["name", "tags", "ids"])
        #expect(media.schema?.required == ["name"])
        // Swagger joins list fields with commas unless told otherwise; OpenAPI 3 repeats them.
        #expect(media.encoding["tags"]?.style == .form)
        #expect(media.encoding["tags"]?.explode == false)
        #expect(media.encoding["ids"] == nil)

        let upload = try #require(operations[2].requestBody?.content.first)
        #expect(upload.contentType == "multipart/form-data")
        #expect(upload.schema?.properties.first?.schema.format == "binary")
    }

    @Test func serversComeFromHostBasePathAndSchemes() throws {
        func servers(_ lines: String) throws -> [String] {
            let result = ParserFixtures.parse("swagger: '2.0'\ninfo: {title: T, version: '1'}\npaths: {}\n" + lines)
            return try #require(result.document).servers.map(\.url)
        }
        #expect(try servers("host: a.example.com\nbasePath: /v1/\nschemes: [http, https]") == ["https://a.example.com/v1", "http://a.example.com/v1"])
        #expect(try servers("host: a.example.com:8080\nschemes: [http]") == ["http://a.example.com:8080"])
        #expect(try servers("basePath: /v2") == ["/v2"])
        #expect(try servers("schemes: [https]") == [])
    }

    @Test func securityDefinitionsBecomeSecuritySchemes() throws {
        let result = ParserFixtures.parse(Self.header + """
        paths: {}
        securityDefinitions:
          basic: {type: basic}
          key: {type: apiKey, name: X-Key, in: header}
          session: {type: apiKey, name: session, in: cookie}
          code:
            type: oauth2
            flow: accessCode
            authorizationUrl: https://a.example.com/authorize
            tokenUrl: https://a.example.com/token
            scopes: {read: Read.}
        security:
          - basic: []
          - code: [read]
        """)
        #expect(result.diagnostics.map(\.description) == [
            "api.yaml:11:46: warning: an API key 'in: cookie' is OpenAPI 3, not Swagger 2.0; the key is sent as a cookie [#/securityDefinitions/session/in]",
        ])
        let document = try #require(result.document)
        #expect(document.securitySchemes.map(\.name) == ["basic", "key", "session", "code"])
        guard case .http(let scheme, _) = document.securitySchemes[0].kind else {
            Issue.record("basic is \(document.securitySchemes[0].kind)")
            return
        }
        #expect(scheme == "basic")
        guard case .apiKey(let name, let location) = document.securitySchemes[1].kind else {
            Issue.record("key is \(document.securitySchemes[1].kind)")
            return
        }
        #expect(name == "X-Key")
        #expect(location == .header)
        guard case .apiKey(_, .cookie) = document.securitySchemes[2].kind else {
            Issue.record("session is \(document.securitySchemes[2].kind)")
            return
        }
        guard case .oauth2 = document.securitySchemes[3].kind else {
            Issue.record("code is \(document.securitySchemes[3].kind)")
            return
        }
        #expect(document.securitySchemes[3].source.path.description == "#/securityDefinitions/code")
        #expect(document.security.map(\.schemes) == [["basic"], ["code"]])
    }
}

/// Swagger 2.0 input that is cut short or holds the wrong kind of node ends in diagnostics, never a crash.
@Suite struct Swagger2RobustnessTests {
    @Test func everyTruncationOfTheGoldenSpecIsTranslatedOrReported() throws {
        let spec = GoldenTests.packageRoot.appendingPathComponent("Tests/GoldenSpecs/swagger2.yaml")
        let bytes = Array(try Data(contentsOf: spec))
        let generator = Generator(sourceProvider: InMemorySourceProvider())
        for length in stride(from: 0, through: bytes.count, by: 13) {
            let diagnostics = DiagnosticCollector()
            let module = generator.translate(file: "t.yaml", bytes: Array(bytes.prefix(length)), options: GenerationOptions(moduleName: "T", specName: "t.yaml"), diagnostics: diagnostics)
            #expect(module != nil || diagnostics.hasErrors, "length \(length)")
        }
    }

    /// Each wrong node is a defect local to its place: reported there with what is left out, and the rest
    /// generated; --strict makes each an error.
    @Test func wrongNodeKindsAreReportedNotCrashed() throws {
        let text = """
        swagger: "2.0"
        info: {title: T, version: "1"}
        host: [a, b]
        basePath: {a: b}
        schemes: 12
        consumes: {a: b}
        produces: [[a]]
        securityDefinitions:
          a: 12
          b: {type: [x]}
          c: {type: oauth2, flow: [x], scopes: 3}
        security: [12, {a: []}]
        parameters: [1, 2]
        responses: 7
        definitions:
          A: {type: object, properties: 12, items: [1], allOf: {a: b}, discriminator: [x], x-nullable: maybe}
          B: {$ref: 12}
          C: 12
        paths:
          /a:
            parameters: 12
            get:
              parameters: [12, {$ref: 12}, {name: a, in: body, schema: 12}, {name: b, in: query, type: array, items: 3, collectionFormat: [x]}]
              responses:
                "200": 12
                "201": {description: ok, schema: {type: file}, headers: 3}
                "202": {description: ok, headers: {X: 3, Y: {type: array, collectionFormat: 4}}}
            post: 12
            put:
              consumes: 3
              parameters: [{name: f, in: formData, type: file}, {name: g, in: formData, type: array, items: {type: file}}]
              responses: [1]
          /b: 3
          /c: {$ref: '#/paths/~1c'}
        """
        let result = ParserFixtures.parse(text)
        let places = result.diagnostics.map { "\($0.location.map { "\($0.line):\($0.column)" } ?? "-") \($0.path.map { "\($0)" } ?? "-")" }
        #expect(places == [
            "1:1 #", // no host or basePath
            "3:7 #/host", "4:11 #/basePath", "5:10 #/schemes", "6:11 #/consumes", "7:12 #/produces/0",
            "9:6 #/securityDefinitions/a", "10:6 #/securityDefinitions/b", "11:27 #/securityDefinitions/c/flow",
            "12:12 #/security/0", "12:17 #/security/1/a", "13:13 #/parameters", "14:12 #/responses",
            "16:33 #/definitions/A/properties", "16:37 #/definitions/A/items", "16:56 #/definitions/A/allOf",
            "16:79 #/definitions/A/discriminator", "17:13 #/definitions/B/$ref", "18:6 #/definitions/C",
            "21:17 #/paths/~1a/parameters", "23:20 #/paths/~1a/get/parameters/0", "23:31 #/paths/~1a/get/parameters/1/$ref",
            "23:64 #/paths/~1a/get/parameters/2/schema", "23:110 #/paths/~1a/get/parameters/3/items",
            "23:131 #/paths/~1a/get/parameters/3/collectionFormat", "25:16 #/paths/~1a/get/responses/200",
            "26:65 #/paths/~1a/get/responses/201/headers", "27:47 #/paths/~1a/get/responses/202/headers/X",
            "27:85 #/paths/~1a/get/responses/202/headers/Y/collectionFormat", "28:11 #/paths/~1a/post",
            "30:17 #/paths/~1a/put/consumes", "32:18 #/paths/~1a/put/responses", "33:7 #/paths/~1b", "34:14 #/paths/~1c/$ref",
        ])
        #expect(!result.hasErrors)
        let document = try #require(result.document)
        #expect(document.operations.map { "\($0.method.rawValue) \($0.path)" } == ["get /a", "put /a"])
        #expect(document.schemas.map(\.name) == ["A", "B", "C"])

        // --strict: every defect an error at the same place; the two notes on what ClientGen cannot say (no
        // server URL, a tuple's items) stay warnings.
        let strict = ParserFixtures.parse(text, strict: true)
        #expect(strict.document == nil)
        #expect(strict.errors.count == 32)
        #expect(strict.warnings.map { $0.path.map { "\($0)" } ?? "-" } == ["#", "#/definitions/A/items"])
        #expect(strict.diagnostics.map(\.location) == result.diagnostics.map(\.location))
    }
}
