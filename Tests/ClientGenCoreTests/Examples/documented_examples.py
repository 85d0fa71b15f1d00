#!/usr/bin/env python3
"""The independent half of DocumentedExamplesTests: which documented response examples a spec's own schemas accept,
and whether what a generated client decoded and re-encoded is the example again.

    documented_examples.py extract SPEC            JSON manifest of every JSON response example, each judged valid
                                                   or not by openapi-schema-validator against its media type's schema
    documented_examples.py judge SPEC MANIFEST RESULTS
                                                   compares the client's re-encoded values (JSON lines: id, outcome,
                                                   json or error) with the examples; prints a JSON summary

Round-trip equality is JSON equality with what a schema itself says is the same value: numbers by value; date-time
strings by the instant they name, dates by day, uuids without regard to case, base64 bytes by the bytes; a key the
schema neither declares nor admits as an additional property may be dropped (a typed client keeps what the schema
describes); an optional key sent as null may come back absent; a key that comes back holding the schema's default
may have been absent. Everything else must come back as it was sent.
"""
import base64
import datetime
import json
import re
import sys
import urllib.parse

import yaml
from openapi_schema_validator import OAS30Validator, OAS31Validator, oas30_format_checker, oas31_format_checker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4, DRAFT202012

BASE = "urn:clientgen:spec"


# YAML 1.2's core schema: PyYAML resolves YAML 1.1, where `2011-01-26T19:01:12Z` is a datetime, `no` is false and
# `12:30` is the number 750; an example written so means the text.
class CoreLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    pass


CoreLoader.yaml_implicit_resolvers = {}
for tag, pattern, first in [
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", list("~nN") + [""]),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    ("tag:yaml.org,2002:float",
     r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
     list("-+.0123456789")),
]:
    CoreLoader.add_implicit_resolver(tag, re.compile(pattern), first)


def construct_int(loader, node):
    text = loader.construct_scalar(node)
    if text.startswith("0o"):
        return int(text[2:], 8)
    if text.startswith("0x"):
        return int(text[2:], 16)
    return int(text)


CoreLoader.add_constructor("tag:yaml.org,2002:int", construct_int)


def load(path):
    with open(path, "rb") as handle:
        data = handle.read()
    if path.endswith(".json"):
        return json.loads(data)
    return yaml.load(data, Loader=CoreLoader)


def is_json(media_type):
    base = media_type.split(";")[0].strip().lower()
    return base == "application/json" or base.endswith("+json") or base == "text/json"


def split_ref(ref):
    """`#/components/responses/a~1b` as its unescaped parts. A reference is a URI, so its fragment may be
    percent-encoded (`~1%7Bapp_id%7D` for `/{app_id}`)."""
    return [part.replace("~1", "/").replace("~0", "~") for part in urllib.parse.unquote(ref[2:]).split("/")]


def pointer(parts):
    return "/" + "/".join(str(p).replace("~", "~0").replace("/", "~1") for p in parts)


class Spec:
    def __init__(self, path):
        self.document = load(path)
        version = str(self.document.get("openapi", ""))
        self.v31 = version.startswith("3.1") or version.startswith("3.2")
        resource = Resource.from_contents(self.document, default_specification=DRAFT202012 if self.v31 else DRAFT4)
        self.registry = Registry().with_resource(BASE, resource)
        self.validator_class = OAS31Validator if self.v31 else OAS30Validator
        self.format_checker = oas31_format_checker if self.v31 else oas30_format_checker
        self.validators = {}

    def follow(self, node):
        """A `$ref` within the document, followed; None when it points nowhere or elsewhere."""
        return self.settle(node, None)[0]

    def settle(self, node, location):
        """`node` followed through its `$ref`s one at a time, with the location of what it ends at, so that the
        locations built from it point into the schema that is actually there; (None, None) when a reference points
        nowhere or outside the document."""
        seen = 0
        while isinstance(node, dict) and isinstance(node.get("$ref"), str):
            ref = node["$ref"]
            if not ref.startswith("#/") or seen > 64:
                return None, None
            target = self.document
            for part in split_ref(ref):
                if isinstance(target, dict) and part in target:
                    target = target[part]
                elif isinstance(target, list) and part.isdigit() and int(part) < len(target):
                    target = target[int(part)]
                else:
                    return None, None
            # OpenAPI 3.1 applies a $ref's siblings too; they only annotate in every corpus spec but `nullable`.
            node, location = target, ref[1:]
            seen += 1
        return node, location

    def validate(self, instance, location):
        """None when `instance` is valid against the schema at `location` (a JSON pointer), else the first error."""
        validator = self.validators.get(location)
        if validator is None:
            validator = self.validator_class({"$ref": BASE + "#" + location}, registry=self.registry,
                                             format_checker=self.format_checker)
            self.validators[location] = validator
        try:
            error = next(iter(validator.iter_errors(instance)), None)
        except Exception as failure:  # an unresolvable reference, a regex Python cannot compile
            return "the validator could not check it: %s" % failure
        if error is None:
            return None
        where = pointer(error.absolute_path) if error.absolute_path else "the value"
        return "%s: %s" % (where, error.message[:300])


