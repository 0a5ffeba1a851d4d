// http: an HTTP/1.1 server (RFC 9110, 9112) on net: one task per
// connection, keep-alive and pipelined requests, request bodies by
// Content-Length or chunked, limits on everything a client sends.
//   serve(host, port, handler) int32    listen on host:port and serve for ever;
//                                       -errno if it cannot listen
//   serve_fd(lfd, handler)              serve connections from a listening socket
//   handler: func(req: *Request, res: *Response), run in the connection's task
//   Request   req.method, req.target (NUL-terminated), req.minor (1 or 0: HTTP/1.x),
//             req.header(name) (case-insensitive; the first, or null), req.nheaders,
//             req.name(i), req.value(i), req.body, req.body_len (bytes, NUL after them)
//   Response  res.status (200 unless set), res.set_header(name, value),
//             res.write(p, n), res.print(s): the body, sent with Content-Length
//   parse(buf, n, req) int64            one request head in buf[0..n]: the bytes it
//                                       took, 0 if incomplete, or -status (400, 431,
//                                       501, 505) for a bad one; writes NULs into buf
//   status_text(code) string            "Not Found" for 404
//   date(buf)                           the IMF-fixdate of now ("Sun, 06 Nov 1994
//                                       08:49:37 GMT"), 29 bytes and a NUL, in buf
//   request(host, port, method, target, extra, body, n, timeout_ms) (*Reply, int64)
//                                       a client request on its own connection: the
//                                       response, or (null, -errno); extra: field lines
//   get(host, port, target, timeout_ms) (*Reply, int64)
//   Reply     r.status, r.header(name), r.nheaders(), r.name(i), r.value(i),
//             r.body, r.body_len (a NUL after them), r.free()
// Strict where a lenient parser is a hazard (request smuggling): a header
// name is a token with no space before its colon, obs-fold lines and
// control characters are refused, Content-Length must be digits (repeats
// must agree) and may not come with Transfer-Encoding, which must be
// chunked; HTTP/1.1 needs one Host.  A bad request gets its status and
// the connection closes.  Lines may end in CRLF or LF.  Limits: a head of
// MAX_HEAD bytes and MAX_HEADERS fields (431), a body of MAX_BODY (413), a
// request not complete within READ_TIMEOUT_MS (408), an idle keep-alive
// connection closed after IDLE_TIMEOUT_MS.
namespace http

import "linux"
import "net"
import "str"
import "time"

const MAX_HEAD: int64 = 8192
const MAX_HEADERS: int64 = 64
const MAX_BODY: int64 = 1048576
const READ_TIMEOUT_MS: int64 = 30000
const MAX_REPLY: int64 = 67108864
const IDLE_TIMEOUT_MS: int64 = 60000
const BUF: int64 = 16384
const LINGER_MS: int64 = 2000
const LINGER_BYTES: int64 = 4194304

struct Request {
    method: string
    target: string
    minor: int32
    nheaders: int64
    names: [MAX_HEADERS]string
    values: [MAX_HEADERS]string
    content_length: int64
    chunked: bool
    close: bool
    expect_continue: bool
    body: *byte
    body_len: int64

    func name(self r: *Request, i: int64) string {
        return r.names[i]
    }

    func value(self r: *Request, i: int64) string {
        return r.values[i]
    }

    func header(self r: *Request, name: string) string {
        for i in 0..r.nheaders {
            if same_name(r.names[i], name) {
                return r.values[i]
            }
        }
        return null
    }
}

struct Response {
    status: int32
    head: str.Builder
    body: str.Builder

    func set_header(self r: *Response, name: string, value: string) {
        r.head.add(name)
        r.head.add(": ")
        r.head.add(value)
        r.head.add("\r\n")
    }

    func write(self r: *Response, p: *byte, n: int64) {
        r.body.add_n(p, n)
    }

    func print(self r: *Response, s: string) {
        r.body.add(s)
    }
}

func lower(c: byte) byte {
    if c >= 'A' && c <= 'Z' {
        return c + 32
    }
    return c
}

