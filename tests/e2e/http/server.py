#!/usr/bin/env python3
"""A reference HTTP server for the http module's client (tests/e2e/http.sh,
tests/e2e/http/fetch.arc), written on Python's socketserver with the
responses spelled out byte for byte: each route frames its body another
way.  usage: server.py PORT (prints "listening" when ready)."""
import socketserver
import sys
import time

BIG = bytes((i * 7 + 3) % 256 for i in range(3_000_000))


class Handler(socketserver.StreamRequestHandler):
    def handle(self):
        line = self.rfile.readline().decode('latin-1')
        method, target, _ = line.split(' ')
        headers = {}
        while True:
            h = self.rfile.readline().decode('latin-1')
            if h in ('\r\n', '\n', ''):
                break
            k, v = h.split(':', 1)
            headers[k.strip().lower()] = v.strip()
        body = self.rfile.read(int(headers.get('content-length', '0')))
        w = self.wfile.write
        if target == '/len':
            w(b'HTTP/1.1 200 OK\r\nContent-Length: 5\r\nX-Test: one\r\nx-test: two\r\n\r\nhello')
        elif target == '/chunked':
            w(b'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n'
              b'4\r\nWiki\r\n6;ext=1\r\npedia \r\nE\r\nin  and chunks\r\n0\r\nX-Trailer: t\r\n\r\n')
        elif target == '/close':
            w(b'HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil the end')
        elif target == '/204':
            w(b'HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n')
        elif target == '/head':
            w(b'HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n' + (b'' if method == 'HEAD' else b'hello'))
        elif target == '/echo':
            w(b'HTTP/1.1 200 OK\r\nContent-Length: %d\r\nX-Method: %s\r\nX-Got-Length: %s\r\nX-Extra: %s\r\n\r\n'
              % (len(body), method.encode(), headers.get('content-length', '-').encode(),
                 headers.get('x-extra', '-').encode()) + body)
        elif target == '/big':
            w(b'HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n' % len(BIG) + BIG)
        elif target == '/continue':
            w(b'HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok')
        elif target == '/bad':
            w(b'HELLO THERE\r\n\r\n')
        elif target == '/slow':
            time.sleep(3)
            w(b'HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nlate')
        else:
            w(b'HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n')


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


if __name__ == '__main__':
    with Server(('127.0.0.1', int(sys.argv[1])), Handler) as s:
        print('listening', flush=True)
        s.serve_forever()