def answer_status(status, documented):
    """The status a server answering with this response would send."""
    codes = {int(s) for s in documented if s.isdigit()}
    if status.isdigit():
        return int(status)
    if len(status) == 3 and status[0] in "12345" and status[1:].upper() == "XX":
        first = int(status[0]) * 100
        return next(code for code in range(first, first + 100) if code not in codes)
    # `default`: the translator reads a spec that documents nothing else as describing its success there.
    successes = [s for s in documented if s.startswith("2")]
    if not successes:
        return 200
    return next(code for code in list(range(500, 600)) + list(range(400, 500)) if code not in codes)


def as_sent(spec, value, schema):
    """The body a server sends for an example. Some specs write a JSON example as the text of the JSON, a YAML
    string (`value: '{"a": 1}'`): for a schema that is not a string's, that text is the body, not a JSON string."""
    if not isinstance(value, str) or not value.lstrip().startswith(("{", "[")):
        return value
    resolved = spec.follow(schema) if isinstance(schema, dict) else None
    if isinstance(resolved, dict) and "string" in ([resolved["type"]] if isinstance(resolved.get("type"), str) else resolved.get("type") or []):
        return value
    try:
        parsed = json.loads(value)
    except ValueError:
        return value
    return parsed if isinstance(parsed, (dict, list)) else value


def extract(path):
    spec = Spec(path)
    entries = []
    for route, item in (spec.document.get("paths") or {}).items():
        if not isinstance(item, dict):
            continue
        for method, operation in item.items():
            if method not in ("get", "put", "post", "delete", "options", "head", "patch", "trace", "query"):
                continue
            if not isinstance(operation, dict) or not isinstance(operation.get("responses"), dict):
                continue
            responses = operation["responses"]
            documented = [str(s) for s in responses]
            for status, response in responses.items():
                status = str(status)
                response_location = ["paths", route, method, "responses", status]
                if isinstance(response, dict) and "$ref" in response:
                    response_location = split_ref(response["$ref"])
                    response = spec.follow(response)
                if not isinstance(response, dict):
                    continue
                for media_type, media in (response.get("content") or {}).items():
                    if not is_json(media_type) or not isinstance(media, dict):
                        continue
                    media_location = response_location + ["content", media_type]
                    examples = []
                    if "example" in media:
                        examples.append(("example", media["example"], media_location + ["example"]))
                    for name, example in (media.get("examples") or {}).items():
                        example_location = media_location + ["examples", name]
                        if isinstance(example, dict) and "$ref" in example:
                            example_location = split_ref(example["$ref"])
                            example = spec.follow(example)
                        if isinstance(example, dict) and "value" in example:
                            examples.append((name, example["value"], example_location + ["value"]))
                    for name, value, location in examples:
                        value = as_sent(spec, value, media.get("schema"))
                        entry = {
                            "id": "e%d" % len(entries), "path": route, "method": method, "status": status,
                            "answerStatus": answer_status(status, documented), "mediaType": media_type,
                            "name": name, "pointer": pointer(location),
                            "body": json.dumps(value, ensure_ascii=False),
                            "schema": pointer(media_location + ["schema"]),
                        }
                        if "schema" not in media:
                            entry["valid"], entry["reason"] = False, "the media type has no schema"
                        else:
                            problem = spec.validate(value, entry["schema"])
                            entry["valid"], entry["reason"] = problem is None, problem
                        entries.append(entry)
    json.dump({"spec": path, "entries": entries}, sys.stdout)


# MARK: - Judging


