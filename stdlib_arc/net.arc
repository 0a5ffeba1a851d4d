// net: TCP (IPv4, IPv6), Unix-domain stream and UDP sockets.  Calls are
// blocking-style for the caller, but only the calling task waits: a socket
// that is not ready parks the task in the runtime's poller (arc_wait_fd)
// and the worker runs other tasks.  Sockets are non-blocking and
// close-on-exec underneath.  Timeouts are in milliseconds, 0 for none;
// failures are -errno (fs.errname names them), a timeout -ETIMEDOUT.
//   listen_tcp(host: string, port: int32) int32         listening socket on "127.0.0.1", "::1", ...
//   listen_unix(path: string) int32                      listening Unix stream socket at path
//   accept(lfd: int32, timeout_ms: int64) int32          next connection; EMFILE/ENFILE: backs off 10 ms, retries
//   connect_tcp(host: string, port: int32, timeout_ms: int64) int32
//   connect_unix(path: string, timeout_ms: int64) int32
//   read(fd: int32, p: *byte, n: usize, timeout_ms: int64) int64       bytes read, 0 at the end
//   write(fd: int32, p: *byte, n: usize, timeout_ms: int64) int64      all n bytes (no short writes)
//   close(fd: int32) int32                               wakes a task waiting on fd (-EBADF)
//   local_port(fd: int32) int32                          the port a socket is bound to
//   udp_bind(host: string, port: int32) int32            UDP socket bound to host:port (port 0: any)
//   send_to(fd: int32, p: *byte, n: usize, host: string, port: int32) int64
//   recv(fd: int32, p: *byte, n: usize, timeout_ms: int64) int64       one datagram
namespace net

extern c {
    func arc_wait_fd(fd: int32, events: uint32, deadline: int64) int64
    func arc_now_ns() int64
    func arc_sleep(ns: int64) int64
    func arc_close(fd: int32) int64
}

const AF_UNIX: int64 = 1
const AF_INET: int64 = 2
const AF_INET6: int64 = 10
const SOCK_STREAM: int64 = 1
const SOCK_DGRAM: int64 = 2
const SOCK_FLAGS: int64 = 0x80800     // SOCK_NONBLOCK | SOCK_CLOEXEC
const EPOLLIN: uint32 = 1
const EPOLLOUT: uint32 = 4
const MSG_NOSIGNAL: int64 = 0x4000
const EINTR: int64 = 4
const EAGAIN: int64 = 11
const ENFILE: int64 = 23
const EMFILE: int64 = 24
const EINVAL: int64 = 22
const ECONNABORTED: int64 = 103
const ETIMEDOUT: int64 = 110
const EINPROGRESS: int64 = 115

// A socket address: big enough for sockaddr_in6 and sockaddr_un.
struct _Addr {
    b: [112]byte
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
        return -ETIMEDOUT
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
    memset(&a.b, 0, 112)
    if port < 0 || port > 65535 {
        return -EINVAL
    }
    a.b[2] = cast<byte>(port >> 8)
    a.b[3] = cast<byte>(port & 255)
    if _ip4(host, &a.b[4]) {
        a.b[0] = cast<byte>(AF_INET)
        a.len = 16
        return AF_INET
    }
    if _ip6(host, &a.b[8]) {
        a.b[0] = cast<byte>(AF_INET6)
        a.len = 28
        return AF_INET6
    }
    return -EINVAL
}

func _unix(path: string, a: *_Addr) int64 {
    memset(&a.b, 0, 112)
    let n = strlen(path)
    if n == 0 || n > 107 {
        return -EINVAL
    }
    a.b[0] = cast<byte>(AF_UNIX)
    memcpy(&a.b[2], path, n)
    a.len = 2 + cast<int64>(n) + 1
    return AF_UNIX
}

