#!/usr/bin/env python3
"""tests/e2e/http.sh's client for tests/examples/http_server.arc.

usage: client.py PORT CONNS

Prints one TAP line per check ("ok - ..." / "not ok - ...", then the
reason): the routes, HEAD, keep-alive, pipelining, bodies by
Content-Length and chunked (with extensions and trailers), Expect:
100-continue, the limits, every kind of malformed or ambiguous request
(each must get its status and a closed connection), HTTP/1.0, and CONNS
concurrent keep-alive connections of 20 requests each.
"""
import email.utils
import os
import socket
import sys
import threading
import time

PORT = int(sys.argv[1])
CONNS = int(sys.argv[2])
failures = 0


def report(ok, name, why=''):
    global failures
    print(('ok - ' if ok else 'not ok - ') + name)
    if not ok:
        failures += 1
        print('# ' + why[:400].replace('\n', '\n# '))


def connect():
    s = socket.create_connection(('127.0.0.1', PORT), timeout=20)
    return s


class Reader:
    def __init__(self, s):
        self.s = s
        self.buf = b''

    def more(self):
        d = self.s.recv(65536)
        if not d:
            raise EOFError('connection closed')
        self.buf += d

    def response(self, head_only=False):
        """(status, headers dict lower-case, body); reads exactly one."""
        while b'\r\n\r\n' not in self.buf:
            self.more()
        head, self.buf = self.buf.split(b'\r\n\r\n', 1)
        lines = head.decode('latin-1').split('\r\n')
        status = int(lines[0].split(' ')[1])
        hdrs = {}
        for l in lines[1:]:
            k, v = l.split(':', 1)
            hdrs[k.strip().lower()] = v.strip()
        if status == 100:
            return self.response(head_only)
        n = 0 if head_only else int(hdrs.get('content-length', '0'))
        while len(self.buf) < n:
            self.more()
        body, self.buf = self.buf[:n], self.buf[n:]
        return status, hdrs, body, lines[0]

    def closed(self):
        try:
            self.s.settimeout(5)
            return self.s.recv(1) == b'' and not self.buf
        except (ConnectionResetError, socket.timeout):
            return False


def request(method, target, body=None, headers=(), head_only=False):
    s = connect()
    r = Reader(s)
    msg = f'{method} {target} HTTP/1.1\r\nHost: t\r\n'.encode()
    for h in headers:
        msg += h.encode() + b'\r\n'
    if body is not None:
        msg += f'Content-Length: {len(body)}\r\n'.encode()
    msg += b'\r\n' + (body or b'')
    s.sendall(msg)
    out = r.response(head_only)
    s.close()
    return out


def check_get():
    st, h, body, line = request('GET', '/')
    report(st == 200 and body == b'Hello, World!\n' and h.get('content-length') == '14'
           and h.get('content-type') == 'text/plain',
           'GET /: 200, "Hello, World!\\n", Content-Length 14, text/plain', f'{line} {h} {body!r}')
    d = h.get('date', '')
    try:
        t = email.utils.parsedate_to_datetime(d).timestamp()
        good = d.endswith(' GMT') and len(d) == 29 and abs(t - time.time()) < 5
    except (TypeError, ValueError):
        good = False
    report(good, f'Date is an IMF-fixdate of now ({d})', d)


def check_head_and_keepalive():
    s = connect()
    r = Reader(s)
    s.sendall(b'HEAD / HTTP/1.1\r\nHost: t\r\n\r\n')
    st, h, body, _ = r.response(head_only=True)
    s.sendall(b'GET / HTTP/1.1\r\nHost: t\r\n\r\n')
    st2, _, body2, _ = r.response()
    report(st == 200 and h.get('content-length') == '14' and st2 == 200 and body2 == b'Hello, World!\n',
           'HEAD /: Content-Length 14 and no body (the next response on the connection is intact)',
           f'{st} {h} {st2} {body2!r}')
    ok = True
    for i in range(200):
        s.sendall(b'GET / HTTP/1.1\r\nHost: t\r\n\r\n')
        if r.response()[0] != 200:
            ok = False
    report(ok, 'keep-alive: 200 more requests on the same connection')
    s.close()