def instant(text):
    match = re.match(r"^(\d{4})-(\d\d)-(\d\d)[Tt ](\d\d):(\d\d):(\d\d)(\.\d+)?([Zz]|[+-]\d\d:\d\d)$", text)
    if not match:
        return None
    year, month, day, hour, minute, second = (int(g) for g in match.groups()[:6])
    fraction = match.group(7) or ""
    zone = match.group(8)
    offset = 0 if zone in "Zz" else (1 if zone[0] == "+" else -1) * (int(zone[1:3]) * 60 + int(zone[4:6]))
    whole = datetime.datetime(year, month, day, hour, minute, min(second, 59), tzinfo=datetime.timezone.utc)
    whole -= datetime.timedelta(minutes=offset)
    # Microseconds: what a Double holds of a present-day date, and what the client writes.
    micros = round(float("0" + fraction) * 1_000_000) if fraction else 0
    return (whole.timestamp(), micros)


class Judge:
    def __init__(self, spec):
        self.spec = spec

    def schema_types(self, schema):
        types = schema.get("type")
        if isinstance(types, str):
            return {types}
        if isinstance(types, list):
            return set(types)
        return set()

    def matches(self, value, schema, location):
        """Whether `value` validates against a branch, by the same validator as the examples."""
        return self.spec.validate(value, location) is None

    def object_view(self, value, schema, location, depth=0):
        """What the schema says of an object value: properties (name -> (schema, location)), required names, and
        whether keys it does not declare are kept (an additionalProperties schema, or None for kept as JSON)."""
        properties, required, extra, declares = {}, set(), False, False
        stack = [(schema, location)]
        while stack:
            node, where = stack.pop(0)
            if isinstance(node, dict) and "$ref" in node:
                target, target_where = self.spec.settle(node, where)
                if not self.spec.v31:
                    node, where = target, target_where
                else:
                    siblings = {k: v for k, v in node.items() if k != "$ref"}
                    stack.append((target, target_where))
                    node = siblings
                    where = None
            if not isinstance(node, dict):
                continue
            for name, sub in (node.get("properties") or {}).items():
                declares = True
                if name not in properties:
                    properties[name] = (sub, (where + "/properties/" + name.replace("~", "~0").replace("/", "~1"))
                                        if where is not None else None)
            required |= set(node.get("required") or [])
            additional = node.get("additionalProperties")
            if additional is True or isinstance(additional, dict) and additional != {} or additional == {}:
                extra = (additional if isinstance(additional, dict) else {},
                         where + "/additionalProperties" if where is not None and isinstance(additional, dict) else None)
            for index, part in enumerate(node.get("allOf") or []):
                stack.append((part, where + "/allOf/%d" % index if where is not None else None))
            for keyword in ("oneOf", "anyOf"):
                for index, branch in enumerate(node.get(keyword) or []):
                    branch_location = where + "/%s/%d" % (keyword, index) if where is not None else None
                    if branch_location is not None and self.matches(value, branch, branch_location):
                        stack.append((branch, branch_location))
        free_form = not declares and extra is False
        return properties, required, extra, free_form

    def primitive_format(self, schema):
        """The `format` of a string schema, looking through references and single-part compositions."""
        seen = 0
        while isinstance(schema, dict) and seen < 64:
            seen += 1
            if "format" in schema:
                return schema["format"]
            if "$ref" in schema:
                schema = self.spec.follow(schema)
                continue
            parts = [p for k in ("allOf", "oneOf", "anyOf") for p in (schema.get(k) or [])]
            shaped = [p for p in parts if isinstance(p, dict) and p.get("type") != "null" and p != {}]
            if len(shaped) == 1:
                schema = shaped[0]
                continue
            return None
        return None

    def default_of(self, schema):
        seen = 0
        while isinstance(schema, dict) and seen < 64:
            seen += 1
            if "default" in schema:
                return True, schema["default"]
            if "$ref" in schema:
                schema = self.spec.follow(schema)
                continue
            parts = schema.get("allOf") or []
            if len(parts) == 1:
                schema = parts[0]
                continue
            return False, None
        return False, None

    def items_of(self, schema, location):
        seen = 0
        while isinstance(schema, dict) and seen < 64:
            seen += 1
            if "items" in schema:
                return schema["items"], (location + "/items" if location is not None else None)
            if "$ref" in schema:
                schema, location = self.spec.settle(schema, location)
                continue
            for keyword in ("allOf", "oneOf", "anyOf"):
                for index, part in enumerate(schema.get(keyword) or []):
                    found = self.items_of(part, location + "/%s/%d" % (keyword, index) if location is not None else None)
                    if found[0] is not None:
                        return found
            return None, None
        return None, None

    def compare(self, expected, actual, schema, location, at):
        """None when `actual` is `expected` again, else where and how they differ."""
        if isinstance(expected, bool) or isinstance(actual, bool):
            return None if expected is actual else "%s: sent %s, got back %s" % (at, dump(expected), dump(actual))
        if isinstance(expected, (int, float)) and isinstance(actual, (int, float)):
            return None if expected == actual else "%s: sent %s, got back %s" % (at, dump(expected), dump(actual))
        if isinstance(expected, str) and isinstance(actual, str):
            if expected == actual:
                return None
            form = self.primitive_format(schema)
            if form == "date-time" and instant(expected) is not None and instant(expected) == instant(actual):
                return None
            if form == "date" and expected[:10] == actual[:10] and len(expected) == 10 == len(actual):
                return None
            if form == "uuid" and expected.lower() == actual.lower():
                return None
            if form == "byte":
                try:
                    if base64.b64decode(expected) == base64.b64decode(actual):
                        return None
                except ValueError:
                    pass
            return "%s: sent %s, got back %s" % (at, dump(expected), dump(actual))
        if isinstance(expected, list) and isinstance(actual, list):
            if len(expected) != len(actual):
                return "%s: sent %d items, got back %d" % (at, len(expected), len(actual))
            items, items_location = self.items_of(schema, location)
            for index, (sent, back) in enumerate(zip(expected, actual)):
                problem = self.compare(sent, back, items or {}, items_location, "%s[%d]" % (at, index))
                if problem:
                    return problem
            return None
        if isinstance(expected, dict) and isinstance(actual, dict):
            properties, required, extra, free_form = (
                self.object_view(expected, schema, location) if location is not None else ({}, set(), False, True))
            for key, sent in expected.items():
                where = "%s.%s" % (at, key) if at else key
                if key in properties:
                    sub, sub_location = properties[key]
                elif extra is not False:
                    sub, sub_location = extra
                elif free_form:
                    sub, sub_location = {}, None
                else:
                    continue  # a key the schema does not describe; a typed client need not keep it
                if key not in actual:
                    if sent is None and key not in required:
                        continue
                    return "%s: sent, not given back" % where
                problem = self.compare(sent, actual[key], sub, sub_location, where)
                if problem:
                    return problem
            for key, back in actual.items():
                if key in expected:
                    continue
                where = "%s.%s" % (at, key) if at else key
                has_default, default = self.default_of(properties[key][0]) if key in properties else (False, None)
                if has_default and self.compare(default, back, properties[key][0], None, where) is None:
                    continue
                return "%s: not sent, given back as %s" % (where, dump(back))
            return None
        if expected is None and actual is None:
            return None
        return "%s: sent %s, got back %s" % (at or "the value", dump(expected), dump(actual))


