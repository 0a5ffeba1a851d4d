// http_server PORT: an HTTP/1.1 server on 127.0.0.1:PORT (stdlib http: a
// task per connection, keep-alive, pipelining, chunked request bodies).
// Prints "listening on http://127.0.0.1:PORT/" once it accepts
// connections.  Routes:
//   GET /          "Hello, World!\n"
//   POST /echo     the request body back, with its Content-Type
//   GET /headers   the request as JSON: {"method":..,"target":..,"headers":[[name,value],..]}
//   anything else  404 (405 for / and /echo with another method)
namespace main

import "fs"
import "http"
import "json"
import "net"
import "os"
import "str"

extern c {
    func dprintf(int32, *byte, ...) int32
}

func handle(req: *http.Request, res: *http.Response) {
    let get = req.method == "GET" || req.method == "HEAD"
    if req.target == "/" {
        if !get {
            res.status = 405
            res.set_header("Allow", "GET, HEAD")
            return
        }
        res.set_header("Content-Type", "text/plain")
        res.print("Hello, World!\n")
    } else if req.target == "/echo" {
        if !(req.method == "POST") {
            res.status = 405
            res.set_header("Allow", "POST")
            return
        }
        let ct = req.header("content-type")
        if ct != null {
            res.set_header("Content-Type", ct)
        }
        res.write(req.body, req.body_len)
    } else if req.target == "/headers" && get {
        let o = json.object()
        o.set("method", json.string_value(req.method))
        o.set("target", json.string_value(req.target))
        let hs = json.array()
        for i in 0..req.nheaders {
            let pair = json.array()
            pair.push(json.string_value(req.name(i)))
            pair.push(json.string_value(req.value(i)))
            hs.push(pair)
        }
        o.set("headers", hs)
        let s = json.stringify(o)
        res.set_header("Content-Type", "application/json")
        res.print(s)
        res.print("\n")
        str.free(s)
        json.free(o)
    } else {
        res.status = 404
        res.set_header("Content-Type", "text/plain")
        res.print("not found: ")
        res.print(req.target)
        res.print("\n")
    }
}

func main() int32 {
    let s = os.arg(1)
    if s == null || s[0] == 0 || os.argc() != 2 {
        dprintf(2, "usage: http_server PORT\n")
        return 2
    }
    let (port, ok) = str.parse_int(s)
    if !ok || port < 1 || port > 65535 {
        dprintf(2, "http_server: bad port: %s\n", s)
        return 2
    }
    let lfd = net.listen_tcp("127.0.0.1", cast<int32>(port))
    if lfd < 0 {
        dprintf(2, "http_server: cannot listen on 127.0.0.1:%d: %s\n", cast<int32>(port), fs.errname(cast<int64>(lfd)))
        return 1
    }
    dprintf(1, "listening on http://127.0.0.1:%d/\n", cast<int32>(port))
    http.serve_fd(lfd, handle)
    return 0
}