def check_pipelining():
    s = connect()
    r = Reader(s)
    targets = ['/' if i % 3 else '/nope%d' % i for i in range(60)]
    s.sendall(b''.join(f'GET {t} HTTP/1.1\r\nHost: t\r\n\r\n'.encode() for t in targets))
    got = [r.response() for _ in targets]
    want = [200 if t == '/' else 404 for t in targets]
    report([g[0] for g in got] == want and all(g[2] == (b'Hello, World!\n' if t == '/' else
                                                      f'not found: {t}\n'.encode())
                                               for g, t in zip(got, targets)),
           '60 pipelined requests in one write: 60 responses, in order', str([g[0] for g in got]))
    s.close()


def check_bodies():
    body = os.urandom(300000)
    st, h, got, _ = request('POST', '/echo', body, ['Content-Type: application/x-test'])
    report(st == 200 and got == body and h.get('content-type') == 'application/x-test',
           'POST /echo, 300,000 random bytes by Content-Length: echoed exactly', f'{st} {len(got)}')
    s = connect()
    r = Reader(s)
    parts = [os.urandom(n) for n in (1, 4096, 10, 70000, 3)]
    msg = b'POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n'
    for i, p in enumerate(parts):
        ext = b';name=value' if i == 1 else b''
        msg += b'%X%s\r\n%s\r\n' % (len(p), ext, p)
    msg += b'0\r\nX-Trailer: yes\r\n\r\n'
    for i in range(0, len(msg), 777):         # in pieces, as a slow client sends
        s.sendall(msg[i:i + 777])
    st, h, got, _ = r.response()
    report(st == 200 and got == b''.join(parts),
           'chunked POST in 777-byte pieces, with an extension and a trailer: echoed exactly',
           f'{st} {len(got)}')
    s.sendall(b'POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n')
    r.s.settimeout(10)
    while b'\r\n\r\n' not in r.buf:
        r.more()
    cont = r.buf.startswith(b'HTTP/1.1 100 Continue\r\n\r\n')
    s.sendall(b'hello')
    st, _, got, _ = r.response()
    report(cont and st == 200 and got == b'hello',
           'Expect: 100-continue: 100 Continue before the body, then 200', repr(r.buf[:60]))
    s.close()


BAD = [
    ('no Host in HTTP/1.1', b'GET / HTTP/1.1\r\n\r\n', 400),
    ('two Hosts', b'GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n', 400),
    ('two spaces after the method', b'GET  / HTTP/1.1\r\nHost: t\r\n\r\n', 400),
    ('no version', b'GET /\r\nHost: t\r\n\r\n', 400),
    ('HTTP/2.0', b'GET / HTTP/2.0\r\nHost: t\r\n\r\n', 505),
    ('a bad method token', b'G@T / HTTP/1.1\r\nHost: t\r\n\r\n', 400),
    ('a space in a header name', b'GET / HTTP/1.1\r\nHost: t\r\nBad Name: y\r\n\r\n', 400),
    ('a space before the colon', b'GET / HTTP/1.1\r\nHost : t\r\n\r\n', 400),
    ('an obs-fold line', b'GET / HTTP/1.1\r\nHost: t\r\nX: a\r\n  b\r\n\r\n', 400),
    ('a control character in a value', b'GET / HTTP/1.1\r\nHost: t\r\nX: a\x01b\r\n\r\n', 400),
    ('a bare CR in a line', b'GET / HTTP/1.1\r\nHost: t\r\nX: a\rb\r\n\r\n', 400),
    ('Content-Length with Transfer-Encoding',
     b'POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n', 400),
    ('two different Content-Lengths', b'POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd', 400),
    ('Content-Length "+3"', b'POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: +3\r\n\r\nabc', 400),
    ('Content-Length "3x"', b'POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 3x\r\n\r\nabc', 400),
    ('Transfer-Encoding gzip', b'POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: gzip\r\n\r\n', 501),
    ('a bad chunk size', b'POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nab\r\n0\r\n\r\n', 400),
    ('a chunk without its CRLF', b'POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabX\r\n0\r\n\r\n', 400),
    ('Content-Length over 1 MiB', b'POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 2000000\r\n\r\n', 413),
    ('a chunked body over 1 MiB', b'POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n200000\r\n', 413),
    ('65 header fields', b'GET / HTTP/1.1\r\nHost: t\r\n' + b'X: y\r\n' * 64 + b'\r\n', 431),
    ('a 9,000-byte header', b'GET / HTTP/1.1\r\nHost: t\r\nX: ' + b'y' * 9000 + b'\r\n\r\n', 431),
    ('Expect: something else', b'GET / HTTP/1.1\r\nHost: t\r\nExpect: wait\r\n\r\n', 417),
]