func _listen(family: int64, a: *_Addr) int32 {
    let fd = syscall(41, family, SOCK_STREAM | SOCK_FLAGS, 0)
    if fd < 0 {
        return cast<int32>(fd)
    }
    if family != AF_UNIX {
        let one: int32 = 1
        syscall(54, fd, 1, 2, cast<int64>(&one), 4)    // SO_REUSEADDR
    }
    let r = syscall(49, fd, cast<int64>(&a.b), a.len)
    if r == 0 {
        r = syscall(50, fd, 4096)
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
        return cast<int32>(-EINVAL)
    }
    return _listen(AF_UNIX, &a)
}

func accept(lfd: int32, timeout_ms: int64) int32 {
    let deadline = _deadline(timeout_ms)
    for {
        let fd = syscall(288, cast<int64>(lfd), 0, 0, SOCK_FLAGS)
        if fd >= 0 {
            return cast<int32>(fd)
        }
        if fd == -EMFILE || fd == -ENFILE {
            arc_sleep(10000000)    // out of descriptors: let connections close
            continue
        }
        if fd == -EINTR || fd == -ECONNABORTED {
            continue
        }
        if fd != -EAGAIN {
            return cast<int32>(fd)
        }
        let w = _wait(lfd, EPOLLIN, deadline)
        if w < 0 {
            return cast<int32>(w)
        }
    }
}

func _connect(family: int64, a: *_Addr, timeout_ms: int64) int32 {
    let fd = syscall(41, family, SOCK_STREAM | SOCK_FLAGS, 0)
    if fd < 0 {
        return cast<int32>(fd)
    }
    let r = syscall(42, fd, cast<int64>(&a.b), a.len)
    if r == -EINPROGRESS || r == -EAGAIN {
        r = _wait(cast<int32>(fd), EPOLLOUT, _deadline(timeout_ms))
        if r == 0 {
            let err: int32 = 0
            let len: int32 = 4
            r = syscall(55, fd, 1, 4, cast<int64>(&err), cast<int64>(&len))    // SO_ERROR
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
        return cast<int32>(-EINVAL)
    }
    return _connect(AF_UNIX, &a, timeout_ms)
}

func read(fd: int32, p: *byte, n: usize, timeout_ms: int64) int64 {
    let deadline = _deadline(timeout_ms)
    for {
        let r = syscall(0, cast<int64>(fd), cast<int64>(p), cast<int64>(n))
        if r >= 0 {
            return r
        }
        if r != -EAGAIN && r != -EINTR {
            return r
        }
        if r == -EAGAIN {
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
        let r = syscall(44, cast<int64>(fd), cast<int64>(p + done), cast<int64>(n - done), MSG_NOSIGNAL, 0, 0)
        if r > 0 {
            done += cast<usize>(r)
        } else if r == -EAGAIN {
            let w = _wait(fd, EPOLLOUT, deadline)
            if w < 0 {
                return w
            }
        } else if r != -EINTR {
            return r
        }
    }
    return cast<int64>(n)
}

func close(fd: int32) int32 {
    return cast<int32>(arc_close(fd))
}

func local_port(fd: int32) int32 {
    let a = _Addr{}
    let len: int32 = 112
    let r = syscall(51, cast<int64>(fd), cast<int64>(&a.b), cast<int64>(&len))
    if r < 0 {
        return cast<int32>(r)
    }
    return cast<int32>(a.b[2]) << 8 | cast<int32>(a.b[3])
}

func udp_bind(host: string, port: int32) int32 {
    let a = _Addr{}
    let family = _inet(host, port, &a)
    if family < 0 {
        return cast<int32>(family)
    }
    let fd = syscall(41, family, SOCK_DGRAM | SOCK_FLAGS, 0)
    if fd < 0 {
        return cast<int32>(fd)
    }
    let r = syscall(49, fd, cast<int64>(&a.b), a.len)
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
        let r = syscall(44, cast<int64>(fd), cast<int64>(p), cast<int64>(n), MSG_NOSIGNAL, cast<int64>(&a.b), a.len)
        if r == -EAGAIN {
            let w = _wait(fd, EPOLLOUT, 0)
            if w < 0 {
                return w
            }
        } else if r != -EINTR {
            return r
        }
    }
}

func recv(fd: int32, p: *byte, n: usize, timeout_ms: int64) int64 {
    return read(fd, p, n, timeout_ms)
}