func same_name(a: *byte, b: *byte) bool {
    let i = 0
    for a[i] != 0 && lower(a[i]) == lower(b[i]) {
        i++
    }
    return a[i] == 0 && b[i] == 0
}

// RFC 9110's tchar
func is_tchar(c: byte) bool {
    if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
        return true
    }
    switch c {
    case '!', '#', '$', '%', '&', '\'', '*', '+', '-', '.', '^', '_', '`', '|', '~':
        return true
    }
    return false
}

// the end of the line that starts at i (the offset of its LF), or -1
func line_end(buf: *byte, i: int64, n: int64) int64 {
    for let j = i; j < n; j++ {
        if buf[j] == '\n' {
            return j
        }
    }
    return -1
}

// where the head ends (just after its blank line), 0 if not yet
func head_end(buf: *byte, n: int64) int64 {
    let i: int64 = 0
    for i < n {
        let e = line_end(buf, i, n)
        if e < 0 {
            return 0
        }
        if e == i || e == i + 1 && buf[i] == '\r' {
            return e + 1
        }
        i = e + 1
    }
    return 0
}

// the line [i, e) without its CR; -1 if a CR is anywhere else in it
func strip_cr(buf: *byte, i: int64, e: int64) int64 {
    if e > i && buf[e - 1] == '\r' {
        e--
    }
    for j in i..e {
        if buf[j] == '\r' {
            return -1
        }
    }
    return e
}

// the decimal at [i, e): -1 if not all digits or over MAX_REPLY * 10
func decimal(buf: *byte, i: int64, e: int64) int64 {
    if i == e {
        return -1
    }
    let v: int64 = 0
    for j in i..e {
        let c = buf[j]
        if c < '0' || c > '9' || v > MAX_REPLY * 10 {
            return -1
        }
        v = v * 10 + cast<int64>(c - '0')
    }
    return v
}

// Does the comma-separated list at s hold token t (case-insensitive)?
func has_token(s: *byte, t: string) bool {
    let i = 0
    for s[i] != 0 {
        for s[i] == ' ' || s[i] == '\t' || s[i] == ',' {
            i++
        }
        let j = i
        for s[j] != 0 && s[j] != ',' && s[j] != ' ' && s[j] != '\t' {
            j++
        }
        let k = 0
        for t[k] != 0 && i + k < j && lower(s[i + k]) == lower(t[k]) {
            k++
        }
        if t[k] == 0 && i + k == j {
            return true
        }
        i = j
    }
    return false
}

// The field lines from offset i up to the blank line that ends the head
// at end: name ":" OWS value OWS, each name and value NUL-terminated in
// place and listed in req (names, values, nheaders).  The offset after
// the blank line, or -400 (a malformed line), -431 (too many).
func fields(buf: *byte, i: int64, end: int64, req: *Request) int64 {
    req.nheaders = 0
    for {
        let e = line_end(buf, i, end)
        let le = strip_cr(buf, i, e)
        if le < 0 {
            return -400
        }
        if le == i {
            return e + 1
        }
        if buf[i] == ' ' || buf[i] == '\t' {
            return -400                 // obs-fold
        }
        if req.nheaders == MAX_HEADERS {
            return -431
        }
        let k = i
        for k < le && is_tchar(buf[k]) {
            k++
        }
        if k == i || k >= le || buf[k] != ':' {
            return -400
        }
        buf[k] = 0
        let v = k + 1
        for v < le && (buf[v] == ' ' || buf[v] == '\t') {
            v++
        }
        let ve = le
        for ve > v && (buf[ve - 1] == ' ' || buf[ve - 1] == '\t') {
            ve--
        }
        for j in v..ve {
            let c = buf[j]
            if c < 0x20 && c != '\t' || c == 0x7F {
                return -400
            }
        }
        buf[ve] = 0
        req.names[req.nheaders] = &buf[i]
        req.values[req.nheaders] = &buf[v]
        req.nheaders++
        i = e + 1
    }
    return -400
}

