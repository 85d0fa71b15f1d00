"""A loopback server for the streaming benchmarks, in a process of its own so that the client's peak memory is the
client's alone. Bodies are made on the fly from a repeated block, never held whole.

  GET  /api/v1/execution/size-BYTES/results       a Dune results body of about BYTES bytes (5 columns per row)
  GET  /api/v1/execution/size-BYTES/results/csv   the same rows as CSV
  GET  /events?count=N                            N server-sent events with small JSON data
  POST /upload                                    reads the body (Content-Length or chunked), answers {"bytes": N}

Usage: stream-server.py PORT    (prints "ready" once listening)
"""
import http.server
import json
import re
import sys

ROW_TEMPLATE = ('{"block_number":%d,"block_time":"2024-05-01 12:00:%02d.000 UTC",'
                '"hash":"0x%064x","gas_used":%d,"value_eth":%d.%06d}')
BLOCK_ROWS = 20000


def row_block(start):
    return ",".join(ROW_TEMPLATE % (start + i, i % 60, (start + i) * 2654435761, 21000 + i, i % 97, i % 999999)
                    for i in range(BLOCK_ROWS)).encode()


def csv_block(start):
    return "".join("%d,2024-05-01 12:00:%02d.000 UTC,0x%064x,%d,%d.%06d\n"
                   % (start + i, i % 60, (start + i) * 2654435761, 21000 + i, i % 97, i % 999999)
                   for i in range(BLOCK_ROWS)).encode()


JSON_BLOCK = row_block(0)
CSV_BLOCK = csv_block(0)
JSON_HEAD = (b'{"execution_id":"01HBENCH","query_id":1,"state":"QUERY_STATE_COMPLETED","is_execution_finished":true,'
             b'"submitted_at":"2024-05-01T12:00:00.000Z","execution_started_at":"2024-05-01T12:00:00.100Z",'
             b'"execution_ended_at":"2024-05-01T12:00:01.000Z","result":{"rows":[')
JSON_TAIL = (b'],"metadata":{"column_names":["block_number","block_time","hash","gas_used","value_eth"],'
             b'"result_set_bytes":0,"total_row_count":0,"datapoint_count":0,"pending_time_millis":0,'
             b'"execution_time_millis":900}}}')
CSV_HEAD = b"block_number,block_time,hash,gas_used,value_eth\n"


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send_body(self, content_type, head, block, separator, tail, size):
        blocks = max(1, round((size - len(head) - len(tail)) / (len(block) + len(separator))))
        length = len(head) + blocks * len(block) + (blocks - 1) * len(separator) + len(tail)
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(length))
        self.end_headers()
        self.wfile.write(head)
        for index in range(blocks):
            if index:
                self.wfile.write(separator)
            self.wfile.write(block)
        self.wfile.write(tail)

    def do_GET(self):
        match = re.match(r"^/api/v1/execution/size-(\d+)/results(/csv)?", self.path)
        if match:
            size = int(match.group(1))
            if match.group(2):
                self.send_body("text/csv", CSV_HEAD, CSV_BLOCK, b"", b"", size)
            else:
                self.send_body("application/json", JSON_HEAD, JSON_BLOCK, b",", JSON_TAIL, size)
            return
        match = re.match(r"^/events\?count=(\d+)", self.path)
        if match:
            count = int(match.group(1))
            event = b'data: {"index":1,"text":"a small server-sent event"}\n\n'
            block = event * 1000
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Content-Length", str(len(event) * count))
            self.end_headers()
            for _ in range(count // 1000):
                self.wfile.write(block)
            self.wfile.write(event * (count % 1000))
            return
        self.send_error(404)

    def do_POST(self):
        total = 0
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip(), 16)
                if size == 0:
                    self.rfile.readline()
                    break
                remaining = size
                while remaining:
                    remaining -= len(self.rfile.read(min(remaining, 1 << 20)))
                total += size
                self.rfile.readline()
        else:
            remaining = int(self.headers.get("Content-Length", "0"))
            while remaining:
                got = len(self.rfile.read(min(remaining, 1 << 20)))
                if not got:
                    break
                remaining -= got
                total += got
        body = json.dumps({"bytes": total}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


server = http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler)
print("ready", flush=True)
server.serve_forever()
