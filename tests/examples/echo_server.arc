// echo_server PORT: a TCP echo server on 127.0.0.1:PORT, one task per
// connection.  Prints "listening on 127.0.0.1:PORT" once it accepts
// connections.  Every read and write parks only its connection's task
// (stdlib net on the runtime's poller).
namespace main

import "io"
import "net"
import "os"

extern c {
    func printf(*byte, ...) int32
}

func serve(fd: int32) {
    let buf: [4096]byte = {}
    for {
        let n = net.read(fd, &buf[0], 4096, 0)
        if n <= 0 {
            break
        }
        if net.write(fd, &buf[0], cast<usize>(n), 0) < 0 {
            break
        }
    }
    net.close(fd)
}

func main() int32 {
    let s = os.arg(1)
    let port = 0
    if s == null || s[0] == 0 {
        printf("usage: echo_server PORT\n")
        return 2
    }
    for let i = 0; s[i] != 0; i++ {
        if s[i] < '0' || s[i] > '9' || port > 65535 {
            printf("echo_server: bad port: %s\n", s)
            return 2
        }
        port = port * 10 + cast<int32>(s[i] - '0')
    }
    let lfd = net.listen_tcp("127.0.0.1", port)
    if lfd < 0 {
        printf("echo_server: cannot listen on 127.0.0.1:%d: error %d\n", port, -lfd)
        return 1
    }
    // io writes at once (printf's stdout is buffered when not a terminal)
    io.print("listening on 127.0.0.1:")
    io.print_int(cast<int64>(port))
    io.print("\n")
    for {
        let fd = net.accept(lfd, 0)
        if fd >= 0 {
            process func(c: int32) {
                serve(c)
            }(fd)
        }
    }
    return 0
}
