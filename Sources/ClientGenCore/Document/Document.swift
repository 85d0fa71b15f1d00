/// A parsed OpenAPI 3.0 or 3.1 document, or a Swagger 2.0 one read as 3.0: the parse stage's result and the
/// translate stage's input.
/// Parameters, request bodies, responses and headers come with their `$ref`s already resolved; schemas keep
/// theirs, because a referenced schema becomes a named type.
public struct Document: Sendable {
    public var file: String
    /// As written: `3.0.3`, `3.1.0`, or `2.0` for Swagger.
    public var openAPIVersion: String
    public var info: Info
    public var servers: [Server]
    public var operations: [Operation]
    /// Every schema that has a name: `components/schemas` of the root file, then schemas that external
    /// references reach in other files, keyed by their reference.
    public var schemas: [NamedSchema]
    /// Position in `schemas` of every reference target, for `namedSchema(for:)`.
    public var schemaIndex: [Reference.Target: Int]
    public var securitySchemes: [SecurityScheme]
    public var security: [SecurityRequirement]
    public var tags: [Tag]
    public var extensions: [String: SpecExtension]

    public init(file: String, openAPIVersion: String, info: Info) {
        self.file = file
        self.openAPIVersion = openAPIVersion
        self.info = info
        self.servers = []
        self.operations = []
        self.schemas = []
        self.schemaIndex = [:]
        self.securitySchemes = []
        self.security = []
        self.tags = []
        self.extensions = [:]
    }

    /// The named schema a `Schema.reference` points at; the parser guarantees one exists for every reference.
    public func namedSchema(for reference: Reference) -> NamedSchema? {
        schemaIndex[reference.target].map { schemas[$0] }
    }

    public var isVersion31: Bool { openAPIVersion.hasPrefix("3.1") || openAPIVersion.hasPrefix("3.2") }
}

public struct NamedSchema: Sendable {
    public var name: String
    public var reference: Reference
    public var schema: Schema

    public init(name: String, reference: Reference, schema: Schema) {
        self.name = name
        self.reference = reference
        self.schema = schema
    }
}

public struct Info: Sendable {
    public var title: String
    public var version: String
    public var description: String?

    public init(title: String, version: String, description: String? = nil) {
        self.title = title
        self.version = version
        self.description = description
    }
}

public struct Server: Sendable {
    public struct Variable: Sendable {
        public var name: String
        public var defaultValue: String
        public var enumValues: [String]
        public var description: String?

        public init(name: String, defaultValue: String, enumValues: [String] = [], description: String? = nil) {
            self.name = name
            self.defaultValue = defaultValue
            self.enumValues = enumValues
            self.description = description
        }
    }

    public var url: String
    public var description: String?
    public var variables: [Variable]

    public init(url: String, description: String? = nil, variables: [Variable] = []) {
        self.url = url
        self.description = description
        self.variables = variables
    }

    /// The URL with every variable replaced by its default.
    public var defaultURL: String {
        variables.reduce(url) { url, variable in
            url.replacingOccurrences(of: "{\(variable.name)}", with: variable.defaultValue)
        }
    }
}

public struct Tag: Sendable {
    public var name: String
    public var description: String?

    public init(name: String, description: String? = nil) {
        self.name = name
        self.description = description
    }
}

import Foundation
