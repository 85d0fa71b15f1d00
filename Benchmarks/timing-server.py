"""A loopback server for the timing benchmark (Benchmarks/Sources/timing-bench): answers that ask the client to
wait, and answers that never come in time.

  GET /retry/seconds/N/KEY    503 with Retry-After: N the first time KEY is asked for, then 200 {}
  GET /retry/date/N/KEY       429 with Retry-After an HTTP-date N seconds ahead (whole seconds) the first time, then 200 {}
  GET /always/N               503 with Retry-After: N, every time
  GET /hold/S                 200 {} after S seconds
  GET /then-hold/KEY          503 with Retry-After: 1 the first time KEY is asked for, then 200 {} after 30 s
  GET /poll                   200 {}

Usage: timing-server.py PORT    (prints "ready" once listening)
"""
import email.utils
import http.server
import sys
import threading
import time

seen = set()
lock = threading.Lock()


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def answer(self, status, headers=()):
        body = b"{}"
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        parts = self.path.strip("/").split("/")
        if parts[0] == "retry" and len(parts) == 4:
            with lock:
                first = self.path not in seen
                seen.add(self.path)
            if not first:
                return self.answer(200)
            if parts[1] == "seconds":
                return self.answer(503, [("Retry-After", parts[2])])
            return self.answer(429, [("Retry-After", email.utils.formatdate(time.time() + float(parts[2]), usegmt=True))])
        if parts[0] == "then-hold":
            with lock:
                first = self.path not in seen
                seen.add(self.path)
            if first:
                return self.answer(503, [("Retry-After", "1")])
            time.sleep(30)
            return self.answer(200)
        if parts[0] == "always":
            return self.answer(503, [("Retry-After", parts[1])])
        if parts[0] == "hold":
            time.sleep(float(parts[1]))
            return self.answer(200)
        if parts[0] == "poll":
            return self.answer(200)
        self.send_error(404)


server = http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler)
server.daemon_threads = True
print("ready", flush=True)
server.serve_forever()
