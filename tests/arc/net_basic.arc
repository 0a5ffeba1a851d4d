// stdlib_arc/net.arc: TCP over IPv4 and IPv6 and a Unix stream socket
// between two tasks, read and connect timeouts, a bad address, UDP.
namespace main

import "net"

extern c {
    func printf(*byte, ...) int32
    func snprintf(*byte, usize, *byte, ...) int32
}

let sock_path: [64]byte = {}

async func echo_once(lfd: int32) int64 {
    let fd = net.accept(lfd, 5000)
    if fd < 0 {
        return cast<int64>(fd)
    }
    let buf: [64]byte = {}
    let n = net.read(fd, &buf[0], 64, 5000)
    if n > 0 {
        net.write(fd, &buf[0], cast<usize>(n), 5000)
    }
    net.close(fd)
    return n
}

func roundtrip(what: string, lfd: int32, cfd: int32) {
    if lfd < 0 || cfd < 0 {
        printf("%s: listen %d connect %d\n", what, lfd, cfd)
        return
    }
    printf("%s: connected\n", what)
}

func check(what: string, lfd: int32, host: string) {
    if lfd < 0 {
        printf("%s: listen failed %d\n", what, lfd)
        return
    }
    let t = echo_once(lfd)
    let cfd = 0
    if host == null {
        cfd = net.connect_unix(&sock_path[0], 5000)
    } else {
        cfd = net.connect_tcp(host, net.local_port(lfd), 5000)
    }
    roundtrip(what, lfd, cfd)
    net.write(cfd, "ping", 4, 5000)
    let buf: [8]byte = {}
    let n = net.read(cfd, &buf[0], 8, 5000)
    let eof = net.read(cfd, &buf[4], 4, 5000)
    printf("%s: echoed %.*s (%lld), then end %lld, server read %lld\n", what, cast<int32>(n), &buf[0], n, eof, await t)
    net.close(cfd)
    net.close(lfd)
}

func main() int32 {
    check("ipv4", net.listen_tcp("127.0.0.1", 0), "127.0.0.1")
    check("ipv6", net.listen_tcp("::1", 0), "::1")
    snprintf(&sock_path[0], 64, "/tmp/arc_net_basic.%d.sock", cast<int32>(syscall(39)))
    syscall(87, cast<int64>(&sock_path[0]))    // unlink
    check("unix", net.listen_unix(&sock_path[0]), null)
    syscall(87, cast<int64>(&sock_path[0]))

    // a read with nothing to read times out; so does an accept
    let lfd = net.listen_tcp("127.0.0.1", 0)
    let cfd = net.connect_tcp("127.0.0.1", net.local_port(lfd), 1000)
    let buf: [8]byte = {}
    printf("read timeout: %lld\n", net.read(cfd, &buf[0], 8, 30))
    let afd = net.accept(lfd, 1000)
    printf("accept timeout: %d\n", net.accept(lfd, 20))
    net.close(afd)
    net.close(cfd)
    net.close(lfd)
    printf("bad address: %d %d\n", net.connect_tcp("127.0.0.256", 1, 10), net.listen_tcp("1::2::3", 0))

    let u1 = net.udp_bind("127.0.0.1", 0)
    let u2 = net.udp_bind("127.0.0.1", 0)
    printf("udp sent %lld\n", net.send_to(u1, "datagram", 8, "127.0.0.1", net.local_port(u2)))
    let d: [16]byte = {}
    let got = net.recv(u2, &d[0], 16, 1000)
    printf("udp got %.*s, then timeout %lld\n", cast<int32>(got), &d[0], net.recv(u2, &d[0], 16, 20))
    net.close(u1)
    net.close(u2)
    return 0
}
// workers: 1 2
// expect: ipv4: connected
// expect: ipv4: echoed ping (4), then end 0, server read 4
// expect: ipv6: connected
// expect: ipv6: echoed ping (4), then end 0, server read 4
// expect: unix: connected
// expect: unix: echoed ping (4), then end 0, server read 4
// expect: read timeout: -110
// expect: accept timeout: -110
// expect: bad address: -22 -22
// expect: udp sent 8
// expect: udp got datagram, then timeout -110
