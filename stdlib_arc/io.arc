// io: writing to stdout and stderr, reading files.  Output is not
// buffered: every call is one or more write system calls.
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