def check_bad():
    for name, msg, want in BAD:
        s = connect()
        r = Reader(s)
        try:
            s.sendall(msg)
            st, h, _, line = r.response()
            closed = r.closed()
        except (EOFError, ConnectionResetError, socket.timeout) as e:
            st, h, line, closed = None, {}, repr(e), False
        report(st == want and h.get('connection') == 'close' and closed,
               f'{name}: {want}, Connection: close, and the connection closes', f'{line} {h} closed={closed}')
        s.close()


def check_close_and_10():
    for name, msg in [('HTTP/1.0 without keep-alive', b'GET / HTTP/1.0\r\n\r\n'),
                      ('Connection: close', b'GET / HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n')]:
        s = connect()
        r = Reader(s)
        s.sendall(msg)
        st, h, body, _ = r.response()
        report(st == 200 and body == b'Hello, World!\n' and h.get('connection') == 'close' and r.closed(),
               f'{name}: 200, Connection: close, and the server closes', str(h))
        s.close()
    s = connect()
    r = Reader(s)
    s.sendall(b'GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\nGET / HTTP/1.0\r\n\r\n')
    a = r.response()
    b = r.response()
    report(a[0] == 200 and 'connection' not in a[1] and b[0] == 200 and r.closed(),
           'HTTP/1.0 with Connection: keep-alive keeps the connection for the next request')
    s.close()
    s = connect()
    r = Reader(s)
    s.sendall(b'GET / HTTP/1.1\nHost: t\n\n')
    report(r.response()[0] == 200, 'lines ending in a bare LF are accepted')
    s.close()


def check_json_route():
    import json
    st, h, body, _ = request('GET', '/headers', None, ['X-Odd:  spaced value\t ', 'x-empty:'])
    try:
        v = json.loads(body)
        ok = (st == 200 and v['method'] == 'GET' and v['target'] == '/headers' and
              ['X-Odd', 'spaced value'] in v['headers'] and ['x-empty', ''] in v['headers'])
    except ValueError:
        ok = False
    report(ok, 'GET /headers: the request as JSON, values without surrounding white space', repr(body))


def check_concurrent():
    errors = []

    def one():
        try:
            s = connect()
            r = Reader(s)
            for _ in range(20):
                s.sendall(b'GET / HTTP/1.1\r\nHost: t\r\n\r\n')
                st, _, body, _ = r.response()
                if st != 200 or body != b'Hello, World!\n':
                    errors.append(st)
            s.close()
        except Exception as e:          # counted, reported below
            errors.append(repr(e))
    ts = [threading.Thread(target=one) for _ in range(CONNS)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    report(not errors, f'{CONNS} concurrent connections x 20 keep-alive requests: all 200', str(errors[:5]))


check_get()
check_head_and_keepalive()
check_pipelining()
check_bodies()
check_bad()
check_close_and_10()
check_json_route()
check_concurrent()
sys.exit(1 if failures else 0)