func parse(buf: *byte, n: int64, req: *Request) int64 {
    let end = head_end(buf, n)
    if end == 0 {
        if n >= MAX_HEAD {
            return -431
        }
        return 0
    }
    if end > MAX_HEAD {
        return -431
    }
    // every field (not *req = Request{}: the arrays are 1 KiB)
    req.method = null
    req.target = null
    req.minor = 0
    req.nheaders = 0
    req.content_length = 0
    req.chunked = false
    req.close = false
    req.expect_continue = false
    req.body = null
    req.body_len = 0
    // the request line: method SP target SP HTTP/1.d
    let e = line_end(buf, 0, end)
    let le = strip_cr(buf, 0, e)
    if le < 0 {
        return -400
    }
    let i: int64 = 0
    for i < le && is_tchar(buf[i]) {
        i++
    }
    if i == 0 || i >= le || buf[i] != ' ' {
        return -400
    }
    buf[i] = 0
    req.method = buf
    i++
    let t = i
    for i < le && buf[i] > 0x20 && buf[i] < 0x7F {
        i++
    }
    if i == t || i >= le || buf[i] != ' ' {
        return -400
    }
    buf[i] = 0
    req.target = &buf[t]
    i++
    if le - i != 8 || memcmp(&buf[i], "HTTP/", 5) != 0 || buf[i + 6] != '.' ||
       buf[i + 5] < '0' || buf[i + 5] > '9' || buf[i + 7] < '0' || buf[i + 7] > '9' {
        return -400
    }
    if buf[i + 5] != '1' {
        return -505
    }
    req.minor = cast<int32>(buf[i + 7] - '0')
    if req.minor > 1 {
        req.minor = 1
    }
    let fe = fields(buf, e + 1, end, req)
    if fe < 0 {
        return fe
    }
    // what the fields say
    let hosts = 0
    let lengths = 0
    let te: *byte = null
    req.content_length = -1
    for h in 0..req.nheaders {
        let name = req.names[h]
        let value = req.values[h]
        if same_name(name, "host") {
            hosts++
        } else if same_name(name, "content-length") {
            let cl = decimal(value, 0, cast<int64>(strlen(value)))
            if cl < 0 || lengths > 0 && cl != req.content_length {
                return -400
            }
            req.content_length = cl
            lengths++
        } else if same_name(name, "transfer-encoding") {
            if te != null {
                return -501
            }
            te = value
        } else if same_name(name, "connection") {
            if has_token(value, "close") {
                req.close = true
            }
        } else if same_name(name, "expect") {
            if !same_name(value, "100-continue") {
                return -417
            }
            req.expect_continue = true
        }
    }
    if req.minor == 1 && hosts != 1 || hosts > 1 {
        return -400
    }
    if req.minor == 0 {
        // HTTP/1.0 closes unless it asked to keep alive
        let c = req.header("connection")
        if c == null || !has_token(c, "keep-alive") {
            req.close = true
        }
    }
    if te != null {
        if lengths > 0 {
            return -400
        }
        if !same_name(te, "chunked") {
            return -501
        }
        req.chunked = true
    }
    if req.content_length > MAX_BODY {
        return -413
    }
    if req.content_length < 0 {
        req.content_length = 0
    }
    return end
}

func status_text(code: int32) string {
    switch code {
    case 100:
        return "Continue"
    case 200:
        return "OK"
    case 201:
        return "Created"
    case 204:
        return "No Content"
    case 301:
        return "Moved Permanently"
    case 302:
        return "Found"
    case 304:
        return "Not Modified"
    case 400:
        return "Bad Request"
    case 403:
        return "Forbidden"
    case 404:
        return "Not Found"
    case 405:
        return "Method Not Allowed"
    case 408:
        return "Request Timeout"
    case 413:
        return "Content Too Large"
    case 417:
        return "Expectation Failed"
    case 431:
        return "Request Header Fields Too Large"
    case 500:
        return "Internal Server Error"
    case 501:
        return "Not Implemented"
    case 503:
        return "Service Unavailable"
    case 505:
        return "HTTP Version Not Supported"
    }
    return "Unknown"
}

