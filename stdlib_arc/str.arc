// str: functions on strings (a string is a NUL-terminated *byte).  A
// string or slice a function returns new lives on the runtime's heap:
// free(s) / free_split(parts) give it back.  Parsing never stops the
// program: a bad or out-of-range input comes back as (value, false).
//
//   concat(a, b) string            a then b, in a new string
//   starts_with(s, p) bool         s begins with p ("" begins everything)
//   ends_with(s, p) bool           s ends with p
//   index_of(s, sub) int64         the offset of sub's first occurrence, -1 if none ("" is at 0)
//   split(s, sep) []string         the pieces between the occurrences of sep (not ""), new strings
//   free_split(parts)              frees split's pieces and slice
//   trim(s) string                 s without leading and trailing ASCII white space, new
//   parse_int(s) (int64, bool)     [+-]digits, the whole string, in int64's range
//   parse_float(s) (float64, bool) decimal or hex float, inf, nan (strtod's syntax), the whole string
//   format_int(v) string           decimal, new
//   format_float(x) string         the fewest digits (1 to 17) that parse back to x, %g style, no
//                                  exponent below 1e17 (100, 0.1, 1e+21, 5e-324, inf, nan), new
//   free(s)                        gives back a string this module made
//   Builder                        let b: str.Builder = {}  b.add(s)  b.add_byte(c)  b.add_int(v)
//                                  b.add_float(x)  b.len()  b.to_string() (new)  b.free()
namespace str

extern c {
    func strtod(s: *byte, end: **byte) float64
    func snprintf(dst: *byte, cap: usize, fmt: *byte, ...) int32
}

// a new string of n bytes copied from p
func copy_n(p: *byte, n: int64) string {
    let d = new [n + 1]byte
    if n > 0 {
        memcpy(&d[0], p, cast<usize>(n))
    }
    d[n] = 0
    return &d[0]
}

func free(s: string) {
    delete(s)
}

func concat(a: string, b: string) string {
    let na = len(a)
    let nb = len(b)
    let d = new [na + nb + 1]byte
    memcpy(&d[0], a, cast<usize>(na))
    memcpy(&d[na], b, cast<usize>(nb))
    d[na + nb] = 0
    return &d[0]
}

// s's bytes from i equal p's (p fits in s from i: the caller checks)
func match_at(s: string, i: int64, p: string, np: int64) bool {
    return np == 0 || memcmp(&s[i], p, cast<usize>(np)) == 0
}

func starts_with(s: string, p: string) bool {
    let np = len(p)
    return np <= len(s) && match_at(s, 0, p, np)
}

func ends_with(s: string, p: string) bool {
    let ns = len(s)
    let np = len(p)
    return np <= ns && match_at(s, ns - np, p, np)
}

func index_from(s: string, ns: int64, sub: string, nsub: int64, from: int64) int64 {
    for i in from..ns - nsub + 1 {
        if match_at(s, i, sub, nsub) {
            return i
        }
    }
    return -1
}

func index_of(s: string, sub: string) int64 {
    return index_from(s, len(s), sub, len(sub), 0)
}

// split("a,b,,c", ",") is ["a", "b", "", "c"]; an empty sep gives [s]
// (a copy)
func split(s: string, sep: string) []string {
    let ns = len(s)
    let nsep = len(sep)
    let n: int64 = 1
    if nsep > 0 {
        for let i = index_from(s, ns, sep, nsep, 0); i >= 0; i = index_from(s, ns, sep, nsep, i + nsep) {
            n++
        }
    }
    let parts = new [n]string
    let start: int64 = 0
    for k in 0..n - 1 {
        let i = index_from(s, ns, sep, nsep, start)
        parts[k] = copy_n(&s[start], i - start)
        start = i + nsep
    }
    parts[n - 1] = copy_n(&s[start], ns - start)
    return parts
}

func free_split(parts: []string) {
    for p in parts {
        delete(p)
    }
    delete(parts)
}

func is_space(c: byte) bool {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0b || c == 0x0c
}

func trim(s: string) string {
    let lo: int64 = 0
    let hi = len(s)
    for lo < hi && is_space(s[lo]) {
        lo++
    }
    for hi > lo && is_space(s[hi - 1]) {
        hi--
    }
    return copy_n(&s[lo], hi - lo)
}