def dump(value):
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 120 else text[:117] + "..."


def judge(path, manifest_path, results_path):
    spec = Spec(path)
    judge = Judge(spec)
    with open(manifest_path) as handle:
        manifest = json.load(handle)
    entries = {entry["id"]: entry for entry in manifest["entries"] if entry["valid"]}
    outcomes = {}
    with open(results_path) as handle:
        for line in handle:
            if line.strip():
                record = json.loads(line)
                outcomes[record["id"]] = record
    decoded = round_trip = 0
    failures = []
    for identifier, entry in entries.items():
        record = outcomes.get(identifier)
        label = "%s %s %s %s %s (%s)" % (entry["method"].upper(), entry["path"], entry["status"], entry["mediaType"],
                                         entry["name"], entry["pointer"])
        if record is None:
            failures.append({"id": identifier, "example": label, "stage": "decode", "problem": "the client never ran it"})
            continue
        if record["outcome"] != "decoded":
            failures.append({"id": identifier, "example": label, "stage": "decode", "problem": record.get("error", "")})
            continue
        decoded += 1
        schema, schema_location = spec.settle({"$ref": "#" + entry["schema"]}, None)
        problem = judge.compare(json.loads(entry["body"]), record["json"], schema, schema_location, "")
        if problem is None:
            round_trip += 1
        else:
            failures.append({"id": identifier, "example": label, "stage": "round trip", "problem": problem})
    json.dump({"valid": len(entries), "decoded": decoded, "roundTrip": round_trip, "failures": failures}, sys.stdout)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "extract":
        extract(sys.argv[2])
    elif len(sys.argv) == 5 and sys.argv[1] == "judge":
        judge(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        sys.stderr.write(__doc__)
        sys.exit(64)
