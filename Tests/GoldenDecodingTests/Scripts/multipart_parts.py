"""Parses a multipart/form-data body with Python's standard email package, an implementation independent of
ClientRuntime, and prints its parts as JSON: name, filename, content type, extra headers and a digest of the bytes.

Usage: multipart_parts.py CONTENT_TYPE < BODY
"""
import email.parser
import email.policy
import hashlib
import json
import sys

content_type = sys.argv[1]
body = sys.stdin.buffer.read()
message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
    b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + body)
if not message.is_multipart():
    sys.exit("not a multipart body")
parts = []
for part in message.iter_parts():
    payload = part.get_payload(decode=True)
    parts.append({
        "name": part.get_param("name", header="content-disposition"),
        "filename": part.get_filename(),
        "contentType": part.get("Content-Type"),
        "headers": {key: value for key, value in part.items() if key.lower() not in ("content-type", "content-disposition")},
        "size": len(payload),
        "sha256": hashlib.sha256(payload).hexdigest(),
        "text": payload.decode("utf-8", "replace") if len(payload) < 200 else None,
    })
print(json.dumps({"defects": [str(defect) for defect in message.defects], "parts": parts}))
