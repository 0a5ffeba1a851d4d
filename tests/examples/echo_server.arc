// echo_server PORT: a TCP echo server on 127.0.0.1:PORT, one task per
// connection.  Prints "listening on 127.0.0.1:PORT" once it accepts
// connections.  Every read and write parks only its connection's task
// (stdlib net on the runtime's poller).
namespace main

import "io"
import "fs"
import "net"
import "os"

extern c {
    func dprintf(int32, *byte, ...) int32
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
        dprintf(2, "usage: echo_server PORT\n")
        return 2
    }
    for let i = 0; s[i] != 0; i++ {
        if s[i] < '0' || s[i] > '9' || port * 10 + cast<int32>(s[i] - '0') > 65535 {
            dprintf(2, "echo_server: bad port: %s\n", s)
            return 2
        }
        port = port * 10 + cast<int32>(s[i] - '0')
    }
    if port == 0 {
        dprintf(2, "echo_server: bad port: %s\n", s)
        return 2
    }
    let lfd = net.listen_tcp("127.0.0.1", port)
    if lfd < 0 {
        dprintf(2, "echo_server: cannot listen on 127.0.0.1:%d: %s (error %d)\n", port, fs.errname(cast<int64>(lfd)), -lfd)
        return 1
    }
    // io writes at once, unbuffered
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
