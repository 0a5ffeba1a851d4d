// io: writing to stdout and stderr, reading files.  Output is not
// buffered: every call is one or more write system calls.  The C layer's
// printf/puts buffer stdout (libc.arc): a program that mixes them with
// print on a file or pipe calls fflush(null) before print to keep order.
namespace io

extern c {
    func arc_write(fd: int32, p: *byte, n: usize) isize
}

const STDOUT: int32 = 1
const STDERR: int32 = 2

func print(s: string) {
    write_all(STDOUT, s, strlen(s))
}

func println(s: string) {
    write_all(STDOUT, s, strlen(s))
    write_all(STDOUT, "\n", 1)
}

func eprint(s: string) {
    write_all(STDERR, s, strlen(s))
}

// write_all writes n bytes from p to fd, resuming after partial writes
// and EINTR.  Returns n, or -errno when a write fails.
func write_all(fd: int32, p: *byte, n: usize) int64 {
    let done: usize = 0
    for done < n {
        let r = syscall(1, cast<int64>(fd), cast<int64>(p + done), cast<int64>(n - done))
        if r == -4 {
            continue
        }
        if r < 0 {
            return r
        }
        done += cast<usize>(r)
    }
    return cast<int64>(n)
}

// print_int prints v in decimal (INT64_MIN included).
func print_int(v: int64) {
    let u = cast<uint64>(v)
    if v < 0 {
        write_all(STDOUT, "-", 1)
        u = 0 - u
    }
    print_uint(u)
}

func print_uint(v: uint64) {
    _print_base(v, 10)
}

// print_hex prints v in lower-case hexadecimal, without 0x.
func print_hex(v: uint64) {
    _print_base(v, 16)
}

func _print_base(v: uint64, base: uint64) {
    let buf: [24]byte = {}
    let i = 24
    for {
        i--
        buf[i] = "0123456789abcdef"[v % base]
        v /= base
        if v == 0 {
            break
        }
    }
    write_all(STDOUT, &buf[i], cast<usize>(24 - i))
}

// --- files -------------------------------------------------------------------
extern c {
    func arc_realloc(p: *void, n: usize) *void
    func arc_free(p: *void)
}

const O_RDONLY: int32 = 0
const O_WRONLY: int32 = 1
const O_CREAT: int32 = 0x40
const O_TRUNC: int32 = 0x200
const ENOMEM: int32 = 12

// open returns a file descriptor, or -errno.
func open(path: string, flags: int32, mode: int32) int32 {
    return cast<int32>(syscall(257, -100, cast<int64>(path), cast<int64>(flags), cast<int64>(mode)))
}

// close returns 0, or -errno.
func close(fd: int32) int32 {
    return cast<int32>(syscall(3, cast<int64>(fd)))
}

// read returns the bytes read (0 at the end), or -errno; EINTR is retried.
func read(fd: int32, p: *byte, n: usize) int64 {
    for {
        let r = syscall(0, cast<int64>(fd), cast<int64>(p), cast<int64>(n))
        if r != -4 {
            return r
        }
    }
}

// read_file reads a whole file: (data, length, 0), data NUL-terminated and
// to be released with free_file; or (null, 0, -errno).
func read_file(path: string) (*byte, usize, int32) {
    let fd = open(path, O_RDONLY, 0)
    if fd < 0 {
        return (null, 0, fd)
    }
    let cap: usize = 4096
    let len: usize = 0
    let data = cast<*byte>(arc_realloc(null, cap))
    for data != null {
        if cap - len < 2 {
            cap *= 2
            let grown = cast<*byte>(arc_realloc(data, cap))
            if grown == null {
                arc_free(data)
                data = null
                break
            }
            data = grown
        }
        let r = read(fd, data + len, cap - len - 1)
        if r < 0 {
            arc_free(data)
            close(fd)
            return (null, 0, cast<int32>(r))
        }
        if r == 0 {
            break
        }
        len += cast<usize>(r)
    }
    close(fd)
    if data == null {
        return (null, 0, -ENOMEM)
    }
    data[len] = 0
    return (data, len, 0)
}

func free_file(data: *byte) {
    arc_free(data)
}
