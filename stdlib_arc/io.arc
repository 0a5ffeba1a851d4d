// io: writing to stdout and stderr, reading files.  Output is not
// buffered: every call is one or more write system calls.  The C layer's
// printf/puts buffer stdout (libc.arc): a program that mixes them with
// print on a file or pipe calls fflush(null) before print to keep order.
namespace io

import "fs"

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
// and EINTR.  Returns n, or -errno when a write fails.  (fs.write)
func write_all(fd: int32, p: *byte, n: usize) int64 {
    return fs.write(fd, p, n)
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

// --- files: the fs module's, under their older names -----------------------
const O_RDONLY: int32 = fs.O_RDONLY
const O_WRONLY: int32 = fs.O_WRONLY
const O_CREAT: int32 = fs.O_CREAT
const O_TRUNC: int32 = fs.O_TRUNC

// open returns a file descriptor (close-on-exec), or -errno.
func open(path: string, flags: int32, mode: int32) int32 {
    return fs.open(path, flags, mode)
}

// close returns 0, or -errno.
func close(fd: int32) int32 {
    return fs.close(fd)
}

// read returns the bytes read (0 at the end), or -errno; EINTR is retried.
func read(fd: int32, p: *byte, n: usize) int64 {
    return fs.read(fd, p, n)
}

// read_file reads a whole file: (data, length, 0), data NUL-terminated and
// to be released with free_file; or (null, 0, -errno).
func read_file(path: string) (*byte, usize, int32) {
    return fs.read_file(path)
}

func free_file(data: *byte) {
    fs.free_file(data)
}