func two(buf: *byte, at: int64, v: int64) {
    buf[at] = cast<byte>(v / 10) + '0'
    buf[at + 1] = cast<byte>(v % 10) + '0'
}

// The civil date of a day count since 1970-01-01 (the proleptic Gregorian
// calendar in 400-year eras of 146,097 days, March-based years so that
// the leap day ends the year).
func civil(days: int64) (int64, int64, int64) {
    let z = days + 719468
    let era = z / 146097
    if z < 0 {
        era = (z - 146096) / 146097
    }
    let doe = z - era * 146097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp + 3
    if m > 12 {
        m -= 12
    }
    let y = yoe + era * 400
    if m <= 2 {
        y++
    }
    return (y, m, d)
}

func date(buf: *byte) {
    let t = time.wall_ns() / 1000000000
    let days = t / 86400
    let s = t % 86400
    let (y, m, d) = civil(days)
    let wd = "ThuFriSatSunMonTueWed"
    let mn = "JanFebMarAprMayJunJulAugSepOctNovDec"
    let w = days % 7
    memcpy(buf, &wd[w * 3], 3)
    buf[3] = ','
    buf[4] = ' '
    two(buf, 5, d)
    buf[7] = ' '
    memcpy(&buf[8], &mn[(m - 1) * 3], 3)
    buf[11] = ' '
    two(buf, 12, y / 100)
    two(buf, 14, y % 100)
    buf[16] = ' '
    two(buf, 17, s / 3600)
    buf[19] = ':'
    two(buf, 20, s / 60 % 60)
    buf[22] = ':'
    two(buf, 23, s % 60)
    memcpy(&buf[25], " GMT", 5)
}

// --- a connection ------------------------------------------------------------

struct Conn {
    fd: int32
    head: [MAX_HEAD]byte        // the request's head, parsed here: reading its
    buf: [BUF]byte              // body may move what is left in buf
    start: int64
    end: int64
    body: str.Builder
    out: str.Builder            // the response being sent
    res: Response               // the handler's, reused
    date: [32]byte              // Date of second 'second'
    second: int64
    timeout: int64              // for each read and write once a message started
    limit: int64                // the largest body

    // read more after what is buffered (moving it to the front first):
    // the bytes read, 0 at the end, or -errno (-ETIMEDOUT)
    func fill(self c: *Conn, timeout_ms: int64) int64 {
        if c.start > 0 {
            let k = c.end - c.start
            for j in 0..k {
                c.buf[j] = c.buf[c.start + j]       // forward: the regions overlap
            }
            c.start = 0
            c.end = k
        }
        if c.end == BUF {
            return -linux.ENOBUFS
        }
        let r = net.read(c.fd, &c.buf[c.end], cast<usize>(BUF - c.end), timeout_ms)
        if r > 0 {
            c.end += r
        }
        return r
    }

    // the connection's Response, emptied
    func response(self c: *Conn, status: int32) *Response {
        c.res.status = status
        c.res.head.n = 0
        c.res.body.n = 0
        return &c.res
    }

    func send(self c: *Conn, p: *byte, n: int64) bool {
        return net.write(c.fd, p, cast<usize>(n), c.timeout) >= 0
    }

    // take n body bytes into c.body: false if the connection ended
    func take(self c: *Conn, n: int64) bool {
        for n > 0 {
            if c.start == c.end && c.fill(c.timeout) <= 0 {
                return false
            }
            let k = c.end - c.start
            if k > n {
                k = n
            }
            c.body.add_n(&c.buf[c.start], k)
            c.start += k
            n -= k
        }
        return true
    }

    // one line of a chunked body (without CRLF) at c.start: its length,
    // or -1 if the connection ended or it is longer than 1 KiB
    func line(self c: *Conn) int64 {
        for {
            for j in c.start..c.end {
                if c.buf[j] == '\n' {
                    return j - c.start
                }
            }
            if c.end - c.start > 1024 || c.fill(c.timeout) <= 0 {
                return -1
            }
        }
        return -1
    }

