// fs: files and directories.  Every failure is a value: a negative -errno
// that errname turns into its name ("ENOENT"); nothing here crashes on a
// bad path, and writes are never silently short.  Regular files are
// always "ready", so these calls use the kernel directly (they hold the
// worker for the duration of the system call, as Go's file I/O does).
//   open(path: string, flags: int32, mode: int32) int32     fd, or -errno (O_* below)
//   read(fd: int32, p: *byte, n: usize) int64               bytes read, 0 at the end
//   write(fd: int32, p: *byte, n: usize) int64              all n bytes, or -errno
//   close(fd: int32) int32
//   stat(path: string, st: *Stat) int32                     0, or -errno
//   mkdir(path: string, mode: int32) int32
//   remove(path: string) int32                              a file or an empty directory
//   rename(from: string, to: string) int32
//   read_file(path: string) (*byte, usize, int32)           NUL-terminated data (free_file it), length, 0; or (null, 0, -errno)
//   free_file(data: *byte)
//   write_file(path: string, p: *byte, n: usize) int32      create or truncate, write all, close: 0 or -errno
//   dir_open(path: string, d: *Dir) int32                   0, or -errno
//   dir_next(d: *Dir) string                                the next entry's name ("." and ".." skipped), null at the end
//   dir_close(d: *Dir)
//   errname(e: int64) string                                "ENOENT" for -2 (or 2); "E?" when unknown
namespace fs

import "linux"

extern c {
    func arc_realloc(p: *void, n: usize) *void
    func arc_free(p: *void)
    func arc_close(fd: int32) int64
}

// open's flags, as open takes them
const O_RDONLY: int32 = cast<int32>(linux.O_RDONLY)
const O_WRONLY: int32 = cast<int32>(linux.O_WRONLY)
const O_RDWR: int32 = cast<int32>(linux.O_RDWR)
const O_CREAT: int32 = cast<int32>(linux.O_CREAT)
const O_EXCL: int32 = cast<int32>(linux.O_EXCL)
const O_TRUNC: int32 = cast<int32>(linux.O_TRUNC)
const O_APPEND: int32 = cast<int32>(linux.O_APPEND)

// The fields of struct stat that programs ask for.
struct Stat {
    size: int64
    mode: uint32       // type and permission bits (S_IFDIR 0o040000, S_IFREG 0o100000)
    nlink: int64
    mtime_ns: int64
}

func is_dir(st: *Stat) bool {
    return (cast<int64>(st.mode) & linux.S_IFMT) == linux.S_IFDIR
}

func open(path: string, flags: int32, mode: int32) int32 {
    for {
        let r = syscall(linux.SYS_openat, linux.AT_FDCWD, cast<int64>(path), cast<int64>(flags) | linux.O_CLOEXEC, cast<int64>(mode))
        if r != -linux.EINTR {
            return cast<int32>(r)
        }
    }
}

func read(fd: int32, p: *byte, n: usize) int64 {
    for {
        let r = syscall(linux.SYS_read, cast<int64>(fd), cast<int64>(p), cast<int64>(n))
        if r != -linux.EINTR {
            return r
        }
    }
}

func write(fd: int32, p: *byte, n: usize) int64 {
    let done: usize = 0
    for done < n {
        let r = syscall(linux.SYS_write, cast<int64>(fd), cast<int64>(p + done), cast<int64>(n - done))
        if r < 0 && r != -linux.EINTR {
            return r
        }
        if r > 0 {
            done += cast<usize>(r)
        }
    }
    return cast<int64>(n)
}

func close(fd: int32) int32 {
    return cast<int32>(arc_close(fd))
}

func stat(path: string, st: *Stat) int32 {
    let b: [linux.SIZEOF_stat]byte = {}
    let r = syscall(linux.SYS_newfstatat, linux.AT_FDCWD, cast<int64>(path), cast<int64>(&b[0]), 0)
    if r < 0 {
        return cast<int32>(r)
    }
    st.nlink = *cast<*int64>(&b[linux.OFF_stat_nlink])
    st.mode = *cast<*uint32>(&b[linux.OFF_stat_mode])
    st.size = *cast<*int64>(&b[linux.OFF_stat_size])
    st.mtime_ns = *cast<*int64>(&b[linux.OFF_stat_mtime_sec]) * 1000000000 + *cast<*int64>(&b[linux.OFF_stat_mtime_nsec])
    return 0
}

func mkdir(path: string, mode: int32) int32 {
    return cast<int32>(syscall(linux.SYS_mkdirat, linux.AT_FDCWD, cast<int64>(path), cast<int64>(mode)))
}

func remove(path: string) int32 {
    let r = syscall(linux.SYS_unlinkat, linux.AT_FDCWD, cast<int64>(path), 0)
    if r == -linux.EISDIR {
        r = syscall(linux.SYS_unlinkat, linux.AT_FDCWD, cast<int64>(path), linux.AT_REMOVEDIR)
    }
    return cast<int32>(r)
}

func rename(from: string, to: string) int32 {
    return cast<int32>(syscall(linux.SYS_renameat, linux.AT_FDCWD, cast<int64>(from), linux.AT_FDCWD, cast<int64>(to)))
}

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
        return (null, 0, cast<int32>(-linux.ENOMEM))
    }
    data[len] = 0
    return (data, len, 0)
}

func free_file(data: *byte) {
    arc_free(data)
}

func write_file(path: string, p: *byte, n: usize) int32 {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    if fd < 0 {
        return fd
    }
    let w = write(fd, p, n)
    let c = close(fd)
    if w < 0 {
        return cast<int32>(w)
    }
    return c
}

// An open directory: getdents64 records in buf[pos..end).
struct Dir {
    fd: int32
    pos: int64
    end: int64
    buf: [4096]byte
}

func dir_open(path: string, d: *Dir) int32 {
    d.fd = open(path, O_RDONLY | cast<int32>(linux.O_DIRECTORY), 0)
    d.pos = 0
    d.end = 0
    if d.fd < 0 {
        return d.fd
    }
    return 0
}

func dir_next(d: *Dir) string {
    for d.fd >= 0 {
        if d.pos >= d.end {
            let r = syscall(linux.SYS_getdents64, cast<int64>(d.fd), cast<int64>(&d.buf[0]), cast<int64>(len(d.buf)))
            if r <= 0 {
                return null
            }
            d.pos = 0
            d.end = r
        }
        let rec = &d.buf[0] + d.pos
        d.pos += cast<int64>(*cast<*uint16>(rec + linux.DIRENT64_RECLEN))
        let name = rec + linux.DIRENT64_NAME
        if name[0] == '.' && (name[1] == 0 || name[1] == '.' && name[2] == 0) {
            continue
        }
        return name
    }
    return null
}

func dir_close(d: *Dir) {
    if d.fd >= 0 {
        close(d.fd)
        d.fd = -1
    }
}

func errname(e: int64) string {
    let n = linux.errname(e)
    if n == null {
        return "E?"
    }
    return n
}
