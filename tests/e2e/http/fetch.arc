// The http module's client against tests/e2e/http/server.py (Python's
// socketserver, each response written out byte for byte): bodies framed
// by Content-Length, chunked (an extension, a trailer), the end of the
// connection, none (204, HEAD), a 1xx before the answer, a 3 MB body, a
// POST with extra fields, and the errors: not HTTP, a timeout, nobody
// listening.  fetch PORT DEADPORT
// expect: /len 200 5 hello one 3
// expect: /chunked 200 24 Wikipedia in  and chunks
// expect: /close 200 13 until the end text/plain
// expect: /204 204 0
// expect: HEAD /head 200 0 5
// expect: /continue 200 ok
// expect: /big 200 3000000 sum 764998336
// expect: POST /echo 200 11 a body text POST 11 yes
// expect: /missing 404 0
// expect: /bad EPROTO
// expect: /slow ETIMEDOUT
// expect: nobody listening ECONNREFUSED
namespace main

import "fs"
import "http"
import "os"
import "str"

extern c {
    func printf(*byte, ...) int32
}

func main() int32 {
    let (p, ok) = str.parse_int(os.arg(1))
    let (dead, ok2) = str.parse_int(os.arg(2))
    if !ok || !ok2 {
        printf("usage: fetch PORT DEADPORT\n")
        return 2
    }
    let port = cast<int32>(p)
    let h = "127.0.0.1"

    let (r, e) = http.get(h, port, "/len", 5000)
    printf("/len %d %ld %s %s %ld\n", r.status, r.body_len, r.body, r.header("X-TEST"), r.nheaders())
    r.free()
    let (r2, e2) = http.get(h, port, "/chunked", 5000)
    printf("/chunked %d %ld %s\n", r2.status, r2.body_len, r2.body)
    r2.free()
    let (r3, e3) = http.get(h, port, "/close", 5000)
    printf("/close %d %ld %s %s\n", r3.status, r3.body_len, r3.body, r3.header("content-type"))
    r3.free()
    let (r4, e4) = http.get(h, port, "/204", 5000)
    printf("/204 %d %ld\n", r4.status, r4.body_len)
    r4.free()
    let (r5, e5) = http.request(h, port, "HEAD", "/head", null, null, 0, 5000)
    printf("HEAD /head %d %ld %s\n", r5.status, r5.body_len, r5.header("content-length"))
    r5.free()
    let (r6, e6) = http.get(h, port, "/continue", 5000)
    printf("/continue %d %s\n", r6.status, r6.body)
    r6.free()
    let (r7, e7) = http.get(h, port, "/big", 10000)
    let sum: int64 = 0
    for i in 0..r7.body_len {
        sum += cast<int64>(r7.body[i]) * (i % 3 + 1)
    }
    printf("/big %d %ld sum %ld\n", r7.status, r7.body_len, sum)
    r7.free()
    let (r8, e8) = http.request(h, port, "POST", "/echo", "X-Extra: yes\r\n", "a body text", 11, 5000)
    printf("POST /echo %d %ld %s %s %s %s\n", r8.status, r8.body_len, r8.body, r8.header("x-method"),
           r8.header("x-got-length"), r8.header("x-extra"))
    r8.free()
    let (r9, e9) = http.get(h, port, "/missing", 5000)
    printf("/missing %d %ld\n", r9.status, r9.body_len)
    r9.free()
    let (_, bad) = http.get(h, port, "/bad", 5000)
    printf("/bad %s\n", fs.errname(bad))
    let (_, slow) = http.get(h, port, "/slow", 500)
    printf("/slow %s\n", fs.errname(slow))
    let (_, refused) = http.get(h, cast<int32>(dead), "/", 5000)
    printf("nobody listening %s\n", fs.errname(refused))
    return 0
}