    // a chunked body into c.body: 0, or a status for the error
    func chunked(self c: *Conn) int32 {
        for {
            let n = c.line()
            if n < 0 {
                return 400
            }
            let size: int64 = 0
            let digits = 0
            let j = c.start
            for j < c.start + n {
                let h = c.buf[j]
                let d: int64 = -1
                if h >= '0' && h <= '9' {
                    d = cast<int64>(h - '0')
                } else if lower(h) >= 'a' && lower(h) <= 'f' {
                    d = cast<int64>(lower(h) - 'a') + 10
                }
                if d < 0 {
                    break
                }
                size = size * 16 + d
                digits++
                if size > c.limit {
                    return 413
                }
                j++
            }
            if digits == 0 {
                return 400
            }
            c.start += n + 1
            if size == 0 {
                // trailer fields, up to the blank line
                for {
                    let t = c.line()
                    if t < 0 {
                        return 400
                    }
                    c.start += t + 1
                    if t == 0 || t == 1 && c.buf[c.start - 2] == '\r' {
                        return 0
                    }
                }
            }
            if c.body.len() + size > c.limit {
                return 413
            }
            if !c.take(size) {
                return 400
            }
            let t = c.line()
            if t < 0 || t > 1 || t == 1 && c.buf[c.start] != '\r' {
                return 400
            }
            c.start += t + 1
        }
        return 0
    }

    func reply(self c: *Conn, res: *Response, head_only: bool, close: bool) bool {
        let out = &c.out
        out.n = 0
        out.add("HTTP/1.1 ")
        out.add_int(cast<int64>(res.status))
        out.add_byte(' ')
        out.add(status_text(res.status))
        out.add("\r\nDate: ")
        let now = time.wall_ns() / 1000000000
        if now != c.second {
            c.second = now
            date(&c.date[0])
        }
        out.add(&c.date[0])
        out.add("\r\nContent-Length: ")
        out.add_int(res.body.len())
        if close {
            out.add("\r\nConnection: close")
        }
        out.add("\r\n")
        if res.head.len() > 0 {
            out.add_n(&res.head.buf[0], res.head.len())
        }
        out.add("\r\n")
        if !head_only && res.body.len() > 0 {
            out.add_n(&res.body.buf[0], res.body.len())
        }
        return c.send(&out.buf[0], out.len())
    }

    // an error response, then a lingering close: the end of our stream
    // to the client, and what it still sends read and dropped (at most
    // LINGER_BYTES, for LINGER_MS), so that closing with unread data
    // (a reset) cannot destroy the response before the client reads it
    func fail(self c: *Conn, status: int32) {
        let res = c.response(status)
        res.print(status_text(status))
        res.print("\n")
        res.set_header("Content-Type", "text/plain")
        let sent = c.reply(res, false, true)
        if !sent || net.shutdown(c.fd, linux.SHUT_WR) != 0 {
            return
        }
        let until = time.now_ms() + LINGER_MS
        let dropped: int64 = 0
        for dropped < LINGER_BYTES {
            let left = until - time.now_ms()
            if left <= 0 {
                break
            }
            let r = net.read(c.fd, &c.buf[0], cast<usize>(BUF), left)
            if r <= 0 {
                break
            }
            dropped += r
        }
    }
}