// The magnitude is gathered as a uint64 bounded by 2^63 (2^63 - 1 for a
// positive number), so no step overflows.
func parse_int(s: string) (int64, bool) {
    let i: int64 = 0
    let neg = false
    if s[0] == '-' || s[0] == '+' {
        neg = s[0] == '-'
        i = 1
    }
    if s[i] == 0 {
        return (0, false)
    }
    let limit: uint64 = 9223372036854775807
    if neg {
        limit = 9223372036854775808
    }
    let u: uint64 = 0
    for s[i] != 0 {
        let c = s[i]
        if c < '0' || c > '9' {
            return (0, false)
        }
        let d = cast<uint64>(c - '0')
        if u > (limit - d) / 10 {
            return (0, false)
        }
        u = u * 10 + d
        i++
    }
    if neg {
        return (cast<int64>(0 - u), true)
    }
    return (cast<int64>(u), true)
}

// strtod's syntax and rounding (the C layer's, correctly rounded); no
// leading white space, and every byte consumed.  A finite number too
// large for float64 is (inf, false).
func parse_float(s: string) (float64, bool) {
    if s[0] == 0 || is_space(s[0]) {
        return (0.0, false)
    }
    let end: *byte = null
    let x = strtod(s, &end)
    if *end != 0 {
        return (0.0, false)
    }
    let is_inf = x - x != x - x && x == x
    if is_inf && index_of(s, "n") < 0 && index_of(s, "N") < 0 {
        return (x, false)
    }
    return (x, true)
}

// v in decimal into the 24 bytes at buf, right-aligned: the index of the
// first digit (or '-')
func int_digits(buf: *byte, v: int64) int64 {
    let u = cast<uint64>(v)
    if v < 0 {
        u = 0 - u
    }
    let i: int64 = 24
    for {
        let q = u / 10
        i--
        buf[i] = cast<byte>(u - q * 10) + '0'
        u = q
        if u == 0 {
            break
        }
    }
    if v < 0 {
        i--
        buf[i] = '-'
    }
    return i
}

func format_int(v: int64) string {
    let buf: [24]byte = {}
    let i = int_digits(&buf[0], v)
    return copy_n(&buf[i], 24 - i)
}

// %.{p}g for p = 1, 2, ... 17 until strtod gives x back (17 significant
// digits always do for a float64); then, when that has an exponent E < 17,
// %.{E+1}g: the same digits without the exponent (100, not 1e+02).
func format_float(x: float64) string {
    let buf: [40]byte = {}
    let n: int32 = 0
    for p in 1..18 {
        n = snprintf(&buf[0], 40, "%.*g", cast<int32>(p), x)
        let end: *byte = null
        let y = strtod(&buf[0], &end)
        if y == x || x != x {
            break
        }
    }
    let e = index_of(&buf[0], "e+")
    if e >= 0 {
        let (ex, ok) = parse_int(&buf[e + 2])
        if ok && ex < 17 {
            n = snprintf(&buf[0], 40, "%.*g", cast<int32>(ex + 1), x)
        }
    }
    return copy_n(&buf[0], cast<int64>(n))
}

// A growing string: add pieces, then string() copies them out.
struct Builder {
    buf: []byte
    n: int64

    func len(self b: *Builder) int64 {
        return b.n
    }

    // room for k more bytes and the NUL
    func reserve(self b: *Builder, k: int64) {
        if b.n + k + 1 <= len(b.buf) {
            return
        }
        let cap = len(b.buf) * 2
        if cap < 32 {
            cap = 32
        }
        for cap < b.n + k + 1 {
            cap *= 2
        }
        let d = new [cap]byte
        if b.n > 0 {
            memcpy(&d[0], &b.buf[0], cast<usize>(b.n))
        }
        if len(b.buf) > 0 {
            delete(b.buf)
        }
        b.buf = d
    }

    func add_n(self b: *Builder, p: *byte, k: int64) {
        b.reserve(k)
        if k > 0 {
            memcpy(&b.buf[b.n], p, cast<usize>(k))
        }
        b.n += k
    }

    func add(self b: *Builder, s: string) {
        b.add_n(s, len(s))
    }

    func add_byte(self b: *Builder, c: byte) {
        b.reserve(1)
        b.buf[b.n] = c
        b.n++
    }

    func add_int(self b: *Builder, v: int64) {
        let buf: [24]byte = {}
        let i = int_digits(&buf[0], v)
        b.add_n(&buf[i], 24 - i)
    }

    func add_float(self b: *Builder, x: float64) {
        let s = format_float(x)
        b.add(s)
        delete(s)
    }

    // the bytes so far as a new string (the builder keeps its own)
    func to_string(self b: *Builder) string {
        if b.n == 0 {
            return copy_n("", 0)
        }
        return copy_n(&b.buf[0], b.n)
    }

    func free(self b: *Builder) {
        if len(b.buf) > 0 {
            delete(b.buf)
        }
        b.buf = {}
        b.n = 0
    }
}
