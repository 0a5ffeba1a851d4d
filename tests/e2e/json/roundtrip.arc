// The json module against a reference (tests/e2e/json.sh, oracle.py): FILE
// holds one document per line, hex-encoded (so any bytes fit); for each,
// "ok " and the stringified value, then the value parsed back from that
// and stringified again must give the same text ("ok" proves the writer's
// output is JSON the parser takes); or "error LINE:COL MSG".
// Usage: roundtrip FILE
namespace main

import "fs"
import "json"
import "os"
import "str"

extern c {
    func printf(*byte, ...) int32
    func fflush(*void) int32
}

func unhex(c: byte) int32 {
    if c >= '0' && c <= '9' {
        return cast<int32>(c - '0')
    }
    return cast<int32>(c - 'a') + 10
}

func main() int32 {
    if os.argc() != 2 {
        printf("usage: roundtrip FILE\n")
        return 2
    }
    let (data, n, e) = fs.read_file(os.arg(1))
    if e != 0 {
        printf("roundtrip: %s: %s\n", os.arg(1), fs.errname(cast<int64>(e)))
        return 1
    }
    let doc = new [n / 2 + 1]byte
    let i: usize = 0
    for i < n {
        let j = i
        for j < n && data[j] != '\n' {
            j++
        }
        let k: int64 = 0
        for let h = i; h + 1 < j; h += 2 {
            doc[k] = cast<byte>(unhex(data[h]) * 16 + unhex(data[h + 1]))
            k++
        }
        let (v, err) = json.parse(&doc[0], k)
        if v == null {
            printf("error %ld:%ld %s\n", err.line, err.col, err.msg)
        } else {
            let s = json.stringify(v)
            let (w, err2) = json.parse_string(s)
            if w == null {
                printf("BAD: own output does not parse (%s): %s\n", err2.msg, s)
            } else {
                let t = json.stringify(w)
                if !(s == t) {
                    printf("BAD: not a fixed point: %s then %s\n", s, t)
                } else {
                    printf("ok %s\n", s)
                }
                str.free(t)
                json.free(w)
            }
            str.free(s)
            json.free(v)
        }
        i = j + 1
    }
    delete(doc)
    fs.free_file(data)
    return 0
}
