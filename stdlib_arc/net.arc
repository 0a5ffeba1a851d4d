// net: TCP (IPv4, IPv6), Unix-domain stream and UDP sockets.  Calls are
// blocking-style for the caller, but only the calling task waits: a socket
// that is not ready parks the task in the runtime's poller (arc_wait_fd)
// and the worker runs other tasks.  Sockets are non-blocking and
// close-on-exec underneath.  Timeouts are in milliseconds, 0 for none;
// failures are -errno (fs.errname names them), a timeout -ETIMEDOUT (linux.ETIMEDOUT).
//   listen_tcp(host: string, port: int32) int32         listening socket on "127.0.0.1", "::1", ...
//   listen_unix(path: string) int32                      listening Unix stream socket at path
//   accept(lfd: int32, timeout_ms: int64) int32          next connection; EMFILE/ENFILE: backs off 10 ms, retries
//   connect_tcp(host: string, port: int32, timeout_ms: int64) int32
//   connect_unix(path: string, timeout_ms: int64) int32
//   read(fd: int32, p: *byte, n: usize, timeout_ms: int64) int64       bytes read, 0 at the end
//   write(fd: int32, p: *byte, n: usize, timeout_ms: int64) int64      all n bytes (no short writes)
//   close(fd: int32) int32                               wakes a task waiting on fd (-EBADF)
//   shutdown(fd: int32, how: int64) int32                linux.SHUT_WR: the peer sees the end after the data
//   local_port(fd: int32) int32                          the port a socket is bound to
//   udp_bind(host: string, port: int32) int32            UDP socket bound to host:port (port 0: any)
//   send_to(fd: int32, p: *byte, n: usize, host: string, port: int32) int64
//   recv(fd: int32, p: *byte, n: usize, timeout_ms: int64) int64       one datagram
namespace net

import "linux"

extern c {
    func arc_wait_fd(fd: int32, events: uint32, deadline: int64) int64
    func arc_now_ns() int64
    func arc_sleep(ns: int64) int64
    func arc_close(fd: int32) int64
}

// the kernel's numbers, from the linux module (uapi_layout/)
const AF_UNIX: int64 = linux.AF_UNIX
const AF_INET: int64 = linux.AF_INET
const AF_INET6: int64 = linux.AF_INET6
const SOCK_FLAGS: int64 = linux.SOCK_NONBLOCK | linux.SOCK_CLOEXEC
const EPOLLIN: uint32 = cast<uint32>(linux.EPOLLIN)
const EPOLLOUT: uint32 = cast<uint32>(linux.EPOLLOUT)
// sockaddr_in and sockaddr_in6 keep the port at the same place
const PORT: int64 = linux.OFF_sockaddr_in_port

// A socket address: big enough for sockaddr_in6 and sockaddr_un.
struct _Addr {
    b: [linux.SIZEOF_sockaddr_un + 2]byte
    len: int64
}

func _deadline(timeout_ms: int64) int64 {
    if timeout_ms <= 0 {
        return 0
    }
    return arc_now_ns() + timeout_ms * 1000000
}

// _wait parks the task until fd is ready for ev: 0, or -errno.
func _wait(fd: int32, ev: uint32, deadline: int64) int64 {
    let r = arc_wait_fd(fd, ev, deadline)
    if r == 0 {
        return -linux.ETIMEDOUT
    }
    if r < 0 {
        return r
    }
    return 0
}

func _hex(c: byte) int32 {
    if c >= '0' && c <= '9' {
        return cast<int32>(c - '0')
    }
    if c >= 'a' && c <= 'f' {
        return cast<int32>(c - 'a') + 10
    }
    if c >= 'A' && c <= 'F' {
        return cast<int32>(c - 'A') + 10
    }
    return -1
}

// _ip4 parses a dotted quad into p[0..4]; false if it is not one.
func _ip4(s: string, p: *byte) bool {
    let i = 0
    for part in 0..4 {
        let v = 0
        let digits = 0
        for s[i] >= '0' && s[i] <= '9' {
            v = v * 10 + cast<int32>(s[i] - '0')
            i++
            digits++
            if v > 255 || digits > 3 {
                return false
            }
        }
        if digits == 0 {
            return false
        }
        p[part] = cast<byte>(v)
        if part < 3 {
            if s[i] != '.' {
                return false
            }
            i++
        }
    }
    return s[i] == 0
}

