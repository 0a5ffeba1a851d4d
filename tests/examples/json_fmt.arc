// json_fmt [-c] [-i N] [FILE]: check a JSON document (FILE, or standard
// input) and write it out again: indented by N spaces a level (default
// 2), or compact with -c.  A bad document is an error on stderr,
// "json_fmt: NAME:LINE:COL: MESSAGE", and exit status 1; a file that
// cannot be read, "json_fmt: NAME: ENOENT" (the errno's name), status 1;
// bad arguments, the usage line and status 2.
namespace main

import "fs"
import "io"
import "json"
import "os"
import "str"

extern c {
    func dprintf(int32, *byte, ...) int32
}

func usage() int32 {
    dprintf(2, "usage: json_fmt [-c] [-i N] [FILE]\n")
    return 2
}

// standard input to its end: (data, length, 0) or (null, 0, -errno)
func read_stdin() (*byte, int64, int64) {
    let b: str.Builder = {}
    let chunk: [65536]byte = {}
    for {
        let n = fs.read(0, &chunk[0], 65536)
        if n < 0 {
            b.free()
            return (null, 0, n)
        }
        if n == 0 {
            break
        }
        b.add_n(&chunk[0], n)
    }
    let n = b.len()
    let s = b.to_string()
    b.free()
    return (s, n, 0)
}

func main() int32 {
    let indent: int32 = 2
    let path: string = null
    let i: int32 = 1
    for i < os.argc() {
        let a = os.arg(i)
        if a == "-c" {
            indent = 0
        } else if a == "-i" {
            i++
            let (k, ok) = str.parse_int(os.arg(i))
            if os.arg(i) == null || !ok || k < 0 || k > 16 {
                return usage()
            }
            indent = cast<int32>(k)
        } else if a[0] == '-' && a[1] != 0 || path != null {
            return usage()
        } else {
            path = a
        }
        i++
    }
    let name = "<stdin>"
    let data: *byte = null
    let n: int64 = 0
    let e: int64 = 0
    if path != null && !(path == "-") {
        name = path
        let (d, k, err) = fs.read_file(path)
        data = d
        n = cast<int64>(k)
        e = cast<int64>(err)
    } else {
        let (d, k, err) = read_stdin()
        data = d
        n = k
        e = err
    }
    if e != 0 {
        dprintf(2, "json_fmt: %s: %s\n", name, fs.errname(e))
        return 1
    }
    let (v, err) = json.parse(data, n)
    if v == null {
        dprintf(2, "json_fmt: %s:%ld:%ld: %s\n", name, err.line, err.col, err.msg)
        return 1
    }
    let out = json.stringify_indent(v, indent)
    io.write_all(1, out, strlen(out))
    io.write_all(1, "\n", 1)
    str.free(out)
    json.free(v)
    return 0
}
