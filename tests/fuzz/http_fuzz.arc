// http_fuzz [N [SEED]]: http.parse on N random requests (default 100,000;
// SEED default 1): valid requests mutated by random byte edits, line
// duplications and truncations.  Every result must be one of parse's
// answers and keep its promises: an accepted head has a token method, a
// visible-ASCII target, token field names, values without control
// characters or surrounding white space, a length within the limit, and
// written out again canonically it parses to the same request (a fixed
// point); an incomplete one has no blank line; a rejected one is one of
// the statuses parse gives.  Prints the counts; on a broken promise
// prints the input in hex and exits 1.
namespace main

import "http"
import "os"
import "str"

extern c {
    func printf(*byte, ...) int32
}

const SEEDS: int32 = 8

func seed_text(i: int32) string {
    switch i {
    case 0:
        return "GET / HTTP/1.1\r\nHost: example.com\r\n\r\n"
    case 1:
        return "POST /echo?x=1 HTTP/1.1\r\nHost: a\r\nContent-Length: 12\r\nContent-Type: text/plain\r\n\r\n"
    case 2:
        return "PUT /f HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\nExpect: 100-continue\r\n\r\n"
    case 3:
        return "GET /a/b HTTP/1.0\r\nConnection: keep-alive\r\nX-Y:  v  \r\n\r\n"
    case 4:
        return "HEAD / HTTP/1.1\nHost: h\nAccept: */*\n\n"
    case 5:
        return "DELETE /x HTTP/1.1\r\nHost: h\r\nConnection: close, te\r\nTE: trailers\r\n\r\n"
    case 6:
        return "OPTIONS * HTTP/1.1\r\nHost: h\r\nContent-Length: 0\r\nContent-Length: 0\r\n\r\n"
    }
    return "GET /%7e?q=%20 HTTP/1.1\r\nHost: [::1]:80\r\nCookie: a=b; c=d\r\nX: \t\r\n\r\n"
}

struct Rng {
    s: uint64

    func next(self r: *Rng) uint64 {
        r.s ^= r.s << 13
        r.s ^= r.s >> 7
        r.s ^= r.s << 17
        return r.s
    }

    func below(self r: *Rng, n: int64) int64 {
        return cast<int64>(r.next() % cast<uint64>(n))
    }
}

const SPECIAL: string = " \t\r\n:,;0129aAzZ/?*\x00\x01\x7f\x80\xff-_~!\"(){}"

// one random edit of buf[0..n] (capacity cap): the new length
func mutate(r: *Rng, buf: *byte, n: int64, cap: int64) int64 {
    let op = r.below(6)
    let at = r.below(n + 1)
    if op == 0 && n > 0 {                       // delete a byte
        for j in at..n - 1 {
            buf[j] = buf[j + 1]
        }
        return n - 1
    }
    if op == 1 && n < cap {                     // insert a special byte
        for let j = n; j > at; j-- {
            buf[j] = buf[j - 1]
        }
        buf[at] = SPECIAL[r.below(cast<int64>(strlen(SPECIAL)))]
        return n + 1
    }
    if op == 2 && n > 0 {                       // replace a byte
        buf[r.below(n)] = cast<byte>(r.next())
        return n
    }
    if op == 3 && n > 0 {                       // truncate
        return r.below(n + 1)
    }
    if op == 4 {                                // duplicate the line at 'at'
        let s = at
        for s > 0 && buf[s - 1] != '\n' {
            s--
        }
        let e = at
        for e < n && buf[e] != '\n' {
            e++
        }
        if e < n {
            e++
        }
        let k = e - s
        if n + k <= cap {
            for let j = n + k - 1; j >= e + k; j-- {
                buf[j] = buf[j - k]
            }
            for j in 0..k {
                buf[e + j] = buf[s + j]
            }
            return n + k
        }
        return n
    }
    if n + 200 <= cap {                         // a long header value
        let k = r.below(200)
        for let j = n + k - 1; j >= at + k; j-- {
            buf[j] = buf[j - k]
        }
        for j in 0..k {
            buf[at + j] = 'v'
        }
        return n + k
    }
    return n
}

func tchar_only(s: *byte) bool {
    if s[0] == 0 {
        return false
    }
    for let i = 0; s[i] != 0; i++ {
        if !http.is_tchar(s[i]) {
            return false
        }
    }
    return true
}