func serve_conn(fd: int32, handler: func(*Request, *Response)) {
    let c = new Conn
    c.fd = fd
    c.timeout = READ_TIMEOUT_MS
    c.limit = MAX_BODY
    let req: Request = {}
    for {
        // a head: the first byte may wait IDLE_TIMEOUT_MS, the rest of it
        // READ_TIMEOUT_MS
        let end = head_end(&c.buf[c.start], c.end - c.start)
        for end == 0 && c.end - c.start < MAX_HEAD {
            let wait = READ_TIMEOUT_MS
            if c.start == c.end {
                wait = IDLE_TIMEOUT_MS
            }
            let r = c.fill(wait)
            if r <= 0 {
                if r == -linux.ETIMEDOUT && c.start != c.end {
                    c.fail(408)
                }
                end = -1
                break
            }
            end = head_end(&c.buf[c.start], c.end - c.start)
        }
        if end < 0 {
            break
        }
        if end == 0 || end > MAX_HEAD {
            c.fail(431)
            break
        }
        memcpy(&c.head[0], &c.buf[c.start], cast<usize>(end))
        c.start += end
        let n = parse(&c.head[0], end, &req)
        if n < 0 {
            c.fail(cast<int32>(-n))
            break
        }
        // the body
        c.body.n = 0
        if req.expect_continue && req.minor == 1 && (req.chunked || req.content_length > 0) {
            if !c.send("HTTP/1.1 100 Continue\r\n\r\n", 25) {
                break
            }
        }
        if req.chunked {
            let st = c.chunked()
            if st != 0 {
                c.fail(st)
                break
            }
        } else if !c.take(req.content_length) {
            break
        }
        c.body.add_byte(0)
        req.body = &c.body.buf[0]
        req.body_len = c.body.len() - 1
        let res = c.response(200)
        handler(&req, res)
        let ok = c.reply(res, same_name(req.method, "HEAD"), req.close)
        if !ok || req.close {
            break
        }
    }
    net.close(fd)
    c.body.free()
    c.out.free()
    c.res.head.free()
    c.res.body.free()
    delete(c)
}

func serve_fd(lfd: int32, handler: func(*Request, *Response)) {
    for {
        let fd = net.accept(lfd, 0)
        if fd >= 0 {
            process func(fd: int32, h: func(*Request, *Response)) {
                serve_conn(fd, h)
            }(fd, handler)
        }
    }
}

func serve(host: string, port: int32, handler: func(*Request, *Response)) int32 {
    let lfd = net.listen_tcp(host, port)
    if lfd < 0 {
        return lfd
    }
    serve_fd(lfd, handler)
    return 0
}

// --- a client ----------------------------------------------------------------

// A response: its status, fields and body.  free() gives it back.
struct Reply {
    status: int32
    minor: int32
    head: [MAX_HEAD]byte
    fields: Request             // names, values, nheaders
    body: *byte                 // body_len bytes and a NUL
    body_len: int64

    func header(self r: *Reply, name: string) string {
        return r.fields.header(name)
    }

    func nheaders(self r: *Reply) int64 {
        return r.fields.nheaders
    }

    func name(self r: *Reply, i: int64) string {
        return r.fields.names[i]
    }

    func value(self r: *Reply, i: int64) string {
        return r.fields.values[i]
    }

    func free(self r: *Reply) {
        delete(r.body)
        delete(r)
    }
}

// The status line "HTTP/1.d SSS reason": the status, or -1.
func status_line(buf: *byte, le: int64, r: *Reply) int32 {
    if le < 12 || memcmp(buf, "HTTP/1.", 7) != 0 || buf[7] < '0' || buf[7] > '9' || buf[8] != ' ' ||
       le > 12 && buf[12] != ' ' {
        return -1
    }
    let st = decimal(buf, 9, 12)
    if st < 100 || st > 999 {
        return -1
    }
    r.minor = cast<int32>(buf[7] - '0')
    return cast<int32>(st)
}

// One response head from c into r (1xx ones skipped): 0, or -errno
// (-EPROTO: not HTTP; -EMSGSIZE: a head over MAX_HEAD).
func reply_head(c: *Conn, r: *Reply) int64 {
    for {
        let end = head_end(&c.buf[c.start], c.end - c.start)
        for end == 0 && c.end - c.start < MAX_HEAD {
            let got = c.fill(c.timeout)
            if got < 0 {
                return got
            }
            if got == 0 {
                return -linux.EPROTO
            }
            end = head_end(&c.buf[c.start], c.end - c.start)
        }
        if end == 0 || end > MAX_HEAD {
            return -linux.EMSGSIZE
        }
        memcpy(&r.head[0], &c.buf[c.start], cast<usize>(end))
        c.start += end
        let e = line_end(&r.head[0], 0, end)
        let le = strip_cr(&r.head[0], 0, e)
        if le < 0 {
            return -linux.EPROTO
        }
        let st = status_line(&r.head[0], le, r)
        if st < 0 || fields(&r.head[0], e + 1, end, &r.fields) < 0 {
            return -linux.EPROTO
        }
        r.status = st
        if st >= 200 || st == 101 {
            return 0
        }
    }
    return 0
}