// _ip6 parses hex groups with at most one "::" into p[0..16].
func _ip6(s: string, p: *byte) bool {
    let groups: [8]int32 = {}
    let n = 0
    let gap = -1
    let i = 0
    if s[0] == ':' {
        if s[1] != ':' {
            return false
        }
        gap = 0
        i = 2
    }
    for s[i] != 0 {
        let v = 0
        let digits = 0
        for _hex(s[i]) >= 0 {
            v = v * 16 + _hex(s[i])
            i++
            digits++
            if digits > 4 {
                return false
            }
        }
        if digits == 0 || n == 8 {
            return false
        }
        groups[n] = v
        n++
        if s[i] == ':' {
            i++
            if s[i] == ':' {
                if gap >= 0 {
                    return false
                }
                gap = n
                i++
            } else if s[i] == 0 {
                return false
            }
        } else if s[i] != 0 {
            return false
        }
    }
    if gap < 0 && n != 8 || gap >= 0 && n > 7 {
        return false
    }
    memset(p, 0, 16)
    let at = 0
    for g in 0..n {
        if g == gap {
            at += 8 - n
        }
        p[2 * at] = cast<byte>(groups[g] >> 8)
        p[2 * at + 1] = cast<byte>(groups[g] & 255)
        at++
    }
    return true
}

// _inet fills a with host:port (IPv4 or IPv6); its family, or -EINVAL.
func _inet(host: string, port: int32, a: *_Addr) int64 {
    memset(&a.b, 0, len(a.b))
    if port < 0 || port > 65535 {
        return -linux.EINVAL
    }
    a.b[PORT] = cast<byte>(port >> 8)    // network byte order
    a.b[PORT + 1] = cast<byte>(port & 255)
    if _ip4(host, &a.b[linux.OFF_sockaddr_in_addr]) {
        *cast<*uint16>(&a.b[linux.OFF_sockaddr_in_family]) = cast<uint16>(AF_INET)
        a.len = linux.SIZEOF_sockaddr_in
        return AF_INET
    }
    if _ip6(host, &a.b[linux.OFF_sockaddr_in6_addr]) {
        *cast<*uint16>(&a.b[linux.OFF_sockaddr_in6_family]) = cast<uint16>(AF_INET6)
        a.len = linux.SIZEOF_sockaddr_in6
        return AF_INET6
    }
    return -linux.EINVAL
}

func _unix(path: string, a: *_Addr) int64 {
    memset(&a.b, 0, len(a.b))
    let n = strlen(path)
    if n == 0 || cast<int64>(n) >= linux.SIZEOF_sockaddr_un - linux.OFF_sockaddr_un_path {
        return -linux.EINVAL
    }
    *cast<*uint16>(&a.b[linux.OFF_sockaddr_un_family]) = cast<uint16>(AF_UNIX)
    memcpy(&a.b[linux.OFF_sockaddr_un_path], path, n)
    a.len = linux.OFF_sockaddr_un_path + cast<int64>(n) + 1
    return AF_UNIX
}

func _listen(family: int64, a: *_Addr) int32 {
    let fd = syscall(linux.SYS_socket, family, linux.SOCK_STREAM | SOCK_FLAGS, 0)
    if fd < 0 {
        return cast<int32>(fd)
    }
    if family != AF_UNIX {
        let one: int32 = 1
        syscall(linux.SYS_setsockopt, fd, linux.SOL_SOCKET, linux.SO_REUSEADDR, cast<int64>(&one), 4)
    }
    let r = syscall(linux.SYS_bind, fd, cast<int64>(&a.b), a.len)
    if r == 0 {
        r = syscall(linux.SYS_listen, fd, 4096)
    }
    if r < 0 {
        arc_close(cast<int32>(fd))
        return cast<int32>(r)
    }
    return cast<int32>(fd)
}

func listen_tcp(host: string, port: int32) int32 {
    let a = _Addr{}
    let family = _inet(host, port, &a)
    if family < 0 {
        return cast<int32>(family)
    }
    return _listen(family, &a)
}

func listen_unix(path: string) int32 {
    let a = _Addr{}
    if _unix(path, &a) < 0 {
        return cast<int32>(-linux.EINVAL)
    }
    return _listen(AF_UNIX, &a)
}

func accept(lfd: int32, timeout_ms: int64) int32 {
    let deadline = _deadline(timeout_ms)
    for {
        let fd = syscall(linux.SYS_accept4, cast<int64>(lfd), 0, 0, SOCK_FLAGS)
        if fd >= 0 {
            return cast<int32>(fd)
        }
        if fd == -linux.EMFILE || fd == -linux.ENFILE {
            arc_sleep(10000000)    // out of descriptors: let connections close
            continue
        }
        if fd == -linux.EINTR || fd == -linux.ECONNABORTED {
            continue
        }
        if fd != -linux.EAGAIN {
            return cast<int32>(fd)
        }
        let w = _wait(lfd, EPOLLIN, deadline)
        if w < 0 {
            return cast<int32>(w)
        }
    }
}