// the promises of an accepted head; "" if kept
func broken(q: *http.Request) string {
    if !tchar_only(q.method) {
        return "method is not a token"
    }
    if q.target[0] == 0 {
        return "empty target"
    }
    for let i = 0; q.target[i] != 0; i++ {
        if q.target[i] <= 0x20 || q.target[i] >= 0x7F {
            return "target byte outside visible ASCII"
        }
    }
    if q.minor != 0 && q.minor != 1 {
        return "minor version"
    }
    for h in 0..q.nheaders {
        if !tchar_only(q.names[h]) {
            return "field name is not a token"
        }
        let v = q.values[h]
        let k = cast<int64>(strlen(v))
        if k > 0 && (v[0] == ' ' || v[0] == '\t' || v[k - 1] == ' ' || v[k - 1] == '\t') {
            return "value keeps surrounding white space"
        }
        for i in 0..k {
            if v[i] < 0x20 && v[i] != '\t' || v[i] == 0x7F {
                return "control character in a value"
            }
        }
    }
    if q.content_length < 0 || q.content_length > http.MAX_BODY {
        return "content length out of range"
    }
    return ""
}

func same(a: *http.Request, b: *http.Request) bool {
    if !(a.method == b.method) || !(a.target == b.target) || a.minor != b.minor ||
       a.nheaders != b.nheaders || a.content_length != b.content_length ||
       a.chunked != b.chunked || a.close != b.close || a.expect_continue != b.expect_continue {
        return false
    }
    for h in 0..a.nheaders {
        if !(a.names[h] == b.names[h]) || !(a.values[h] == b.values[h]) {
            return false
        }
    }
    return true
}

func dump(why: string, buf: *byte, n: int64) {
    printf("http fuzz: %s; input (%ld bytes, hex):\n", why, n)
    for i in 0..n {
        printf("%02x", cast<int32>(buf[i]))
    }
    printf("\n")
}

func main() int32 {
    let iters: int64 = 100000
    let r = Rng{s: 1}
    if os.argc() > 1 {
        let (k, ok) = str.parse_int(os.arg(1))
        if !ok || k < 0 {
            printf("usage: http_fuzz [N [SEED]]\n")
            return 2
        }
        iters = k
    }
    if os.argc() > 2 {
        let (k, ok) = str.parse_int(os.arg(2))
        if !ok || k == 0 {
            printf("usage: http_fuzz [N [SEED]]\n")
            return 2
        }
        r.s = cast<uint64>(k)
    }
    let cap: int64 = 12000
    let buf = new [cap]byte
    let work = new [cap]byte
    let canon: str.Builder = {}
    let q: http.Request = {}
    let q2: http.Request = {}
    let accepted: int64 = 0
    let rejected: int64 = 0
    let incomplete: int64 = 0
    for it in 0..iters {
        let s = seed_text(cast<int32>(r.below(cast<int64>(SEEDS))))
        let n = cast<int64>(strlen(s))
        memcpy(&buf[0], s, cast<usize>(n))
        let edits = 1 + r.below(4)
        if r.below(10) == 0 {
            edits = 0
        }
        for e in 0..edits {
            n = mutate(&r, &buf[0], n, cap)
        }
        memcpy(&work[0], &buf[0], cast<usize>(n))
        let res = http.parse(&work[0], n, &q)
        if res > 0 {
            accepted++
            if res > n {
                dump("took more bytes than it was given", &buf[0], n)
                return 1
            }
            let why = broken(&q)
            if why[0] != 0 {
                dump(why, &buf[0], n)
                return 1
            }
            canon.n = 0
            canon.add(q.method)
            canon.add_byte(' ')
            canon.add(q.target)
            canon.add(" HTTP/1.")
            canon.add_int(cast<int64>(q.minor))
            canon.add("\r\n")
            for h in 0..q.nheaders {
                canon.add(q.names[h])
                canon.add(": ")
                canon.add(q.values[h])
                canon.add("\r\n")
            }
            canon.add("\r\n")
            let res2 = http.parse(&canon.buf[0], canon.len(), &q2)
            if res2 != canon.len() || !same(&q, &q2) {
                dump("written out again it is not the same request", &buf[0], n)
                return 1
            }
        } else if res == 0 {
            incomplete++
            if n >= http.MAX_HEAD || http.head_end(&buf[0], n) != 0 {
                dump("incomplete, but it has a blank line or is too long", &buf[0], n)
                return 1
            }
        } else {
            rejected++
            if res != -400 && res != -413 && res != -417 && res != -431 && res != -501 && res != -505 {
                dump("an answer parse does not give", &buf[0], n)
                return 1
            }
        }
    }
    printf("http fuzz: %ld inputs: %ld accepted, %ld rejected, %ld incomplete\n", iters, accepted, rejected, incomplete)
    return 0
}