// The body that follows r's head into c.body: 0, or -errno.
func reply_body(c: *Conn, r: *Reply, method: string) int64 {
    if same_name(method, "HEAD") || r.status < 200 || r.status == 204 || r.status == 304 {
        return 0
    }
    let te = r.header("transfer-encoding")
    let cl = r.header("content-length")
    if te != null {
        if !has_token(te, "chunked") {
            return -linux.EPROTO
        }
        let st = c.chunked()
        if st == 413 {
            return -linux.EMSGSIZE
        }
        if st != 0 {
            return -linux.EPROTO
        }
        return 0
    }
    if cl != null {
        let n = decimal(cl, 0, cast<int64>(strlen(cl)))
        if n < 0 {
            return -linux.EPROTO
        }
        if n > c.limit {
            return -linux.EMSGSIZE
        }
        if !c.take(n) {
            return -linux.EPROTO
        }
        return 0
    }
    // delimited by the end of the connection
    for {
        if c.start < c.end {
            if c.body.len() + c.end - c.start > c.limit {
                return -linux.EMSGSIZE
            }
            c.body.add_n(&c.buf[c.start], c.end - c.start)
            c.start = c.end
        }
        let got = c.fill(c.timeout)
        if got < 0 {
            return got
        }
        if got == 0 {
            return 0
        }
    }
    return 0
}

// request: one request on a new connection to host:port (then closed):
// "METHOD target HTTP/1.1" with Host, Connection: close, Content-Length
// when there is a body (body may be null), and the caller's field lines
// in extra (each ending "\r\n"; null for none).  timeout_ms bounds the
// connect and each read and write (0: none).  The response, or (null,
// -errno): the connection's error, -ETIMEDOUT, -EPROTO for a response
// that is not HTTP/1.x, -EMSGSIZE for a head over 8 KiB or a body over
// 64 MiB.
func request(host: string, port: int32, method: string, target: string, extra: string,
             body: *byte, n: int64, timeout_ms: int64) (*Reply, int64) {
    let fd = net.connect_tcp(host, port, timeout_ms)
    if fd < 0 {
        return (null, cast<int64>(fd))
    }
    let c = new Conn
    c.fd = fd
    c.timeout = timeout_ms
    c.limit = MAX_REPLY
    let out = &c.out
    out.add(method)
    out.add_byte(' ')
    out.add(target)
    out.add(" HTTP/1.1\r\nHost: ")
    out.add(host)
    if port != 80 {
        out.add_byte(':')
        out.add_int(cast<int64>(port))
    }
    out.add("\r\nConnection: close\r\n")
    if body != null {
        out.add("Content-Length: ")
        out.add_int(n)
        out.add("\r\n")
    }
    if extra != null {
        out.add(extra)
    }
    out.add("\r\n")
    if body != null {
        out.add_n(body, n)
    }
    let r = new Reply
    let err: int64 = 0
    if net.write(fd, &out.buf[0], cast<usize>(out.len()), timeout_ms) < 0 {
        err = -linux.EPIPE
    }
    if err == 0 {
        err = reply_head(c, r)
    }
    if err == 0 {
        err = reply_body(c, r, method)
    }
    net.close(fd)
    if err == 0 {
        c.body.add_byte(0)
        r.body_len = c.body.len() - 1
        r.body = str.copy_n(&c.body.buf[0], r.body_len)
    }
    c.body.free()
    c.out.free()
    delete(c)
    if err != 0 {
        delete(r)
        return (null, err)
    }
    return (r, 0)
}

// get: request(host, port, "GET", target, null, null, 0, timeout_ms)
func get(host: string, port: int32, target: string, timeout_ms: int64) (*Reply, int64) {
    return request(host, port, "GET", target, null, null, 0, timeout_ms)
}
