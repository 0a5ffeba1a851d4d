// make bench (tests/bench/http.sh): HTTP hello on the stdlib's http server:
// arc_http_hello PORT answers every request with "Hello, World!\n".
namespace main

import "http"
import "os"
import "str"

extern c {
    func dprintf(int32, *byte, ...) int32
}

func hello(req: *http.Request, res: *http.Response) {
    res.set_header("Content-Type", "text/plain")
    res.print("Hello, World!\n")
}

func main() int32 {
    let (port, ok) = str.parse_int(os.arg(1))
    if !ok {
        return 2
    }
    dprintf(1, "listening\n")
    return http.serve("127.0.0.1", cast<int32>(port), hello)
}