func _connect(family: int64, a: *_Addr, timeout_ms: int64) int32 {
    let fd = syscall(linux.SYS_socket, family, linux.SOCK_STREAM | SOCK_FLAGS, 0)
    if fd < 0 {
        return cast<int32>(fd)
    }
    let r = syscall(linux.SYS_connect, fd, cast<int64>(&a.b), a.len)
    if r == -linux.EINPROGRESS || r == -linux.EAGAIN {
        r = _wait(cast<int32>(fd), EPOLLOUT, _deadline(timeout_ms))
        if r == 0 {
            let err: int32 = 0
            let len: int32 = 4
            r = syscall(linux.SYS_getsockopt, fd, linux.SOL_SOCKET, linux.SO_ERROR, cast<int64>(&err), cast<int64>(&len))
            if r == 0 {
                r = -cast<int64>(err)
            }
        }
    }
    if r < 0 {
        arc_close(cast<int32>(fd))
        return cast<int32>(r)
    }
    return cast<int32>(fd)
}

func connect_tcp(host: string, port: int32, timeout_ms: int64) int32 {
    let a = _Addr{}
    let family = _inet(host, port, &a)
    if family < 0 {
        return cast<int32>(family)
    }
    return _connect(family, &a, timeout_ms)
}

func connect_unix(path: string, timeout_ms: int64) int32 {
    let a = _Addr{}
    if _unix(path, &a) < 0 {
        return cast<int32>(-linux.EINVAL)
    }
    return _connect(AF_UNIX, &a, timeout_ms)
}

func read(fd: int32, p: *byte, n: usize, timeout_ms: int64) int64 {
    let deadline = _deadline(timeout_ms)
    for {
        let r = syscall(linux.SYS_read, cast<int64>(fd), cast<int64>(p), cast<int64>(n))
        if r >= 0 {
            return r
        }
        if r != -linux.EAGAIN && r != -linux.EINTR {
            return r
        }
        if r == -linux.EAGAIN {
            let w = _wait(fd, EPOLLIN, deadline)
            if w < 0 {
                return w
            }
        }
    }
}

func write(fd: int32, p: *byte, n: usize, timeout_ms: int64) int64 {
    let deadline = _deadline(timeout_ms)
    let done: usize = 0
    for done < n {
        let r = syscall(linux.SYS_sendto, cast<int64>(fd), cast<int64>(p + done), cast<int64>(n - done), linux.MSG_NOSIGNAL, 0, 0)
        if r > 0 {
            done += cast<usize>(r)
        } else if r == -linux.EAGAIN {
            let w = _wait(fd, EPOLLOUT, deadline)
            if w < 0 {
                return w
            }
        } else if r != -linux.EINTR {
            return r
        }
    }
    return cast<int64>(n)
}

func close(fd: int32) int32 {
    return cast<int32>(arc_close(fd))
}

// shutdown(fd, linux.SHUT_WR): the peer reads the end of the stream after
// what was sent; SHUT_RD, SHUT_RDWR likewise.  0, or -errno.
func shutdown(fd: int32, how: int64) int32 {
    return cast<int32>(syscall(linux.SYS_shutdown, cast<int64>(fd), how))
}

func local_port(fd: int32) int32 {
    let a = _Addr{}
    let len = cast<int32>(len(a.b))
    let r = syscall(linux.SYS_getsockname, cast<int64>(fd), cast<int64>(&a.b), cast<int64>(&len))
    if r < 0 {
        return cast<int32>(r)
    }
    return cast<int32>(a.b[PORT]) << 8 | cast<int32>(a.b[PORT + 1])
}

func udp_bind(host: string, port: int32) int32 {
    let a = _Addr{}
    let family = _inet(host, port, &a)
    if family < 0 {
        return cast<int32>(family)
    }
    let fd = syscall(linux.SYS_socket, family, linux.SOCK_DGRAM | SOCK_FLAGS, 0)
    if fd < 0 {
        return cast<int32>(fd)
    }
    let r = syscall(linux.SYS_bind, fd, cast<int64>(&a.b), a.len)
    if r < 0 {
        arc_close(cast<int32>(fd))
        return cast<int32>(r)
    }
    return cast<int32>(fd)
}

func send_to(fd: int32, p: *byte, n: usize, host: string, port: int32) int64 {
    let a = _Addr{}
    let family = _inet(host, port, &a)
    if family < 0 {
        return family
    }
    for {
        let r = syscall(linux.SYS_sendto, cast<int64>(fd), cast<int64>(p), cast<int64>(n), linux.MSG_NOSIGNAL, cast<int64>(&a.b), a.len)
        if r == -linux.EAGAIN {
            let w = _wait(fd, EPOLLOUT, 0)
            if w < 0 {
                return w
            }
        } else if r != -linux.EINTR {
            return r
        }
    }
}

func recv(fd: int32, p: *byte, n: usize, timeout_ms: int64) int64 {
    return read(fd, p, n, timeout_ms)
}
