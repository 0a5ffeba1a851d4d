// libc: the C layer.  `namespace c` gives every exported function its
// plain C name as a global symbol, so that a program's
//     extern c { func printf(*byte, ...) int32 }
// (and freestanding C linked in) binds to these Arc definitions.  arc
// build compiles this module into a program that declares one of them;
// ld --gc-sections drops what is not called.
//
// printf family: conversions d i u o x X c s p % f F e E g G; flags
// - + space # 0; width and precision (also *); length modifiers hh h l ll
// z j t.  Floats are converted exactly (big-integer arithmetic on the
// double's bits) and rounded half to even, as glibc does; precision is
// capped at 1000 digits (more is printed as 1000).  Not supported: %a,
// %n, %ls, long double (%Lf), positional arguments (%1$d).
// printf, puts and putchar go through stdout's buffer (stdio section
// below: buffering, locking, flush at exit, no flush at a crash);
// dprintf writes to its descriptor at the end of each call.
//
// Also here: stdio (FILE, fopen fdopen fclose fread fwrite fgets fgetc
// getc getchar ungetc fputc putc fputs fprintf vfprintf fflush fseek
// ftell rewind feof ferror clearerr fileno setvbuf remove rename),
// errno and __errno_location, strto(u)l(l), strtod (correctly rounded,
// decimal and hexadecimal), atoi atol atof, strcmp strncmp strcpy
// strncpy strcat strchr strrchr strstr strdup memchr memmove memcpy memset
// memcmp strlen, getenv,
// abort, sleep usleep nanosleep, math.h's sqrt fabs floor ceil trunc round
// fmod sin cos tan atan atan2 exp log log2 log10 pow (and their float
// versions).  Globals (stdout, errno) are top-level
// lets; the exported ones keep their C names.
namespace c

import "linux"

extern c {
    func arc_alloc(n: usize) *void
    func arc_free(p: *void)
    func arc_realloc(p: *void, n: usize) *void
    func arc_calloc(n: usize, size: usize) *void
    func arc_exit(status: int32)
}

// --- memory ----------------------------------------------------------------
func malloc(n: usize) *void {
    return arc_alloc(n)
}

func free(p: *void) {
    arc_free(p)
}

func calloc(n: usize, size: usize) *void {
    return arc_calloc(n, size)
}

func realloc(p: *void, n: usize) *void {
    return arc_realloc(p, n)
}

func exit(status: int32) {
    arc_exit(status)
}

// --- output ----------------------------------------------------------------

// Where formatted text goes: a FILE (f, its lock held), a file descriptor
// (through buf; dprintf) or, when fd < 0, the caller's array dst of cap
// bytes (snprintf).  n counts every byte produced, written or not.
struct _Out {
    f: *FILE
    fd: int32
    dst: *byte
    cap: usize
    n: usize
    nbuf: usize
    buf: [256]byte
    ffmt: func(*_Spec, *_Out, float64)    // the float conversions: _fmt_float, or null (below)
}

func _write_all(fd: int32, p: *byte, n: usize) int64 {
    let done: usize = 0
    for done < n {
        let r = syscall(linux.SYS_write, cast<int64>(fd), cast<int64>(p + done), cast<int64>(n - done))
        if r == -linux.EINTR {
            continue
        }
        if r < 0 {
            return r
        }
        done += cast<usize>(r)
    }
    return cast<int64>(n)
}

func _flush(o: *_Out) {
    if o.f == null && o.fd >= 0 && o.nbuf > 0 {
        _write_all(o.fd, &o.buf, o.nbuf)
    }
    o.nbuf = 0
}

func _put(o: *_Out, p: *byte, n: usize) {
    if o.f != null {
        _fput(o.f, p, n)
    } else if o.fd < 0 {
        for let i: usize = 0; i < n; i++ {
            if o.n + i + 1 < o.cap {
                o.dst[o.n + i] = p[i]
            }
        }
    } else if n > 256 {
        _flush(o)
        _write_all(o.fd, p, n)
    } else {
        if o.nbuf + n > 256 {
            _flush(o)
        }
        std.mem.copy(&o.buf[o.nbuf], p, n)
        o.nbuf += n
    }
    o.n += n
}

func _putc(o: *_Out, c: byte) {
    let b: [1]byte = {}
    b[0] = c
    _put(o, &b, 1)
}

func _pad(o: *_Out, c: byte, n: int32) {
    for let i = 0; i < n; i++ {
        _putc(o, c)
    }
}

// --- one conversion's specification -------------------------------------------
struct _Spec {
    minus: bool
    plus: bool
    space: bool
    alt: bool
    zero: bool
    width: int32
    prec: int32      // -1: none
    conv: byte
}

// sign and prefix, then zeros, then body, padded to the width.
func _emit(o: *_Spec, out: *_Out, pre: *byte, npre: int32, zeros: int32, body: *byte, nbody: int32) {
    let len = npre + zeros + nbody
    let fill = 0
    if o.width > len {
        fill = o.width - len
    }
    if !o.minus && !o.zero {
        _pad(out, ' ', fill)
    }
    _put(out, pre, cast<usize>(npre))
    if !o.minus && o.zero {
        _pad(out, '0', fill)
    }
    _pad(out, '0', zeros)
    _put(out, body, cast<usize>(nbody))
    if o.minus {
        _pad(out, ' ', fill)
    }
}

// An integer: v is the magnitude, neg its sign (signed conversions).
func _fmt_int(s: *_Spec, out: *_Out, v: uint64, neg: bool) {
    let base: uint64 = 10
    let digits = "0123456789abcdef"
    if s.conv == 'x' || s.conv == 'p' {
        base = 16
    } else if s.conv == 'X' {
        base = 16
        digits = "0123456789ABCDEF"
    } else if s.conv == 'o' {
        base = 8
    }
    let buf: [24]byte = {}
    let i = 24
    let u = v
    for u != 0 {
        i--
        buf[i] = digits[u % base]
        u /= base
    }
    if v == 0 && s.prec != 0 {
        i--
        buf[i] = '0'
    }
    let nd = 24 - i
    let pre: [2]byte = {}
    let npre = 0
    if neg {
        pre[0] = '-'
        npre = 1
    } else if s.plus && (s.conv == 'd' || s.conv == 'i') {
        pre[0] = '+'
        npre = 1
    } else if s.space && (s.conv == 'd' || s.conv == 'i') {
        pre[0] = ' '
        npre = 1
    }
    if s.alt && v != 0 && (s.conv == 'x' || s.conv == 'X' || s.conv == 'p') {
        pre[0] = '0'
        pre[1] = 'x'
        if s.conv == 'X' {
            pre[1] = 'X'
        }
        npre = 2
    }
    let zeros = 0
    if s.prec > nd {
        zeros = s.prec - nd
    }
    if s.alt && s.conv == 'o' && zeros == 0 && (nd == 0 || buf[i] != '0') {
        zeros = 1
    }
    if s.prec >= 0 {
        s.zero = false
    }
    if s.zero && !s.minus && s.width > npre + zeros + nd {
        zeros = s.width - npre - nd
    }
    _emit(s, out, &pre, npre, zeros, &buf[i], nd)
}

// --- floating point ------------------------------------------------------------

const _NDIG: int32 = 1400

// The decimal digits of x (finite, > 0) into d: the integer part (a single
// "0" when it is zero; *ni digits), then fraction digits, rounded half to
// even after keep digits, where keep is, for emode false, *ni + prec and,
// for emode true, (the index of the first non-zero digit) + prec + 1.
// Returns the number of digits (keep; *ni grows when rounding carries).
func _fdigits(x: float64, emode: bool, prec: int32, d: *byte, ni: *int32) int32 {
    let bits = bit_cast<uint64>(x)
    let bexp = cast<int32>((bits >> 52) & 0x7ff)
    let mant = bits & 0xfffffffffffff
    let e2: int32 = -1074
    if bexp != 0 {
        mant |= 0x10000000000000
        e2 = bexp - 1075
    }
    // big: the integer part (when e2 > 0), then the fraction scaled so that
    // its binary point is at limb top: value = big / 2^(32 * top)
    let big: [36]uint32 = {}
    let n = 0
    let top = 0
    if e2 >= 0 {
        big[e2 / 32] = cast<uint32>(mant << cast<uint64>(e2 % 32))
        big[e2 / 32 + 1] = cast<uint32>((mant << cast<uint64>(e2 % 32)) >> 32)
        if e2 % 32 > 11 {
            big[e2 / 32 + 2] = cast<uint32>(mant >> cast<uint64>(64 - e2 % 32))
        }
        // integer digits, 9 at a time from the low end, reversed into d
        let nl = e2 / 32 + 3
        for {
            let rem: uint64 = 0
            let nz = false
            for let k = nl - 1; k >= 0; k-- {
                let cur = (rem << 32) | cast<uint64>(big[k])
                big[k] = cast<uint32>(cur / 1000000000)
                rem = cur % 1000000000
                nz = nz || big[k] != 0
            }
            for let j = 0; j < 9; j++ {
                d[n] = cast<byte>(rem % 10) + '0'
                n++
                rem /= 10
                if !nz && rem == 0 {
                    break
                }
            }
            if !nz {
                break
            }
        }
        for let a = 0; a < n / 2; a++ {
            let t = d[a]
            d[a] = d[n - 1 - a]
            d[n - 1 - a] = t
        }
    } else {
        let k = -e2
        let ip: uint64 = 0
        let fr = mant
        if k < 64 {
            ip = mant >> cast<uint64>(k)
            fr = mant & ((cast<uint64>(1) << cast<uint64>(k)) - 1)
        }
        // scale the fraction by 2^s so that the point falls on a limb edge
        let s = (32 - k % 32) % 32
        top = (k + s) / 32
        let lo = cast<uint64>(fr) << cast<uint64>(s % 32)
        let hi: uint64 = 0
        if s > 11 {
            hi = fr >> cast<uint64>(64 - s)
        }
        big[0] = cast<uint32>(lo)
        big[1] = cast<uint32>(lo >> 32)
        big[2] = cast<uint32>(hi)
        let tmp: [20]byte = {}
        let m = 0
        for {
            tmp[m] = cast<byte>(ip % 10) + '0'
            m++
            ip /= 10
            if ip == 0 {
                break
            }
        }
        for m > 0 {
            m--
            d[n] = tmp[m]
            n++
        }
    }
    *ni = n
    // fraction digits: multiply by 10, the limb above the point is the digit
    let first = -1
    if !emode || !(n == 1 && d[0] == '0') {
        first = 0
    }
    let lowest = 0
    for top > 0 {
        if first >= 0 {
            let keep = *ni + prec
            if emode {
                keep = first + prec + 1
            }
            if n > keep {
                break
            }
        }
        if n >= _NDIG {
            break
        }
        let carry: uint64 = 0
        for let k = lowest; k < top; k++ {
            let cur = cast<uint64>(big[k]) * 10 + carry
            big[k] = cast<uint32>(cur)
            carry = cur >> 32
        }
        d[n] = cast<byte>(carry) + '0'
        if first < 0 && carry != 0 {
            first = n
        }
        n++
        for lowest < top && big[lowest] == 0 {
            lowest++
        }
        if lowest == top {
            break
        }
    }
    let sticky = lowest < top
    let keep = *ni + prec
    if emode {
        if first < 0 {
            first = 0
        }
        keep = first + prec + 1
    }
    if keep > _NDIG {
        keep = _NDIG
    }
    for n < keep {
        d[n] = '0'
        n++
    }
    if n > keep {
        let r = d[keep]
        for let j = keep + 1; j < n; j++ {
            sticky = sticky || d[j] != '0'
        }
        let odd = keep > 0 && (d[keep - 1] - '0') % 2 == 1
        if r > '5' || (r == '5' && (sticky || odd)) {
            let j = keep - 1
            for j >= 0 && d[j] == '9' {
                d[j] = '0'
                j--
            }
            if j >= 0 {
                d[j]++
            } else {
                for let a = keep; a > 0; a-- {
                    d[a] = d[a - 1]
                }
                d[0] = '1'
                *ni += 1
                keep++
            }
        }
    }
    return keep
}

func _fmt_float(s: *_Spec, out: *_Out, x: float64) {
    let bits = bit_cast<uint64>(x)
    let neg = (bits >> 63) != 0
    let upper = s.conv == 'E' || s.conv == 'F' || s.conv == 'G'
    let pre: [1]byte = {}
    let npre = 0
    if neg {
        pre[0] = '-'
        npre = 1
    } else if s.plus {
        pre[0] = '+'
        npre = 1
    } else if s.space {
        pre[0] = ' '
        npre = 1
    }
    if neg {
        x = -x
    }
    if ((bits >> 52) & 0x7ff) == 0x7ff {
        let w = "inf"
        if (bits & 0xfffffffffffff) != 0 {
            w = "nan"
        }
        if upper {
            w = "INF"
            if (bits & 0xfffffffffffff) != 0 {
                w = "NAN"
            }
        }
        s.zero = false
        _emit(s, out, &pre, npre, 0, w, 3)
        return
    }
    let prec = s.prec
    if prec < 0 {
        prec = 6
    }
    if prec > 1000 {
        prec = 1000
    }
    let c = s.conv
    if upper {
        c = c + 32
    }
    let d: [1420]byte = {}
    let body: [1440]byte = {}
    let nb = 0
    let ni = 0
    let strip = false
    let n = 0
    let x10 = 0     // the exponent of the first digit
    let f = 0       // its index in d
    if c == 'g' {
        if prec == 0 {
            prec = 1
        }
        if x == 0.0 {
            for let j = 0; j < prec; j++ {
                d[j] = '0'
            }
            ni = 1
            n = prec
        } else {
            n = _fdigits(x, true, prec - 1, &d, &ni)
        }
        for x != 0.0 && f < n - 1 && d[f] == '0' {
            f++
        }
        x10 = ni - 1 - f
        strip = !s.alt
        if x10 < prec && x10 >= -4 {
            // fixed: the prec significant digits from d[f]
            if x10 >= 0 {
                for let j = 0; j <= x10; j++ {
                    body[nb] = d[f + j]
                    nb++
                }
            } else {
                body[nb] = '0'
                nb++
            }
            body[nb] = '.'
            nb++
            for let j = 0; j < -x10 - 1; j++ {
                body[nb] = '0'
                nb++
            }
            let j0 = x10 + 1
            if j0 < 0 {
                j0 = 0
            }
            for let j = j0; j < prec; j++ {
                body[nb] = d[f + j]
                nb++
            }
            nb = _strip(&body, nb, strip)
            _emit_float(s, out, &pre, npre, &body, nb)
            return
        }
        c = 'e'
        prec--
    } else if c == 'e' {
        if x == 0.0 {
            for let j = 0; j <= prec; j++ {
                d[j] = '0'
            }
            ni = 1
            n = prec + 1
        } else {
            n = _fdigits(x, true, prec, &d, &ni)
        }
        for x != 0.0 && f < n - 1 && d[f] == '0' {
            f++
        }
        x10 = ni - 1 - f
    } else {
        n = _fdigits(x, false, prec, &d, &ni)
        let j = 0
        for j < ni - 1 && d[j] == '0' {
            j++
        }
        for j < ni {
            body[nb] = d[j]
            nb++
            j++
        }
        if prec > 0 || s.alt {
            body[nb] = '.'
            nb++
        }
        for j < n {
            body[nb] = d[j]
            nb++
            j++
        }
        _emit_float(s, out, &pre, npre, &body, nb)
        return
    }
    // d.ddde+XX from d[f]
    body[nb] = d[f]
    nb++
    if prec > 0 || s.alt {
        body[nb] = '.'
        nb++
    }
    for let j = 1; j <= prec; j++ {
        body[nb] = d[f + j]
        nb++
    }
    nb = _strip(&body, nb, strip)
    body[nb] = 'e'
    if upper {
        body[nb] = 'E'
    }
    nb++
    let ex = x10
    body[nb] = '+'
    if ex < 0 {
        body[nb] = '-'
        ex = -ex
    }
    nb++
    if ex >= 100 {
        body[nb] = cast<byte>(ex / 100) + '0'
        nb++
    }
    body[nb] = cast<byte>(ex / 10 % 10) + '0'
    body[nb + 1] = cast<byte>(ex % 10) + '0'
    nb += 2
    _emit_float(s, out, &pre, npre, &body, nb)
}

// %g without #: no trailing zeros after the point, no bare point.
func _strip(body: *byte, nb: int32, strip: bool) int32 {
    if !strip {
        return nb
    }
    let has_point = false
    for let j = 0; j < nb; j++ {
        has_point = has_point || body[j] == '.'
    }
    if !has_point {
        return nb
    }
    for nb > 0 && body[nb - 1] == '0' {
        nb--
    }
    if nb > 0 && body[nb - 1] == '.' {
        nb--
    }
    return nb
}

func _emit_float(s: *_Spec, out: *_Out, pre: *byte, npre: int32, body: *byte, nb: int32) {
    let zeros = 0
    if s.zero && !s.minus && s.width > npre + nb {
        zeros = s.width - npre - nb
    }
    _emit(s, out, pre, npre, zeros, body, nb)
}

// A float conversion through out.ffmt.  A call through a pointer may reach
// C, so the code generator gives it C's stack room (gen/x64/emit.c): here,
// not in _format, so that formatting no float asks for none.
func _float_conv(s: *_Spec, out: *_Out, x: float64) {
    if out.ffmt != null {
        out.ffmt(s, out, x)
    } else {
        // not reached from a program (see the _nf twins below): as unknown
        _putc(out, '%')
        _putc(out, s.conv)
    }
}

// --- the format loop -----------------------------------------------------------
func _is_digit(c: byte) bool {
    return c >= '0' && c <= '9'
}

func _format(out: *_Out, fmt: *byte, ap: *void) int32 {
    let p = fmt
    for *p != 0 {
        if *p != '%' {
            let q = p
            for *q != 0 && *q != '%' {
                q++
            }
            _put(out, p, cast<usize>(q - p))
            p = q
            continue
        }
        p++
        let s = _Spec{prec: -1}
        for {
            let c = *p
            if c == '-' {
                s.minus = true
            } else if c == '+' {
                s.plus = true
            } else if c == ' ' {
                s.space = true
            } else if c == '#' {
                s.alt = true
            } else if c == '0' {
                s.zero = true
            } else {
                break
            }
            p++
        }
        if *p == '*' {
            s.width = va_arg(ap, int32)
            if s.width < 0 {
                s.minus = true
                s.width = -s.width
            }
            p++
        }
        for _is_digit(*p) {
            s.width = s.width * 10 + cast<int32>(*p - '0')
            p++
        }
        if *p == '.' {
            p++
            s.prec = 0
            if *p == '*' {
                s.prec = va_arg(ap, int32)
                if s.prec < 0 {
                    s.prec = -1
                }
                p++
            }
            for _is_digit(*p) {
                s.prec = s.prec * 10 + cast<int32>(*p - '0')
                p++
            }
        }
        // length: 1 hh, 2 h, 0 none, 8 l ll z j t
        let size = 0
        for {
            let c = *p
            if c == 'h' {
                if size == 2 {
                    size = 1
                } else {
                    size = 2
                }
            } else if c == 'l' || c == 'z' || c == 'j' || c == 't' || c == 'L' || c == 'q' {
                size = 8
            } else {
                break
            }
            p++
        }
        s.conv = *p
        if *p == 0 {
            break
        }
        p++
        switch s.conv {
        case 'd', 'i':
            let v: int64 = 0
            if size == 8 {
                v = va_arg(ap, int64)
            } else if size == 1 {
                v = cast<int64>(cast<int8>(va_arg(ap, int32)))
            } else if size == 2 {
                v = cast<int64>(cast<int16>(va_arg(ap, int32)))
            } else {
                v = cast<int64>(va_arg(ap, int32))
            }
            let u = cast<uint64>(v)
            if v < 0 {
                u = 0 - u
            }
            _fmt_int(&s, out, u, v < 0)
        case 'u', 'x', 'X', 'o':
            let u: uint64 = 0
            if size == 8 {
                u = va_arg(ap, uint64)
            } else if size == 1 {
                u = cast<uint64>(cast<uint8>(va_arg(ap, uint32)))
            } else if size == 2 {
                u = cast<uint64>(cast<uint16>(va_arg(ap, uint32)))
            } else {
                u = cast<uint64>(va_arg(ap, uint32))
            }
            _fmt_int(&s, out, u, false)
        case 'p':
            let ptr = va_arg(ap, uint64)
            if ptr == 0 {
                s.zero = false
                s.prec = -1
                _emit(&s, out, "", 0, 0, "(nil)", 5)
            } else {
                s.alt = true
                _fmt_int(&s, out, ptr, false)
            }
        case 'c':
            let ch: [1]byte = {}
            ch[0] = cast<byte>(va_arg(ap, int32))
            s.zero = false
            _emit(&s, out, "", 0, 0, &ch, 1)
        case 's':
            let str = va_arg(ap, *byte)
            if str == null {
                str = "(null)"
                if s.prec >= 0 && s.prec < 6 {
                    str = ""
                }
            }
            let n = 0
            for (s.prec < 0 || n < s.prec) && str[n] != 0 {
                n++
            }
            s.zero = false
            _emit(&s, out, "", 0, 0, str, n)
        case 'f', 'F', 'e', 'E', 'g', 'G':
            _float_conv(&s, out, va_arg(ap, float64))
        case '%':
            _putc(out, '%')
        default:
            // unknown: print it as written
            _putc(out, '%')
            _putc(out, s.conv)
        }
    }
    _flush(out)
    return cast<int32>(out.n)
}

// --- the C functions ----------------------------------------------------------
// Each one formats floats through _fmt_float.  Its _nf twin (printf and
// _printf_nf, ...) passes null instead: the front end calls the twin where
// a program's format is a string literal that converts no float and no
// argument is a float (gen/front/lower.c, nofloat_twin; a printf or
// fprintf the pieces below print calls neither), so a program
// that never formats a float links none of the float formatting
// (ld --gc-sections drops what only the full entry points reach).
func _vdprintf(fd: int32, fmt: *byte, ap: *void, ff: func(*_Spec, *_Out, float64)) int32 {
    let o = _Out{fd: fd, ffmt: ff}
    return _format(&o, fmt, ap)
}

func vdprintf(fd: int32, fmt: *byte, ap: *void) int32 {
    return _vdprintf(fd, fmt, ap, _fmt_float)
}

func dprintf(fd: int32, fmt: *byte, ...) int32 {
    let ap = va_start(fmt)
    let r = _vdprintf(fd, fmt, ap, _fmt_float)
    va_end(ap)
    return r
}

func _dprintf_nf(fd: int32, fmt: *byte, ...) int32 {
    let ap = va_start(fmt)
    let r = _vdprintf(fd, fmt, ap, null)
    va_end(ap)
    return r
}

func _vfprintf(f: *FILE, fmt: *byte, ap: *void, ff: func(*_Spec, *_Out, float64)) int32 {
    let o = _Out{f: f, ffmt: ff}
    _flock(f)
    return _pf_end(f, _format(&o, fmt, ap))
}

// The end of a formatted write to f (lock held): n bytes, or -1 when f
// has an error.
func _pf_end(f: *FILE, n: int32) int32 {
    if (f.flags & _F_ERR) != 0 {
        n = -1
    }
    _funlock(f)
    return n
}

func vfprintf(f: *FILE, fmt: *byte, ap: *void) int32 {
    return _vfprintf(f, fmt, ap, _fmt_float)
}

func fprintf(f: *FILE, fmt: *byte, ...) int32 {
    let ap = va_start(fmt)
    let r = _vfprintf(f, fmt, ap, _fmt_float)
    va_end(ap)
    return r
}

func _fprintf_nf(f: *FILE, fmt: *byte, ...) int32 {
    let ap = va_start(fmt)
    let r = _vfprintf(f, fmt, ap, null)
    va_end(ap)
    return r
}

func vprintf(fmt: *byte, ap: *void) int32 {
    return _vfprintf(stdout, fmt, ap, _fmt_float)
}

func printf(fmt: *byte, ...) int32 {
    let ap = va_start(fmt)
    let r = _vfprintf(stdout, fmt, ap, _fmt_float)
    va_end(ap)
    return r
}

func _printf_nf(fmt: *byte, ...) int32 {
    let ap = va_start(fmt)
    let r = _vfprintf(stdout, fmt, ap, null)
    va_end(ap)
    return r
}

func _vsnprintf(dst: *byte, cap: usize, fmt: *byte, ap: *void, ff: func(*_Spec, *_Out, float64)) int32 {
    let o = _Out{fd: -1, dst: dst, cap: cap, ffmt: ff}
    let r = _format(&o, fmt, ap)
    if cap > 0 {
        let end = o.n
        if end > cap - 1 {
            end = cap - 1
        }
        dst[end] = 0
    }
    return r
}

func vsnprintf(dst: *byte, cap: usize, fmt: *byte, ap: *void) int32 {
    return _vsnprintf(dst, cap, fmt, ap, _fmt_float)
}

func snprintf(dst: *byte, cap: usize, fmt: *byte, ...) int32 {
    let ap = va_start(fmt)
    let r = _vsnprintf(dst, cap, fmt, ap, _fmt_float)
    va_end(ap)
    return r
}

func _snprintf_nf(dst: *byte, cap: usize, fmt: *byte, ...) int32 {
    let ap = va_start(fmt)
    let r = _vsnprintf(dst, cap, fmt, ap, null)
    va_end(ap)
    return r
}

func sprintf(dst: *byte, fmt: *byte, ...) int32 {
    let ap = va_start(fmt)
    let r = _vsnprintf(dst, 0x7fffffffffffffff, fmt, ap, _fmt_float)
    va_end(ap)
    return r
}

func _sprintf_nf(dst: *byte, fmt: *byte, ...) int32 {
    let ap = va_start(fmt)
    let r = _vsnprintf(dst, 0x7fffffffffffffff, fmt, ap, null)
    va_end(ap)
    return r
}

// --- printf with a literal format ------------------------------------------
// The front end lowers printf(LITERAL, ...), fprintf(f, LITERAL, ...) and
// dprintf(fd, LITERAL, ...) (on _pf_dopen's FILE) whose conversions the
// pieces print (d i u x X o c s p %, integers with
// no length or l ll z j t, a width and flags on integers, a width and - on
// %s; f F e E g G with any width, flags and precision: gen/front/lower.c,
// pf_conv) to
//     _flock(f), _fput of each literal run, a piece per conversion, _pf_end
// once every argument is evaluated (printf_pieces), so such a program
// links none of _format.  The bytes are _format's; each piece returns how
// many it wrote.

// The digits of v (its magnitude for d) in base 10 (d u), 8 (o) or 16
// (x X p), written backwards ending at end: the first one.
func _pf_digits(end: *byte, v: int64, conv: byte) *byte {
    let u = cast<uint64>(v)
    if conv == 'd' && v < 0 {
        u = 0 - u
    }
    let base: uint64 = 16
    if conv == 'd' || conv == 'u' {
        base = 10
    } else if conv == 'o' {
        base = 8
    }
    let digits = "0123456789abcdef"
    if conv == 'X' {
        digits = "0123456789ABCDEF"
    }
    let p = end
    for {
        let q = u / base
        p--
        *p = digits[u - q * base]
        u = q
        if u == 0 {
            return p
        }
    }
}

// d (v signed; i comes as d), u, x, X, o or p (v an address)
func _pf_int(f: *FILE, v: int64, conv: byte) int32 {
    let buf: [24]byte = {}
    let end: *byte = &buf
    end += 24
    let p = _pf_digits(end, v, conv)
    if conv == 'p' {
        if v == 0 {
            p = "(nil)"
            end = p + 5
        } else {
            p -= 2
            p[0] = '0'
            p[1] = 'x'
        }
    } else if conv == 'd' && v < 0 {
        p--
        *p = '-'
    }
    _fput(f, p, cast<usize>(end - p))
    return cast<int32>(end - p)
}

// dprintf's FILE for the pieces (in the caller's frame): fd's, unbuffered
// (one write at _pf_end when the call prints up to 256 bytes), never in
// _files
struct _DFile {
    f: FILE
    buf: [256]byte
}

func _pf_dopen(fd: int32, d: *_DFile) *FILE {
    d.f = FILE{fd: fd, flags: _F_OPEN | _F_WRITE | _F_NBF, buf: &d.buf, cap: sizeof(_DFile) - sizeof(FILE)}
    return &d.f
}

// spec of _pf_intw and _pf_sw: the width | the flags
const _PF_MINUS: int32 = 0x10000
const _PF_PLUS: int32 = 0x20000
const _PF_SPACE: int32 = 0x40000
const _PF_ALT: int32 = 0x80000
const _PF_ZERO: int32 = 0x100000

// n bytes c (none when n <= 0)
func _pf_pad(f: *FILE, c: byte, n: int32) {
    for n > 0 {
        _fput(f, &c, 1)
        n--
    }
}

// As _pf_int, with a width and flags (not p)
func _pf_intw(f: *FILE, v: int64, conv: byte, spec: int32) int32 {
    let buf: [24]byte = {}
    let end: *byte = &buf
    end += 24
    let p = _pf_digits(end, v, conv)
    let pre = ""
    if conv == 'd' {
        if v < 0 {
            pre = "-"
        } else if (spec & _PF_PLUS) != 0 {
            pre = "+"
        } else if (spec & _PF_SPACE) != 0 {
            pre = " "
        }
    } else if (spec & _PF_ALT) != 0 {
        if conv == 'o' && *p != '0' {
            p--
            *p = '0'
        } else if conv == 'x' && v != 0 {
            pre = "0x"
        } else if conv == 'X' && v != 0 {
            pre = "0X"
        }
    }
    let npre = std.str.len(pre)
    let n = cast<int32>(npre) + cast<int32>(end - p)
    let fill = (spec & 0xffff) - n
    let mode = spec & (_PF_MINUS | _PF_ZERO)
    if mode == 0 {
        _pf_pad(f, ' ', fill)
    }
    _fput(f, pre, npre)
    if mode == _PF_ZERO {
        _pf_pad(f, '0', fill)
    }
    _fput(f, p, cast<usize>(end - p))
    if (spec & _PF_MINUS) != 0 {
        _pf_pad(f, ' ', fill)
    }
    if fill > 0 {
        return n + fill
    }
    return n
}

// f F e E g G, with the width and flags of spec and precision prec (-1:
// none): _fmt_float, without the format loop
func _pf_float(f: *FILE, x: float64, conv: byte, spec: int32, prec: int32) int32 {
    let s = _Spec{minus: (spec & _PF_MINUS) != 0, plus: (spec & _PF_PLUS) != 0, space: (spec & _PF_SPACE) != 0,
                  alt: (spec & _PF_ALT) != 0, zero: (spec & _PF_ZERO) != 0, width: spec & 0xffff, prec: prec,
                  conv: conv}
    let o = _Out{f: f}
    _fmt_float(&s, &o, x)
    return cast<int32>(o.n)
}

func _pf_c(f: *FILE, c: int32) {
    let b = cast<byte>(c)
    _fput(f, &b, 1)
}

func _pf_s(f: *FILE, s: *byte) int32 {
    if s == null {
        s = "(null)"
    }
    let n = std.str.len(s)
    _fput(f, s, n)
    return cast<int32>(n)
}

// %s with a width, and the flag - or none
func _pf_sw(f: *FILE, s: *byte, spec: int32) int32 {
    if s == null {
        s = "(null)"
    }
    let n = cast<int32>(std.str.len(s))
    let fill = (spec & 0xffff) - n
    if (spec & _PF_MINUS) == 0 {
        _pf_pad(f, ' ', fill)
    }
    _fput(f, s, cast<usize>(n))
    if (spec & _PF_MINUS) != 0 {
        _pf_pad(f, ' ', fill)
    }
    if fill > 0 {
        return n + fill
    }
    return n
}

// --- errno -------------------------------------------------------------------
// One errno for the whole process (not per thread or task): the C layer's
// functions set it on failure; C reads it through __errno_location().
let errno: int32 = 0

func __errno_location() *int32 {
    return &errno
}

// r is a syscall result: set errno from -r when it failed.
func _seterr(r: int64) bool {
    if r < 0 {
        errno = cast<int32>(-r)
        return true
    }
    return false
}

// --- stdio -------------------------------------------------------------------
// A FILE: a descriptor, one buffer used for reading or for writing (dir),
// and a lock (gen/rt/lock.c) held for the whole of each call, so that the
// output of one printf/fputs/fwrite call is never torn by another task's.
// stdout is line buffered when fd 1 is a terminal (ioctl TCGETS succeeds)
// and fully buffered otherwise; stderr is unbuffered: each call's output
// leaves in one write at the end of the call.  The std streams start all
// zero and are set up on first use (_F_OPEN).
//
// Buffers are flushed by fflush, fclose, a full buffer, and at exit:
// arc_c_fini is the runtime's exit hook (gen/rt/exit.c), run by a return
// from main, exit(), arc_exit() and a runtime error (exit status 2).  A
// crash (SIGSEGV, ...) does not flush: the heap may be corrupt, so what
// sits in a buffer is lost; fflush(stdout) or stderr before a risky step.
struct FILE {
    lock: int32
    fd: int32
    flags: int32
    dir: int32       // 0 idle, 1 reading, 2 writing
    buf: *byte
    cap: usize
    rpos: usize      // reading: the next byte, and the end of the data
    rend: usize
    wpos: usize      // writing: bytes buffered
    next: *FILE      // every FILE that may hold output (_files)
}

const _F_READ: int32 = 1
const _F_WRITE: int32 = 2
const _F_EOF: int32 = 4
const _F_ERR: int32 = 8
const _F_LBF: int32 = 16
const _F_NBF: int32 = 32
const _F_NL: int32 = 64      // line buffered and a newline went in: flush at unlock
const _F_OPEN: int32 = 128
const _F_STD: int32 = 256
const _F_APPEND: int32 = 512   // O_APPEND: every write goes to the end
const _BUFSIZ: usize = 4096

let _stdin_f: FILE = {}
let _stdout_f: FILE = {}
let _stderr_f: FILE = {}
let stdin: *FILE = &_stdin_f
let stdout: *FILE = &_stdout_f
let stderr: *FILE = &_stderr_f
let _stdin_buf: [4096]byte = {}
let _stdout_buf: [4096]byte = {}
let _stderr_buf: [1024]byte = {}
let _files: *FILE = &_stdout_f    // stdout is in the list from the start
let _files_lock: int32 = 0

extern c {
    func arc_lock(w: *int32)
    func arc_unlock(w: *int32)
}

func _link(f: *FILE) {
    arc_lock(&_files_lock)
    f.next = _files
    _files = f
    arc_unlock(&_files_lock)
}

func _unlink(f: *FILE) {
    arc_lock(&_files_lock)
    let pp: **FILE = &_files
    for *pp != null {
        let p = *pp
        if p == f {
            *pp = f.next
            break
        }
        pp = &p.next
    }
    arc_unlock(&_files_lock)
}

func _std_setup(f: *FILE) {
    f.flags = _F_OPEN | _F_STD | _F_WRITE
    f.cap = sizeof(_stdout_buf)     // stdin's is as large
    if f == &_stdin_f {
        f.flags = _F_OPEN | _F_STD | _F_READ     // fd 0
        f.buf = &_stdin_buf
    } else if f == &_stdout_f {
        f.fd = 1
        f.buf = &_stdout_buf
        let tio: [64]byte = {}   // the kernel's struct termios (36 bytes)
        if syscall(linux.SYS_ioctl, 1, linux.TCGETS, cast<int64>(&tio)) == 0 {
            f.flags |= _F_LBF
        }
    } else {
        f.fd = 2
        f.flags |= _F_NBF
        f.buf = &_stderr_buf
        f.cap = sizeof(_stderr_buf)
    }
}

func _flock(f: *FILE) {
    arc_lock(&f.lock)
    if (f.flags & _F_OPEN) == 0 {
        _std_setup(f)
    }
}

func _funlock(f: *FILE) {
    if f.wpos > 0 && (f.flags & (_F_NBF | _F_NL)) != 0 {
        _fflush_locked(f)
    }
    f.flags &= ~_F_NL
    arc_unlock(&f.lock)
}

// Write out what is buffered, or give back what was read ahead (the
// descriptor's offset moves back to what the program has consumed).
func _fflush_locked(f: *FILE) int32 {
    let r = 0
    if f.dir == 2 && f.wpos > 0 {
        let w = _write_all(f.fd, f.buf, f.wpos)
        f.wpos = 0
        if _seterr(w) {
            f.flags |= _F_ERR
            r = -1
        }
    } else if f.dir == 1 && f.rend > f.rpos {
        syscall(linux.SYS_lseek, cast<int64>(f.fd), -cast<int64>(f.rend - f.rpos), linux.SEEK_CUR)
    }
    f.rpos = 0
    f.rend = 0
    f.dir = 0
    return r
}

// Append n bytes to f's output (lock held).
func _fput(f: *FILE, p: *byte, n: usize) bool {
    if (f.flags & _F_WRITE) == 0 {
        errno = cast<int32>(linux.EBADF)    // as glibc
        f.flags |= _F_ERR
        return false
    }
    if f.dir != 2 {
        _fflush_locked(f)
        f.dir = 2
    }
    if (f.flags & _F_LBF) != 0 {
        for let i: usize = 0; i < n; i++ {
            if p[i] == 10 {
                f.flags |= _F_NL
                break
            }
        }
    }
    if f.wpos + n > f.cap {
        if _fflush_locked(f) != 0 {
            return false
        }
        f.dir = 2
        if n >= f.cap {
            if _seterr(_write_all(f.fd, p, n)) {
                f.flags |= _F_ERR
                return false
            }
            return true
        }
    }
    std.mem.copy(f.buf + f.wpos, p, n)
    f.wpos += n
    return true
}

// Refill the read buffer (lock held): bytes read, 0 at the end, -1.
func _fill(f: *FILE) int64 {
    if (f.flags & _F_READ) == 0 {
        errno = cast<int32>(linux.EBADF)
        f.flags |= _F_ERR
        return -1
    }
    if f.dir != 1 {
        if _fflush_locked(f) != 0 {
            return -1
        }
        f.dir = 1
    }
    f.rpos = 0
    f.rend = 0
    if f == &_stdin_f && (_stdout_f.flags & _F_LBF) != 0 {
        // a prompt printed without a newline shows before stdin blocks
        // (as glibc: line-buffered stdout is flushed when stdin reads)
        arc_lock(&_stdout_f.lock)
        _fflush_locked(&_stdout_f)
        arc_unlock(&_stdout_f.lock)
    }
    let r = _read(f.fd, f.buf, f.cap)
    if r == 0 {
        f.flags |= _F_EOF
    } else if _seterr(r) {
        f.flags |= _F_ERR
        return -1
    } else {
        f.rend = cast<usize>(r)
    }
    return r
}

func _read(fd: int32, p: *byte, n: usize) int64 {
    for {
        let r = syscall(linux.SYS_read, cast<int64>(fd), cast<int64>(p), cast<int64>(n))
        if r != -linux.EINTR {
            return r
        }
    }
}

func _getc(f: *FILE) int32 {
    if f.dir != 1 || f.rpos >= f.rend {
        if _fill(f) <= 0 {
            return -1
        }
    }
    let c = f.buf[f.rpos]
    f.rpos++
    return cast<int32>(c)
}

// fopen's mode: open(2) flags, or -1.  r w a, then b + x e in any order.
func _mode_flags(mode: *byte) int32 {
    let fl = linux.O_RDONLY
    if mode[0] == 'r' {
        fl = linux.O_RDONLY
    } else if mode[0] == 'w' {
        fl = linux.O_WRONLY | linux.O_CREAT | linux.O_TRUNC
    } else if mode[0] == 'a' {
        fl = linux.O_WRONLY | linux.O_CREAT | linux.O_APPEND
    } else {
        return -1
    }
    for let i = 1; mode[i] != 0; i++ {
        if mode[i] == '+' {
            fl = (fl & ~linux.O_ACCMODE) | linux.O_RDWR
        } else if mode[i] == 'x' {
            fl |= linux.O_EXCL
        } else if mode[i] == 'e' {
            fl |= linux.O_CLOEXEC
        }
    }
    return cast<int32>(fl)
}

func _fnew(fd: int32, fl: int32) *FILE {
    // the FILE and its buffer: one block
    let f = cast<*FILE>(arc_calloc(1, sizeof(FILE) + _BUFSIZ))
    if f == null {
        errno = cast<int32>(linux.ENOMEM)
        return null
    }
    f.buf = cast<*byte>(f + 1)
    f.cap = _BUFSIZ
    f.fd = fd
    f.flags = _F_OPEN | _F_READ | _F_WRITE
    let acc = cast<int64>(fl) & linux.O_ACCMODE
    if acc == linux.O_RDONLY {
        f.flags = _F_OPEN | _F_READ
    } else if acc == linux.O_WRONLY {
        f.flags = _F_OPEN | _F_WRITE
    }
    if (cast<int64>(fl) & linux.O_APPEND) != 0 {
        f.flags |= _F_APPEND
    }
    _link(f)
    return f
}

func fopen(path: *byte, mode: *byte) *FILE {
    let fl = _mode_flags(mode)
    if fl < 0 {
        errno = cast<int32>(linux.EINVAL)
        return null
    }
    let fd = syscall(linux.SYS_openat, linux.AT_FDCWD, cast<int64>(path), cast<int64>(fl), 0o666)
    if _seterr(fd) {
        return null
    }
    let f = _fnew(cast<int32>(fd), fl)
    if f == null {
        syscall(linux.SYS_close, fd)
    } else if (fl & 0x403) == 0x401 {
        syscall(linux.SYS_lseek, fd, 0, linux.SEEK_END)    // "a": ftell starts at the end (glibc)
    }
    return f
}

func fdopen(fd: int32, mode: *byte) *FILE {
    let fl = _mode_flags(mode)
    if fl < 0 {
        errno = cast<int32>(linux.EINVAL)
        return null
    }
    return _fnew(fd, fl)
}

func fclose(f: *FILE) int32 {
    _flock(f)
    let r = _fflush_locked(f)
    arc_unlock(&f.lock)
    if (f.flags & _F_STD) == 0 || f == &_stdout_f {
        _unlink(f)
    }
    if _seterr(syscall(linux.SYS_close, cast<int64>(f.fd))) {
        r = -1
    }
    if (f.flags & _F_STD) == 0 {
        arc_free(f)
    } else {
        f.fd = -1
    }
    return r
}

// fflush(NULL) flushes every FILE with output.
func fflush(f: *FILE) int32 {
    if f == null {
        return _flush_all()
    }
    _flock(f)
    let r = _fflush_locked(f)
    _funlock(f)
    return r
}

func _flush_all() int32 {
    let r = 0
    arc_lock(&_files_lock)
    for let p = _files; p != null; p = p.next {
        arc_lock(&p.lock)
        if p.dir == 2 && _fflush_locked(p) != 0 {
            r = -1
        }
        arc_unlock(&p.lock)
    }
    arc_unlock(&_files_lock)
    return r
}

// The runtime's exit hook (gen/rt/exit.c): flush every FILE.
func arc_c_fini() {
    _flush_all()
}

func fread(p: *void, size: usize, n: usize, f: *FILE) usize {
    let want = size * n
    if want == 0 {
        return 0
    }
    let dst = cast<*byte>(p)
    let got: usize = 0
    _flock(f)
    for got < want {
        if f.dir == 1 && f.rpos < f.rend {
            let k = f.rend - f.rpos
            if k > want - got {
                k = want - got
            }
            std.mem.copy(dst + got, f.buf + f.rpos, k)
            f.rpos += k
            got += k
        } else if want - got >= _BUFSIZ {
            // a large read goes straight to the caller's memory
            if f.dir != 1 {
                _fflush_locked(f)
                f.dir = 1
            }
            let r = _read(f.fd, dst + got, want - got)
            if r == 0 {
                f.flags |= _F_EOF
                break
            }
            if _seterr(r) {
                f.flags |= _F_ERR
                break
            }
            got += cast<usize>(r)
        } else if _fill(f) <= 0 {
            break
        }
    }
    _funlock(f)
    return got / size
}

func fwrite(p: *void, size: usize, n: usize, f: *FILE) usize {
    let total = size * n
    if total == 0 {
        return 0
    }
    _flock(f)
    let ok = _fput(f, cast<*byte>(p), total)
    _funlock(f)
    if !ok {
        return 0
    }
    return n
}

func fgetc(f: *FILE) int32 {
    _flock(f)
    let c = _getc(f)
    _funlock(f)
    return c
}

func getc(f: *FILE) int32 {
    return fgetc(f)
}

func getchar() int32 {
    return fgetc(stdin)
}

func fgets(s: *byte, n: int32, f: *FILE) *byte {
    if n <= 0 {
        return null
    }
    if n == 1 {
        s[0] = 0        // room for the NUL only (glibc)
        return s
    }
    let i = 0
    _flock(f)
    for i < n - 1 {
        let c = _getc(f)
        if c < 0 {
            break
        }
        s[i] = cast<byte>(c)
        i++
        if c == 10 {
            break
        }
    }
    let bad = (f.flags & _F_ERR) != 0
    _funlock(f)
    if i == 0 || bad {
        return null
    }
    s[i] = 0
    return s
}

// ungetc: c goes back in front of the unread input (at least one byte).
func ungetc(c: int32, f: *FILE) int32 {
    if c < 0 {
        return -1
    }
    _flock(f)
    if f.dir != 1 {
        _fflush_locked(f)
        f.dir = 1
    }
    let r = c & 255
    if f.rpos > 0 {
        f.rpos--
    } else if f.rend < f.cap {
        memmove(f.buf + 1, f.buf, f.rend)
        f.rend++
    } else {
        r = -1
    }
    if r >= 0 {
        f.buf[f.rpos] = cast<byte>(c)
        f.flags &= ~_F_EOF
    }
    _funlock(f)
    return r
}

func remove(path: *byte) int32 {
    let r = syscall(linux.SYS_unlink, cast<int64>(path))
    if r == -linux.EISDIR {
        r = syscall(linux.SYS_rmdir, cast<int64>(path))       // a directory
    }
    if _seterr(r) {
        return -1
    }
    return 0
}

func rename(from: *byte, to: *byte) int32 {
    if _seterr(syscall(linux.SYS_rename, cast<int64>(from), cast<int64>(to))) {
        return -1
    }
    return 0
}

func fputc(c: int32, f: *FILE) int32 {
    let b: [1]byte = {}
    b[0] = cast<byte>(c)
    _flock(f)
    let ok = _fput(f, &b, 1)
    _funlock(f)
    if !ok {
        return -1
    }
    return c & 255
}

func putc(c: int32, f: *FILE) int32 {
    return fputc(c, f)
}

func putchar(c: int32) int32 {
    return fputc(c, stdout)
}

func fputs(s: *byte, f: *FILE) int32 {
    _flock(f)
    let ok = _fput(f, s, std.str.len(s))
    _funlock(f)
    if !ok {
        return -1
    }
    return 1
}

func puts(s: *byte) int32 {
    let f = stdout
    let n = std.str.len(s)
    _flock(f)
    let ok = _fput(f, s, n) && _fput(f, "\n", 1)
    _funlock(f)
    if !ok {
        return -1
    }
    return cast<int32>(n + 1)
}

func fseek(f: *FILE, off: int64, whence: int32) int32 {
    _flock(f)
    // the flush gives back the read-ahead first, so SEEK_CUR is relative
    // to what the program has consumed, and a failed seek moves nothing
    let r = _fflush_locked(f)
    if r == 0 {
        if _seterr(syscall(linux.SYS_lseek, cast<int64>(f.fd), off, cast<int64>(whence))) {
            r = -1
        } else {
            f.flags &= ~_F_EOF
        }
    }
    _funlock(f)
    return r
}

func ftell(f: *FILE) int64 {
    _flock(f)
    let whence = linux.SEEK_CUR
    if f.dir == 2 && f.wpos > 0 && (f.flags & _F_APPEND) != 0 {
        whence = linux.SEEK_END    // the buffered bytes will land at the end
    }
    let r = syscall(linux.SYS_lseek, cast<int64>(f.fd), 0, whence)
    if _seterr(r) {
        r = -1
    } else if f.dir == 1 {
        r -= cast<int64>(f.rend - f.rpos)
    } else if f.dir == 2 {
        r += cast<int64>(f.wpos)
    }
    _funlock(f)
    return r
}

func rewind(f: *FILE) {
    fseek(f, 0, 0)
    clearerr(f)
}

func feof(f: *FILE) int32 {
    return f.flags & _F_EOF
}

func ferror(f: *FILE) int32 {
    return f.flags & _F_ERR
}

func clearerr(f: *FILE) {
    _flock(f)
    f.flags &= ~(_F_EOF | _F_ERR)
    _funlock(f)
}

func fileno(f: *FILE) int32 {
    _flock(f)
    let fd = f.fd
    _funlock(f)
    return fd
}

// setvbuf: mode 0 full, 1 line, 2 no buffering; buf and size are ignored
// (the FILE keeps its own buffer: 4 KiB, stderr's 1 KiB).
func setvbuf(f: *FILE, buf: *byte, mode: int32, size: usize) int32 {
    _flock(f)
    f.flags &= ~(_F_LBF | _F_NBF)
    if mode == 1 {
        f.flags |= _F_LBF
    } else if mode == 2 {
        f.flags |= _F_NBF
    }
    _funlock(f)
    return 0
}

// --- time --------------------------------------------------------------------
// The sleeps park only the calling task, for at least the whole
// duration, in the runtime's timer heap (arc_sleep: gen/rt/poll.c); the
// worker thread runs other tasks meanwhile.  A bad timespec is EINVAL.
extern c {
    func arc_sleep(ns: int64) int64
}

struct _Timespec {
    sec: int64
    nsec: int64
}

func _sleep(t: *_Timespec) int64 {
    if t.sec < 0 || t.nsec < 0 || t.nsec >= 1000000000 {
        return -linux.EINVAL
    }
    let ns: int64 = 0x7fffffffffffffff
    if t.sec < 9223372035 {
        ns = t.sec * 1000000000 + t.nsec
    }
    if ns == 0 {
        return 0
    }
    return arc_sleep(ns)
}

func nanosleep(req: *_Timespec, rem: *_Timespec) int32 {
    let t = *req
    if _seterr(_sleep(&t)) {
        return -1
    }
    if rem != null {
        rem.sec = 0
        rem.nsec = 0
    }
    return 0
}

func sleep(s: uint32) uint32 {
    let t = _Timespec{sec: cast<int64>(s)}
    _sleep(&t)
    return 0
}

func usleep(us: uint32) int32 {
    let t = _Timespec{sec: cast<int64>(us / 1000000), nsec: cast<int64>(us % 1000000) * 1000}
    if _seterr(_sleep(&t)) {
        return -1
    }
    return 0
}

// --- process -----------------------------------------------------------------
extern c {
    func arc_rt_getenv(name_eq: *byte) *byte
}

func getenv(name: *byte) *byte {
    let n = std.str.len(name)
    let key: [256]byte = {}
    if n == 0 || n > 254 {
        return null
    }
    for let i: usize = 0; i < n; i++ {
        if name[i] == '=' {
            return null
        }
        key[i] = name[i]
    }
    key[n] = '='
    return arc_rt_getenv(&key)
}

// abort: SIGABRT to the process (default action: it dies by the signal,
// without flushing stdio).
func abort() {
    syscall(linux.SYS_kill, syscall(linux.SYS_getpid), linux.SIGABRT)
    syscall(linux.SYS_exit_group, 127)
}

// --- strings -----------------------------------------------------------------
func strcmp(a: *byte, b: *byte) int32 {
    let i: usize = 0
    for a[i] != 0 && a[i] == b[i] {
        i++
    }
    return cast<int32>(a[i]) - cast<int32>(b[i])
}

func strncmp(a: *byte, b: *byte, n: usize) int32 {
    for let i: usize = 0; i < n; i++ {
        if a[i] != b[i] || a[i] == 0 {
            return cast<int32>(a[i]) - cast<int32>(b[i])
        }
    }
    return 0
}

func strcpy(d: *byte, s: *byte) *byte {
    let i: usize = 0
    for {
        d[i] = s[i]
        if s[i] == 0 {
            return d
        }
        i++
    }
}

// strncpy: copies at most n bytes and pads with NULs up to n (C's rule).
func strncpy(d: *byte, s: *byte, n: usize) *byte {
    let i: usize = 0
    for i < n && s[i] != 0 {
        d[i] = s[i]
        i++
    }
    for i < n {
        d[i] = 0
        i++
    }
    return d
}

func strcat(d: *byte, s: *byte) *byte {
    strcpy(d + std.str.len(d), s)
    return d
}

func strchr(s: *byte, c: int32) *byte {
    let ch = cast<byte>(c)
    for {
        if *s == ch {
            return s
        }
        if *s == 0 {
            return null
        }
        s++
    }
}

func strrchr(s: *byte, c: int32) *byte {
    let ch = cast<byte>(c)
    let last: *byte = null
    for {
        if *s == ch {
            last = s
        }
        if *s == 0 {
            return last
        }
        s++
    }
}

func strstr(h: *byte, n: *byte) *byte {
    let m = std.str.len(n)
    for {
        if strncmp(h, n, m) == 0 {
            return h
        }
        if *h == 0 {
            return null
        }
        h++
    }
}

func strdup(s: *byte) *byte {
    let n = std.str.len(s) + 1
    let d = cast<*byte>(arc_alloc(n))
    if d == null {
        errno = cast<int32>(linux.ENOMEM)
        return null
    }
    std.mem.copy(d, s, n)
    return d
}

func memchr(p: *void, c: int32, n: usize) *void {
    let b = cast<*byte>(p)
    for let i: usize = 0; i < n; i++ {
        if b[i] == cast<byte>(c) {
            return b + i
        }
    }
    return null
}

// C's names for the memory and string built-ins (rep movsb, rep stosb,
// repe cmpsb, repne scasb), for C code and for gcc, which may call them
// itself; Arc code here gets the built-ins inline (std.mem, std.str).
func memcpy(d: *void, s: *void, n: usize) *void {
    std.mem.copy(d, s, n)
    return d
}

func memset(d: *void, c: int32, n: usize) *void {
    std.mem.set(d, cast<byte>(c), n)
    return d
}

// the sign of the first differing byte's difference, as unsigned chars
func memcmp(a: *void, b: *void, n: usize) int32 {
    return std.mem.cmp(a, b, n)
}

func strlen(s: *byte) usize {
    return std.str.len(s)
}

// memmove: overlapping ranges copy as if through a temporary.
func memmove(d: *void, s: *void, n: usize) *void {
    let dp = cast<*byte>(d)
    let sp = cast<*byte>(s)
    if cast<uint64>(dp) <= cast<uint64>(sp) || cast<uint64>(dp) >= cast<uint64>(sp) + n {
        for let i: usize = 0; i < n; i++ {
            dp[i] = sp[i]
        }
    } else {
        for let i = n; i > 0; i-- {
            dp[i - 1] = sp[i - 1]
        }
    }
    return d
}

// --- math ------------------------------------------------------------------------
// <math.h>'s exactly rounded functions, bit for bit as glibc (and musl,
// but for a signalling NaN, which glibc and these return quieted and
// musl's floor, ceil, trunc and round unchanged; tests/libc/math_exact.c
// checks a million inputs each): sqrt is one sqrtsd (std.math.sqrt, the
// sqrt built-in of Arc code), the others work on the bits.  The float
// versions go through float64, which holds every float32 result exactly.
const _SIGN: uint64 = 0x8000000000000000
const _FRAC: uint64 = 0xfffffffffffff
const _HIDDEN: uint64 = 0x10000000000000
const _DEFAULT_NAN: uint64 = 0xfff8000000000000    // what an invalid operation gives on x86

func fabs(x: float64) float64 {
    return bit_cast<float64>(bit_cast<uint64>(x) & ~_SIGN)
}

func trunc(x: float64) float64 {
    let u = bit_cast<uint64>(x)
    let e = cast<int32>((u >> 52) & 0x7ff) - 1023
    if e == 1024 {
        return x + x        // NaN (quieted) or infinity
    }
    if e >= 52 {
        return x
    }
    if e < 0 {
        return bit_cast<float64>(u & _SIGN)
    }
    return bit_cast<float64>(u & ~(_FRAC >> cast<uint64>(e)))
}

func floor(x: float64) float64 {
    let t = trunc(x)
    if t > x {
        return t - 1.0
    }
    return t
}

func ceil(x: float64) float64 {
    let t = trunc(x)
    if t < x {
        return t + 1.0
    }
    return t
}

// half way cases away from zero; x - trunc(x) is exact
func round(x: float64) float64 {
    let t = trunc(x)
    let d = x - t
    if d >= 0.5 {
        return t + 1.0
    }
    if d <= -0.5 {
        return t - 1.0
    }
    return t
}

// x - n*y for the n that truncates x/y, exactly: long division of the
// significands, one bit of the quotient a step.
func fmod(x: float64, y: float64) float64 {
    let ux = bit_cast<uint64>(x)
    let uy = bit_cast<uint64>(y)
    let ex = cast<int32>((ux >> 52) & 0x7ff)
    let ey = cast<int32>((uy >> 52) & 0x7ff)
    if x != x || y != y {
        if x != x {
            return bit_cast<float64>(ux | 0x8000000000000)   // x, quieted
        }
        return bit_cast<float64>(uy | 0x8000000000000)
    }
    if (uy << 1) == 0 || ex == 0x7ff {
        return bit_cast<float64>(_DEFAULT_NAN)
    }
    if (ux << 1) <= (uy << 1) {
        if (ux << 1) == (uy << 1) {
            return 0.0 * x              // 0 with x's sign
        }
        return x
    }
    // significands in [2^52, 2^53), value = m * 2^(e - 1075)
    let mx = ux & _FRAC
    let my = uy & _FRAC
    if ex == 0 {
        ex = 1
        for mx < _HIDDEN {
            mx <<= 1
            ex--
        }
    } else {
        mx |= _HIDDEN
    }
    if ey == 0 {
        ey = 1
        for my < _HIDDEN {
            my <<= 1
            ey--
        }
    } else {
        my |= _HIDDEN
    }
    for ex > ey {
        if mx >= my {
            mx -= my
            if mx == 0 {
                return 0.0 * x
            }
        }
        mx <<= 1
        ex--
    }
    if mx >= my {
        mx -= my
        if mx == 0 {
            return 0.0 * x
        }
    }
    for mx < _HIDDEN {
        mx <<= 1
        ex--
    }
    let r: uint64 = 0
    if ex > 0 {
        r = (mx - _HIDDEN) | (cast<uint64>(ex) << 52)
    } else {
        r = mx >> cast<uint64>(1 - ex)
    }
    return bit_cast<float64>(r | (ux & _SIGN))
}

func sqrt(x: float64) float64 {
    return std.math.sqrt(x)
}

func sqrtf(x: float32) float32 {
    return std.math.sqrt(x)
}

func fabsf(x: float32) float32 {
    return bit_cast<float32>(bit_cast<uint32>(x) & 0x7fffffff)
}

func truncf(x: float32) float32 {
    return cast<float32>(trunc(cast<float64>(x)))
}

func floorf(x: float32) float32 {
    return cast<float32>(floor(cast<float64>(x)))
}

func ceilf(x: float32) float32 {
    return cast<float32>(ceil(cast<float64>(x)))
}

func roundf(x: float32) float32 {
    return cast<float32>(round(cast<float64>(x)))
}

func fmodf(x: float32, y: float32) float32 {
    return cast<float32>(fmod(cast<float64>(x), cast<float64>(y)))
}

// --- math: the transcendental functions ----------------------------------------
// sin cos tan atan atan2 exp log log2 log10 pow: within 1 ulp of musl
// (tests/libc/math_ulp.c checks a million inputs each, and the edge cases).
// They work in double-double arithmetic (a value is hi + lo, |lo| <= ulp(hi)/2):
// Dekker's exact sum and product (T. J. Dekker, "A floating-point technique
// for extending the available precision", 1971; Knuth, TAOCP 2, 4.2.2),
// Veltkamp's splitting, and Taylor's series whose coefficients
// stdlib_arc/math_consts.py computes from exact rationals.  The float
// versions go through the float64 ones (one rounding of a result good to
// far better than float32's half ulp).
// --- generated by stdlib_arc/math_consts.py: do not edit by hand ---
const _LN2_1: float64 = 0.6931471805598903
const _LN2_2: float64 = 5.497923018708371e-14
const _INVLN2: float64 = 1.4426950408889634
const _INVLN2_HI: float64 = 1.4426950408889634
const _INVLN2_LO: float64 = 2.0355273740931033e-17
const _INVLN10_HI: float64 = 0.4342944819032518
const _INVLN10_LO: float64 = 1.098319650216765e-17
const _LN2_HI: float64 = 0.6931471805599453
const _LN2_LO: float64 = 2.3190468138462996e-17
const _PIO2_1: float64 = 1.5707963267341256
const _PIO2_2: float64 = 6.077100506303966e-11
const _PIO2_3: float64 = 2.0222662487959506e-21
const _INVPIO2: float64 = 0.6366197723675814
const _PIO2_HI: float64 = 1.5707963267948966
const _PIO2_LO: float64 = 6.123233995736766e-17
const _PI_HI: float64 = 3.141592653589793
const _PI_LO: float64 = 1.2246467991473532e-16
const _PIO6_HI: float64 = 0.5235987755982989
const _PIO6_LO: float64 = -5.360408832255455e-17
const _INVSQRT3_HI: float64 = 0.5773502691896257
const _INVSQRT3_LO: float64 = 3.3450280739356345e-17
const _PIO4: float64 = 0.7853981633974483
const _PI3O4: float64 = 2.356194490192345
const _LG3_HI: float64 = 0.6666666666666666
const _LG3_LO: float64 = 3.700743415417188e-17
const _LG5_HI: float64 = 0.4
const _LG5_LO: float64 = -2.2204460492503132e-17
const _LG7: float64 = 0.2857142857142857
const _LG9: float64 = 0.2222222222222222
const _LG11: float64 = 0.18181818181818182
const _LG13: float64 = 0.15384615384615385
const _LG15: float64 = 0.13333333333333333
const _LG17: float64 = 0.11764705882352941
const _LG19: float64 = 0.10526315789473684
const _LG21: float64 = 0.09523809523809523
const _LG23: float64 = 0.08695652173913043
const _LG25: float64 = 0.08
const _LG27: float64 = 0.07407407407407407
const _EXP2: float64 = 0.5
const _EXP3: float64 = 0.16666666666666666
const _EXP4: float64 = 0.041666666666666664
const _EXP5: float64 = 0.008333333333333333
const _EXP6: float64 = 0.001388888888888889
const _EXP7: float64 = 0.0001984126984126984
const _EXP8: float64 = 2.48015873015873e-05
const _EXP9: float64 = 2.7557319223985893e-06
const _EXP10: float64 = 2.755731922398589e-07
const _EXP11: float64 = 2.505210838544172e-08
const _EXP12: float64 = 2.08767569878681e-09
const _EXP13: float64 = 1.6059043836821613e-10
const _EXP14: float64 = 1.1470745597729725e-11
const _SIN3: float64 = -0.16666666666666666
const _SIN5: float64 = 0.008333333333333333
const _SIN7: float64 = -0.0001984126984126984
const _SIN9: float64 = 2.7557319223985893e-06
const _SIN11: float64 = -2.505210838544172e-08
const _SIN13: float64 = 1.6059043836821613e-10
const _SIN15: float64 = -7.647163731819816e-13
const _SIN17: float64 = 2.8114572543455206e-15
const _COS4: float64 = 0.041666666666666664
const _COS6: float64 = -0.001388888888888889
const _COS8: float64 = 2.48015873015873e-05
const _COS10: float64 = -2.755731922398589e-07
const _COS12: float64 = 2.08767569878681e-09
const _COS14: float64 = -1.1470745597729725e-11
const _COS16: float64 = 4.779477332387385e-14
const _COS18: float64 = -1.5619206968586225e-16
const _ATAN3: float64 = -0.3333333333333333
const _ATAN5: float64 = 0.2
const _ATAN7: float64 = -0.14285714285714285
const _ATAN9: float64 = 0.1111111111111111
const _ATAN11: float64 = -0.09090909090909091
const _ATAN13: float64 = 0.07692307692307693
const _ATAN15: float64 = -0.06666666666666667
const _ATAN17: float64 = 0.058823529411764705
const _ATAN19: float64 = -0.05263157894736842
const _ATAN21: float64 = 0.047619047619047616
const _ATAN23: float64 = -0.043478260869565216
const _ATAN25: float64 = 0.04
const _ATAN27: float64 = -0.037037037037037035
const _ATAN29: float64 = 0.034482758620689655
let _TWO_OVER_PI: [40]uint32 = {
    0xa2f9836e, 0x4e441529, 0xfc2757d1, 0xf534ddc0, 0xdb629599,
    0x3c439041, 0xfe5163ab, 0xdebbc561, 0xb7246e3a, 0x424dd2e0,
    0x06492eea, 0x09d1921c, 0xfe1deb1c, 0xb129a73e, 0xe88235f5,
    0x2ebb4484, 0xe99c7026, 0xb45f7e41, 0x3991d639, 0x835339f4,
    0x9c845f8b, 0xbdf9283b, 0x1ff897ff, 0xde05980f, 0xef2f118b,
    0x5a0a6d1f, 0x6d367ecf, 0x27cb09b7, 0x4f463f66, 0x9e5fea2d,
    0x7527bac7, 0xebe5f17b, 0x3d0739f7, 0x8a5292ea, 0x6bfb5fb1,
    0x1f8d5d08, 0x56033046, 0xfc7b6bab, 0xf0cfbc20, 0x9af4361d,
}
// --- end of generated constants ---

// a + b = s + e exactly (Knuth's TwoSum, any a, b)
func _m_two_sum(a: float64, b: float64) (float64, float64) {
    let s = a + b
    let bb = s - a
    return (s, (a - (s - bb)) + (b - bb))
}

// a + b = s + e exactly when |a| >= |b| (Dekker's Fast2Sum)
func _m_fast_sum(a: float64, b: float64) (float64, float64) {
    let s = a + b
    return (s, b - (s - a))
}

// a * b = p + e exactly (Dekker's product: Veltkamp splits each factor in
// two halves of 26 bits, whose products are exact); |a|, |b| < 2^995
func _m_two_prod(a: float64, b: float64) (float64, float64) {
    let p = a * b
    let ca = 134217729.0 * a        // 2^27 + 1
    let ah = ca - (ca - a)
    let al = a - ah
    let cb = 134217729.0 * b
    let bh = cb - (cb - b)
    let bl = b - bh
    return (p, ((ah * bh - p) + ah * bl + al * bh) + al * bl)
}

func _m_dd_add(ah: float64, al: float64, bh: float64, bl: float64) (float64, float64) {
    let (s, e) = _m_two_sum(ah, bh)
    return _m_fast_sum(s, e + (al + bl))
}

func _m_dd_mul(ah: float64, al: float64, bh: float64, bl: float64) (float64, float64) {
    let (p, e) = _m_two_prod(ah, bh)
    return _m_fast_sum(p, e + (ah * bl + al * bh))
}

// (ah + al) / (bh + bl): one quotient, corrected by the exact remainder
func _m_dd_div(ah: float64, al: float64, bh: float64, bl: float64) (float64, float64) {
    let q = ah / bh
    let (p, e) = _m_two_prod(q, bh)
    return _m_fast_sum(q, (((ah - p) - e) + al - q * bl) / bh)
}

// 2^k, -1022 <= k <= 1023
func _m_pow2(k: int32) float64 {
    return bit_cast<float64>(cast<uint64>(k + 1023) << 52)
}

// x rounded to the nearest integer (halves away from zero), |x| < 2^31
func _m_nearest(x: float64) int32 {
    if x < 0.0 {
        return cast<int32>(x - 0.5)
    }
    return cast<int32>(x + 0.5)
}

// e^(xh + xl), |xl| <= ulp(xh).  Cody and Waite's reduction (W. J. Cody,
// W. Waite, "Software Manual for the Elementary Functions", 1980, ch. 6):
// x = k ln2 + r, |r| <= ln2/2 (+ a rounding), k ln2 subtracted in two parts
// (k * _LN2_1 exact); e^r by Taylor's series to r^14 (the first term left
// out is below 2^-62 relative), 1 + r summed exactly, so the one rounding
// that counts is the last; then 2^k.
func _m_exp_dd(xh: float64, xl: float64) float64 {
    if xh > 709.8 {
        return _m_pow2(1023) * 2.0          // overflow: +inf
    }
    if xh < -745.2 {
        return 0.0                          // below half the least subnormal
    }
    let k = _m_nearest(xh * _INVLN2)
    let kf = cast<float64>(k)
    let (rh, rl) = _m_two_sum(xh - kf * _LN2_1, xl - kf * _LN2_2)
    let q = rh * rh * (_EXP2 + rh * (_EXP3 + rh * (_EXP4 + rh * (_EXP5 + rh * (_EXP6 + rh * (_EXP7 +
        rh * (_EXP8 + rh * (_EXP9 + rh * (_EXP10 + rh * (_EXP11 + rh * (_EXP12 + rh * (_EXP13 +
        rh * _EXP14))))))))))))
    let (s, e) = _m_fast_sum(1.0, rh)
    let y = s + (e + (rl + rl * rh + q))    // e^(rh + rl) = e^rh (1 + rl + ...)
    if k > 1023 {
        return y * _m_pow2(1023) * 2.0
    }
    if k < -1021 {
        return y * _m_pow2(k + 1000) * _m_pow2(-1000)      // subnormal: rounded twice
    }
    return y * _m_pow2(k)
}

// x = 2^k (1 + f), sqrt(1/2) < 1 + f <= sqrt(2), for finite x > 0 (f exact)
func _m_log_reduce(x: float64) (int32, float64) {
    let u = bit_cast<uint64>(x)
    let k: int32 = 0
    if u < _HIDDEN {
        u = bit_cast<uint64>(x * 18014398509481984.0)     // subnormal: * 2^54
        k = -54
    }
    k += cast<int32>(u >> 52) - 1023
    u &= _FRAC
    if u > 0x6a09e667f3bcd {                // m > sqrt(2): halve it
        u |= 0x3fe0000000000000
        k++
    } else {
        u |= 0x3ff0000000000000
    }
    return (k, bit_cast<float64>(u) - 1.0)
}

// log x as hi + lo (relative error about 2^-100) for finite x > 0.
// x = 2^k m, sqrt(1/2) < m <= sqrt(2), f = m - 1 (exact); log m =
// 2 atanh(s) = 2s + 2s^3/3 + 2s^5/5 + ..., s = f / (2 + f), |s| < 0.1716
// (the atanh series: Abramowitz and Stegun 4.1.27); the first terms in
// double-double, the tail to s^27 in float64.
func _m_log_dd(x: float64) (float64, float64) {
    let (k, f) = _m_log_reduce(x)
    let dh = 2.0 + f
    let dl = f - (dh - 2.0)
    let sh = f / dh
    let (ph, pl) = _m_two_prod(sh, dh)
    let sl = (((f - ph) - pl) - sh * dl) / dh
    let (zh, zl) = _m_two_prod(sh, sh)
    zl += 2.0 * sh * sl
    let t = _LG7 + zh * (_LG9 + zh * (_LG11 + zh * (_LG13 + zh * (_LG15 + zh * (_LG17 + zh * (_LG19 +
        zh * (_LG21 + zh * (_LG23 + zh * (_LG25 + zh * _LG27)))))))))
    let (ah, al) = _m_two_prod(zh, t)
    let (bh, bl) = _m_dd_add(_LG5_HI, _LG5_LO, ah, al + zl * t)
    let (ch, cl) = _m_dd_mul(zh, zl, bh, bl)
    let (dh2, dl2) = _m_dd_add(_LG3_HI, _LG3_LO, ch, cl)
    let (eh, el) = _m_dd_mul(zh, zl, dh2, dl2)
    let (gh, gl) = _m_dd_add(2.0, 0.0, eh, el)
    let (lh, ll) = _m_dd_mul(sh, sl, gh, gl)
    let kf = cast<float64>(k)
    let (rh, rl) = _m_two_sum(kf * _LN2_1, lh)     // |lh| < 0.35 < |k ln2| unless k = 0
    return _m_fast_sum(rh, rl + (ll + kf * _LN2_2))
}

const _INF: uint64 = 0x7ff0000000000000

// the value of log, log2, log10 at x <= 0, +inf, NaN; returns false for
// the x that need computing
func _m_log_special(x: float64) (float64, bool) {
    if x != x {
        return (x + x, true)
    }
    if x == 0.0 {
        return (bit_cast<float64>(_INF | _SIGN), true)     // -inf (a pole)
    }
    if x < 0.0 {
        return (bit_cast<float64>(_DEFAULT_NAN), true)
    }
    if bit_cast<uint64>(x) == _INF {
        return (x, true)
    }
    return (0.0, false)
}

// log without the double-double of _m_log_dd (faithful: about 0.75 ulp at
// most by a count of its roundings):
// log(1 + f) = 2s + s R, R = 2s^2/3 + 2s^4/5 + ..., and 2s = f - f^2/2 +
// s f^2/2 (as s (2 + f) = f), so log(1 + f) = f - (f^2/2 - s (f^2/2 + R)),
// where f is exact and the rest small beside it.
func log(x: float64) float64 {
    let (v, done) = _m_log_special(x)
    if done {
        return v
    }
    let (k, f) = _m_log_reduce(x)
    let s = f / (2.0 + f)
    let z = s * s
    let r = z * (_LG3_HI + z * (_LG5_HI + z * (_LG7 + z * (_LG9 + z * (_LG11 + z * (_LG13 + z * (_LG15 +
        z * (_LG17 + z * (_LG19 + z * (_LG21 + z * (_LG23 + z * (_LG25 + z * _LG27))))))))))))
    let hfsq = 0.5 * f * f
    let kf = cast<float64>(k)
    return kf * _LN2_1 + (f - (hfsq - (s * (hfsq + r) + kf * _LN2_2)))
}

func log2(x: float64) float64 {
    let (v, done) = _m_log_special(x)
    if done {
        return v
    }
    let (h, l) = _m_log_dd(x)
    let (ph, pl) = _m_dd_mul(h, l, _INVLN2_HI, _INVLN2_LO)
    return ph + pl
}

func log10(x: float64) float64 {
    let (v, done) = _m_log_special(x)
    if done {
        return v
    }
    let (h, l) = _m_log_dd(x)
    let (ph, pl) = _m_dd_mul(h, l, _INVLN10_HI, _INVLN10_LO)
    return ph + pl
}

func exp(x: float64) float64 {
    if x != x {
        return x + x
    }
    return _m_exp_dd(x, 0.0)                // +-inf fall in the overflow / underflow cases
}

// 0: y is not an integer, 1: an odd integer, 2: an even one
func _m_int_kind(y: float64) int32 {
    let a = fabs(y)
    if a >= 9007199254740992.0 {            // 2^53 and up (and inf): even
        return 2
    }
    if trunc(y) != y {
        return 0
    }
    return 2 - cast<int32>(cast<int64>(a) & 1)
}

// C99 Annex F.9.4.4 for the special cases; else e^(y log|x|), log|x| and
// the product in double-double (an error of d in y log|x| is a relative
// error of d in the result, which must stay well below 2^-53).
func pow(x: float64, y: float64) float64 {
    if y == 0.0 || x == 1.0 {
        return 1.0
    }
    if x != x || y != y {
        return x + y
    }
    let kind = _m_int_kind(y)
    let ax = fabs(x)
    let inf = bit_cast<float64>(_INF)
    if fabs(y) == inf {
        if ax == 1.0 {
            return 1.0                      // pow(-1, +-inf)
        }
        if (ax > 1.0) == (y > 0.0) {
            return inf
        }
        return 0.0
    }
    if x == 0.0 {
        if y < 0.0 {
            if kind == 1 {
                return 1.0 / x              // +-inf, a pole
            }
            return inf
        }
        if kind == 1 {
            return x
        }
        return 0.0
    }
    if ax == inf {
        let r = inf
        if y < 0.0 {
            r = 0.0
        }
        if x < 0.0 && kind == 1 {
            return -r
        }
        return r
    }
    if x < 0.0 && kind == 0 {
        return bit_cast<float64>(_DEFAULT_NAN)
    }
    if x == -1.0 {                          // (y may be too large for the product below)
        if kind == 1 {
            return -1.0
        }
        return 1.0
    }
    let (lh, ll) = _m_log_dd(ax)
    let th = y * lh
    let r = 0.0
    if th > 710.0 {
        r = inf
    } else if th < -746.0 {
        r = 0.0
    } else {
        let (ph, pl) = _m_two_prod(y, lh)
        r = _m_exp_dd(ph, pl + y * ll)
    }
    if x < 0.0 && kind == 1 {
        return -r
    }
    return r
}

// x = n pi/2 + (rh + rl), |rh + rl| <= pi/4 (+ a rounding); returns n mod 4.
// |x| < 10^6: Cody and Waite's reduction with pi/2 in three parts (n < 2^20,
// so n * _PIO2_1 and n * _PIO2_2 are exact, and x - n * _PIO2_1 too, by
// Sterbenz's lemma).
// Larger x: Payne and Hanek's reduction (M. Payne, R. Hanek, "Radian
// reduction for trigonometric functions", SIGNUM Newsletter 18, 1983):
// x = m 2^e, m < 2^53; x * 2/pi mod 4 takes only the 256 bits of 2/pi
// from the one whose weight, times 2^e, is 2^1 on (the bits before make
// multiples of 4); the product m * those bits is exact, in 32-bit limbs.
func _m_rem_pio2(x: float64) (int32, float64, float64) {
    if fabs(x) < 1000000.0 {
        let n = _m_nearest(x * _INVPIO2)
        let nf = cast<float64>(n)
        let a = x - nf * _PIO2_1
        let b = nf * _PIO2_2
        let rh = a - b                      // and rl: a - b = rh + rl exactly (TwoSum, inline)
        let bb = rh - a
        let rl = (a - (rh - bb)) - (b + bb) - nf * _PIO2_3
        let h = rh + rl                     // TwoSum again
        let hh = h - rh
        return (n & 3, h, (rh - (h - hh)) + (rl - hh))
    }
    let u = bit_cast<uint64>(x)
    let e = cast<int32>((u >> 52) & 0x7ff) - 1075     // x = m 2^e, e >= -33
    let m = (u & _FRAC) | _HIDDEN
    let j0: int32 = 0
    if e >= 2 {
        j0 = (e - 2) / 32
    }
    // limb i (weight 2^(32 i)) of m * (words j0 .. j0+7 of 2/pi); x * 2/pi
    // mod 4 = that product * 2^-q, q = 32 (j0 + 8) - e
    let p: [12]uint64 = {}
    let m0 = m & 0xffffffff
    let m1 = m >> 32
    for i in 0..8 {
        let w = cast<uint64>(_TWO_OVER_PI[j0 + 7 - i])
        let a = m0 * w
        let b = m1 * w
        p[i] += a & 0xffffffff
        p[i + 1] += (a >> 32) + (b & 0xffffffff)
        p[i + 2] += b >> 32
    }
    for i in 0..11 {
        p[i + 1] += p[i] >> 32
        p[i] &= 0xffffffff
    }
    let q = 32 * (j0 + 8) - e
    let n = cast<int32>(_m_bits64(&p[0], q) & 3)
    let hi = _m_bits64(&p[0], q - 64)
    let lo = _m_bits64(&p[0], q - 128)
    let neg = false
    if (hi >> 63) != 0 {                    // fraction >= 1/2: take n + 1, fraction - 1
        n++
        neg = true
        hi = ~hi
        lo = ~lo + 1
        if lo == 0 {
            hi++
        }
    }
    // the fraction hi 2^-64 + lo 2^-128, normalised, as a double-double
    let z: int32 = 0
    for hi < 0x8000000000000000 && z < 64 {
        hi = (hi << 1) | (lo >> 63)
        lo <<= 1
        z++
    }
    let scale = _m_pow2(-z)
    let (fh, fm) = _m_two_sum(cast<float64>(hi >> 11) * _m_pow2(-53) * scale,
        cast<float64>(hi & 0x7ff) * _m_pow2(-64) * scale)
    let (gh, gl) = _m_fast_sum(fh, fm + cast<float64>(lo) * _m_pow2(-64) * _m_pow2(-64) * scale)
    let (rh, rl) = _m_dd_mul(gh, gl, _PIO2_HI, _PIO2_LO)
    if neg {
        rh = -rh
        rl = -rl
    }
    if x < 0.0 {
        return ((-n) & 3, -rh, -rl)
    }
    return (n & 3, rh, rl)
}

// bits b .. b+63 of the number whose 32-bit limbs are p[0], p[1], ... (b >= 0)
func _m_bits64(p: *uint64, b: int32) uint64 {
    let l = b / 32
    let s = cast<uint64>(b % 32)
    let v = (p[l] | (p[l + 1] << 32)) >> s
    if s != 0 {
        v |= p[l + 2] << (64 - s)
    }
    return v
}

// sin(rh + rl) as hi + a tail, |rh| <= pi/4 (+ a rounding): Taylor's series
// to r^17 (the first term left out is below 2^-62 relative)
func _m_sin_k(rh: float64, rl: float64) (float64, float64) {
    let z = rh * rh
    let p = z * (_SIN3 + z * (_SIN5 + z * (_SIN7 + z * (_SIN9 + z * (_SIN11 + z * (_SIN13 +
        z * (_SIN15 + z * _SIN17)))))))
    return _m_fast_sum(rh, rh * p + rl * (1.0 - 0.5 * z))      // sin(rh + rl) ~ sin rh + rl cos rh
}

// cos(rh + rl) as hi + a tail: Taylor's series to r^18, 1 - r^2/2 exactly
func _m_cos_k(rh: float64, rl: float64) (float64, float64) {
    let (zh, zl) = _m_two_prod(rh, rh)
    let hz = 0.5 * zh
    let hzl = 0.5 * zl + rh * rl            // (rh + rl)^2 / 2 = hz + hzl (+ rl^2 / 2)
    let w = 1.0 - hz
    let e = (1.0 - w) - hz
    let z = zh
    let p = z * z * (_COS4 + z * (_COS6 + z * (_COS8 + z * (_COS10 + z * (_COS12 + z * (_COS14 +
        z * (_COS16 + z * _COS18)))))))
    return _m_fast_sum(w, (e - hzl) + p)
}

// |x| below 2^-27 (and 0): sin x and tan x round to x, cos x to 1
func _m_tiny(x: float64) bool {
    return (bit_cast<uint64>(x) & ~_SIGN) < 0x3e40000000000000
}

// sin(n pi/2 + rh + rl)
func _m_trig(n: int32, rh: float64, rl: float64) float64 {
    let v = 0.0
    if (n & 1) == 0 {
        let (h, l) = _m_sin_k(rh, rl)
        v = h + l
    } else {
        let (h, l) = _m_cos_k(rh, rl)
        v = h + l
    }
    if (n & 2) != 0 {
        return -v
    }
    return v
}

func sin(x: float64) float64 {
    if _m_tiny(x) {
        return x
    }
    if x - x != 0.0 {
        return x - x                        // +-inf, NaN: NaN
    }
    let (n, rh, rl) = _m_rem_pio2(x)
    return _m_trig(n, rh, rl)
}

func cos(x: float64) float64 {
    if _m_tiny(x) {
        return 1.0
    }
    if x - x != 0.0 {
        return x - x
    }
    let (n, rh, rl) = _m_rem_pio2(x)
    return _m_trig(n + 1, rh, rl)
}

// sin / cos (or -cos / sin for odd n), both double-double, one rounding
func tan(x: float64) float64 {
    if _m_tiny(x) {
        return x
    }
    if x - x != 0.0 {
        return x - x
    }
    let (n, rh, rl) = _m_rem_pio2(x)
    let (sh, sl) = _m_sin_k(rh, rl)
    let (ch, cl) = _m_cos_k(rh, rl)
    if (n & 1) == 0 {
        let (qh, ql) = _m_dd_div(sh, sl, ch, cl)
        return qh + ql
    }
    let (qh, ql) = _m_dd_div(ch, cl, sh, sl)
    return -(qh + ql)
}

// atan(xh + xl) as hi + lo, xh >= 0 finite.  Reductions: x > 1: atan x =
// pi/2 - atan(1/x); t > tan(pi/12): atan t = pi/6 + atan(u), u = (t - 1/sqrt3)
// / (1 + t/sqrt3), |u| <= tan(pi/12) (Hart et al., "Computer Approximations",
// 1968, 6.5); then Taylor's series to u^29 (the first term left out is
// below 2^-62 relative).
func _m_atan_dd(xh: float64, xl: float64) (float64, float64) {
    let th = xh
    let tl = xl
    let bh = 0.0                            // atan x = b + sign * atan(t)
    let bl = 0.0
    let sign = 1.0
    if th > 1.0 {
        let (qh, ql) = _m_dd_div(1.0, 0.0, th, tl)
        th = qh
        tl = ql
        bh = _PIO2_HI
        bl = _PIO2_LO
        sign = -1.0
    }
    if th > 0.2679491924311227 {
        let (nh, nl) = _m_dd_add(th, tl, -_INVSQRT3_HI, -_INVSQRT3_LO)
        let (mh, ml) = _m_dd_mul(th, tl, _INVSQRT3_HI, _INVSQRT3_LO)
        let (dh, dl) = _m_dd_add(1.0, 0.0, mh, ml)
        let (uh, ul) = _m_dd_div(nh, nl, dh, dl)
        th = uh
        tl = ul
        let (ch, cl) = _m_dd_add(bh, bl, sign * _PIO6_HI, sign * _PIO6_LO)
        bh = ch
        bl = cl
    }
    let z = th * th
    let p = th * z * (_ATAN3 + z * (_ATAN5 + z * (_ATAN7 + z * (_ATAN9 + z * (_ATAN11 + z * (_ATAN13 +
        z * (_ATAN15 + z * (_ATAN17 + z * (_ATAN19 + z * (_ATAN21 + z * (_ATAN23 + z * (_ATAN25 +
        z * (_ATAN27 + z * _ATAN29)))))))))))))
    // atan(th + tl) ~ atan th + tl / (1 + th^2)
    return _m_dd_add(bh, bl, sign * th, sign * (p + (tl - tl * z)))
}

func atan(x: float64) float64 {
    if _m_tiny(x) || x != x {
        return x + x * 0.0                  // x (a NaN quieted)
    }
    let a = fabs(x)
    let r = _PIO2_HI
    if a < 73786976294838206464.0 {         // 2^66: beyond, atan x rounds to pi/2
        let (h, l) = _m_atan_dd(a, 0.0)
        r = h + l
    }
    if x < 0.0 {
        return -r
    }
    return r
}

// the exponent of finite nonzero x: 2^e <= |x| < 2^(e+1)
func _m_ilogb(x: float64) int32 {
    let e = cast<int32>((bit_cast<uint64>(x) >> 52) & 0x7ff)
    if e == 0 {
        return _m_ilogb(x * 18014398509481984.0) - 54
    }
    return e - 1023
}

// x * 2^k exactly, for the x and k where the result is a normal number
func _m_scale(x: float64, k: int32) float64 {
    if k > 1023 {
        return x * _m_pow2(1023) * _m_pow2(k - 1023)
    }
    if k < -1022 {
        return x * _m_pow2(-1022) * _m_pow2(k + 1022)
    }
    return x * _m_pow2(k)
}

// C99 Annex F.9.1.4 for zeros and infinities; else atan(|y/x|) with the
// quotient in double-double (x and y scaled by the same power of two to
// keep it exact), pi - that for x < 0, y's sign.
func atan2(y: float64, x: float64) float64 {
    if x != x || y != y {
        return x + y
    }
    let ax = fabs(x)
    let ay = fabs(y)
    let xneg = (bit_cast<uint64>(x) & _SIGN) != 0
    let inf = bit_cast<float64>(_INF)
    let r = 0.0
    if y == 0.0 {
        if xneg {
            r = _PI_HI
        }
    } else if x == 0.0 || (ay == inf && ax != inf) {
        r = _PIO2_HI
    } else if ax == inf {
        if ay == inf {
            if xneg {
                r = _PI3O4
            } else {
                r = _PIO4
            }
        } else if xneg {
            r = _PI_HI
        }
    } else {
        let ex = _m_ilogb(ax)
        let ey = _m_ilogb(ay)
        if ey - ex > 60 {
            r = _PIO2_HI
        } else if ex - ey > 60 {
            if xneg {
                r = _PI_HI
            } else {
                r = ay / ax
            }
        } else {
            let sx = _m_scale(ax, -ex)
            let sy = _m_scale(ay, -ex)
            let (qh, ql) = _m_dd_div(sy, 0.0, sx, 0.0)
            let (h, l) = _m_atan_dd(qh, ql)
            if xneg {
                let (ph, pl) = _m_dd_add(_PI_HI, _PI_LO, -h, -l)
                r = ph + pl
            } else {
                r = h + l
            }
        }
    }
    if (bit_cast<uint64>(y) & _SIGN) != 0 {
        return -r
    }
    return r
}

func sinf(x: float32) float32 {
    return cast<float32>(sin(cast<float64>(x)))
}

func cosf(x: float32) float32 {
    return cast<float32>(cos(cast<float64>(x)))
}

func tanf(x: float32) float32 {
    return cast<float32>(tan(cast<float64>(x)))
}

func atanf(x: float32) float32 {
    return cast<float32>(atan(cast<float64>(x)))
}

func atan2f(y: float32, x: float32) float32 {
    return cast<float32>(atan2(cast<float64>(y), cast<float64>(x)))
}

func expf(x: float32) float32 {
    return cast<float32>(exp(cast<float64>(x)))
}

func logf(x: float32) float32 {
    return cast<float32>(log(cast<float64>(x)))
}

func log2f(x: float32) float32 {
    return cast<float32>(log2(cast<float64>(x)))
}

func log10f(x: float32) float32 {
    return cast<float32>(log10(cast<float64>(x)))
}

func powf(x: float32, y: float32) float32 {
    return cast<float32>(pow(cast<float64>(x), cast<float64>(y)))
}

// --- numbers from text ---------------------------------------------------------
func _isspace(c: byte) bool {
    return c == ' ' || (c >= 9 && c <= 13)
}

func _digit(c: byte) int32 {
    if c >= '0' && c <= '9' {
        return cast<int32>(c - '0')
    }
    if c >= 'a' && c <= 'z' {
        return cast<int32>(c - 'a') + 10
    }
    if c >= 'A' && c <= 'Z' {
        return cast<int32>(c - 'A') + 10
    }
    return 99
}

// The common part of strtol and strtoul: whitespace, sign, base prefix,
// digits (saturating at 2^64-1 with *ovf set).  Returns the magnitude;
// *endp the first byte not used (s itself when there are no digits).
func _strtou(s: *byte, endp: **byte, base: int32, neg: *bool, ovf: *bool) uint64 {
    let p = s
    *neg = false
    *ovf = false
    if base < 0 || base == 1 || base > 36 {
        errno = cast<int32>(linux.EINVAL)
        if endp != null {
            *endp = s
        }
        return 0
    }
    for _isspace(*p) {
        p++
    }
    if *p == '-' {
        *neg = true
        p++
    } else if *p == '+' {
        p++
    }
    if (base == 0 || base == 16) && p[0] == '0' && (p[1] == 'x' || p[1] == 'X') && _digit(p[2]) < 16 {
        p += 2
        base = 16
    } else if base == 0 && p[0] == '0' {
        base = 8
    } else if base == 0 {
        base = 10
    }
    let b = cast<uint64>(base)
    let v: uint64 = 0
    let any = false
    for _digit(*p) < base {
        let d = cast<uint64>(_digit(*p))
        if v > (0xffffffffffffffff - d) / b {
            *ovf = true
        } else {
            v = v * b + d
        }
        any = true
        p++
    }
    if endp != null {
        if any {
            *endp = p
        } else {
            *endp = s
        }
    }
    return v
}

func strtoul(s: *byte, endp: **byte, base: int32) uint64 {
    let neg = false
    let ovf = false
    let v = _strtou(s, endp, base, &neg, &ovf)
    if ovf {
        errno = cast<int32>(linux.ERANGE)
        return 0xffffffffffffffff
    }
    if neg {
        return 0 - v
    }
    return v
}

func strtoull(s: *byte, endp: **byte, base: int32) uint64 {
    return strtoul(s, endp, base)
}

func strtol(s: *byte, endp: **byte, base: int32) int64 {
    let neg = false
    let ovf = false
    let v = _strtou(s, endp, base, &neg, &ovf)
    if neg {
        if ovf || v > 0x8000000000000000 {
            errno = cast<int32>(linux.ERANGE)
            return -0x7fffffffffffffff - 1
        }
        return cast<int64>(0 - v)
    }
    if ovf || v > 0x7fffffffffffffff {
        errno = cast<int32>(linux.ERANGE)
        return 0x7fffffffffffffff
    }
    return cast<int64>(v)
}

func strtoll(s: *byte, endp: **byte, base: int32) int64 {
    return strtol(s, endp, base)
}

func atoi(s: *byte) int32 {
    return cast<int32>(strtol(s, null, 10))
}

func atol(s: *byte) int64 {
    return strtol(s, null, 10)
}

// strtod: decimal and hexadecimal (0x1.8p3), inf, infinity, nan, nan(...),
// correctly rounded (to nearest, ties to even) from the exact value:
// up to 800 significant digits are kept (more only matter as "not zero",
// a final 1), the digits D and exponent E make D * 10^E exactly as a big
// integer, or for E < 0 the quotient of D * 2^k by 10^-E to 62 bits and
// whether a remainder is left.  ERANGE: overflow (+-HUGE_VAL) and
// underflow (a result below DBL_MIN that is inexact, or zero).
const _BN: int32 = 200     // limbs of 32 bits
const _MAXDIG: int32 = 800

struct _Big {
    n: int32                 // limbs in use (no leading zero limb)
    d: [200]uint32
}

func _bn_muladd(a: *_Big, m: uint32, add: uint32) {
    let carry = cast<uint64>(add)
    for let i = 0; i < a.n; i++ {
        let cur = cast<uint64>(a.d[i]) * cast<uint64>(m) + carry
        a.d[i] = cast<uint32>(cur)
        carry = cur >> 32
    }
    if carry != 0 {
        a.d[a.n] = cast<uint32>(carry)
        a.n++
    }
}

func _bn_bits(a: *_Big) int32 {
    if a.n == 0 {
        return 0
    }
    let top = a.d[a.n - 1]
    let b = 0
    for top != 0 {
        b++
        top >>= 1
    }
    return (a.n - 1) * 32 + b
}

func _bn_bit(a: *_Big, i: int32) uint64 {
    if i < 0 || i / 32 >= a.n {
        return 0
    }
    return cast<uint64>((a.d[i / 32] >> cast<uint32>(i % 32)) & 1)
}

func _bn_shl(a: *_Big, k: int32) {
    let w = k / 32
    let b = cast<uint32>(k % 32)
    if a.n == 0 {
        return
    }
    a.d[a.n + w] = 0
    for let i = a.n - 1; i >= 0; i-- {
        let v = a.d[i]
        if b != 0 {
            a.d[i + w + 1] |= v >> (32 - b)
        }
        a.d[i + w] = v << b
    }
    for let i = 0; i < w; i++ {
        a.d[i] = 0
    }
    a.n += w + 1
    for a.n > 0 && a.d[a.n - 1] == 0 {
        a.n--
    }
}

func _bn_shr1(a: *_Big) {
    for let i = 0; i < a.n; i++ {
        let hi: uint32 = 0
        if i + 1 < a.n {
            hi = a.d[i + 1] << 31
        }
        a.d[i] = (a.d[i] >> 1) | hi
    }
    for a.n > 0 && a.d[a.n - 1] == 0 {
        a.n--
    }
}

func _bn_cmp(a: *_Big, b: *_Big) int32 {
    if a.n != b.n {
        if a.n < b.n {
            return -1
        }
        return 1
    }
    for let i = a.n - 1; i >= 0; i-- {
        if a.d[i] != b.d[i] {
            if a.d[i] < b.d[i] {
                return -1
            }
            return 1
        }
    }
    return 0
}

// a -= b (a >= b)
func _bn_sub(a: *_Big, b: *_Big) {
    let borrow: int64 = 0
    for let i = 0; i < a.n; i++ {
        let bi: int64 = 0
        if i < b.n {
            bi = cast<int64>(b.d[i])
        }
        let cur = cast<int64>(a.d[i]) - bi - borrow
        borrow = 0
        if cur < 0 {
            cur += 0x100000000
            borrow = 1
        }
        a.d[i] = cast<uint32>(cur)
    }
    for a.n > 0 && a.d[a.n - 1] == 0 {
        a.n--
    }
}

func _bn_pow10(a: *_Big, e: int32) {
    for e >= 9 {
        _bn_muladd(a, 1000000000, 0)
        e -= 9
    }
    for e > 0 {
        _bn_muladd(a, 10, 0)
        e--
    }
}

// The double nearest m * 2^s (ties to even); *inexact when it is not m * 2^s.
func _bn_double(m: *_Big, s: int32, sticky: bool, inexact: *bool) float64 {
    let b = _bn_bits(m)
    *inexact = sticky
    if b == 0 {
        return 0.0
    }
    let top = b - 1 + s
    if top > 1023 {
        *inexact = true
        return bit_cast<float64>(cast<uint64>(0x7ff0000000000000))
    }
    let p = 53
    if top < -1022 {
        p = top + 1075
    }
    if p < 0 {
        *inexact = true
        return 0.0
    }
    let mant: uint64 = 0
    for let i = 0; i < p; i++ {
        mant = (mant << 1) | _bn_bit(m, b - 1 - i)
    }
    let rbit = _bn_bit(m, b - 1 - p)
    for let i = b - 2 - p; i >= 0 && !sticky; i-- {
        sticky = _bn_bit(m, i) != 0
    }
    *inexact = rbit != 0 || sticky
    if rbit != 0 && (sticky || (mant & 1) != 0) {
        mant++
    }
    if p < 53 {
        return bit_cast<float64>(mant)      // subnormal (or the smallest normal)
    }
    let e = top
    if mant == (cast<uint64>(1) << 53) {
        mant >>= 1
        e++
    }
    if e > 1023 {
        return bit_cast<float64>(cast<uint64>(0x7ff0000000000000))
    }
    return bit_cast<float64>((cast<uint64>(e + 1023) << 52) | (mant & 0xfffffffffffff))
}

func _lower(c: byte) byte {
    if c >= 'A' && c <= 'Z' {
        return c + 32
    }
    return c
}

func _prefix(p: *byte, w: *byte) bool {
    for let i = 0; w[i] != 0; i++ {
        if _lower(p[i]) != w[i] {
            return false
        }
    }
    return true
}

func strtod(s: *byte, endp: **byte) float64 {
    let p = s
    for _isspace(*p) {
        p++
    }
    let neg = false
    if *p == '-' {
        neg = true
        p++
    } else if *p == '+' {
        p++
    }
    let r = 0.0
    let special = true
    if _prefix(p, "infinity") {
        p += 8
        r = bit_cast<float64>(cast<uint64>(0x7ff0000000000000))
    } else if _prefix(p, "inf") {
        p += 3
        r = bit_cast<float64>(cast<uint64>(0x7ff0000000000000))
    } else if _prefix(p, "nan") {
        p += 3
        r = bit_cast<float64>(cast<uint64>(0x7ff8000000000000))
        if *p == '(' {
            let q = p + 1
            for _digit(*q) < 36 || *q == '_' {
                q++
            }
            if *q == ')' {
                p = q + 1
            }
        }
    } else {
        special = false
    }
    if !special && p[0] == '0' && (p[1] == 'x' || p[1] == 'X') &&
            (_digit(p[2]) < 16 || (p[2] == '.' && _digit(p[3]) < 16)) {
        r = _strtod_hex(p + 2, &p)
        special = true
    }
    if special {
        if endp != null {
            *endp = p
        }
        if neg {
            return -r
        }
        return r
    }
    // digits: D (at most _MAXDIG significant ones) and the exponent E
    let dig: [801]byte = {}
    let nd = 0
    let dexp = 0
    let any = false
    let point = false
    let dropped = false
    for {
        let c = *p
        if c == '.' && !point {
            point = true
            p++
            continue
        }
        if c < '0' || c > '9' {
            break
        }
        any = true
        p++
        if nd == 0 && c == '0' {
            if point {
                dexp--
            }
            continue
        }
        if nd < _MAXDIG {
            dig[nd] = c - '0'
            nd++
            if point {
                dexp--
            }
        } else {
            dropped = dropped || c != '0'
            if !point {
                dexp++
            }
        }
    }
    if !any {
        if endp != null {
            *endp = s
        }
        return 0.0
    }
    if dropped {
        dig[nd] = 1
        nd++
        dexp--
    }
    if *p == 'e' || *p == 'E' {
        let q = p + 1
        let eneg = false
        if *q == '-' {
            eneg = true
            q++
        } else if *q == '+' {
            q++
        }
        if *q >= '0' && *q <= '9' {
            let ev = 0
            for *q >= '0' && *q <= '9' {
                if ev < 100000 {
                    ev = ev * 10 + cast<int32>(*q - '0')
                }
                q++
            }
            if eneg {
                ev = -ev
            }
            dexp += ev
            p = q
        }
    }
    if endp != null {
        *endp = p
    }
    let inexact = false
    if nd == 0 {
        r = 0.0
    } else if nd + dexp > 311 {
        r = bit_cast<float64>(cast<uint64>(0x7ff0000000000000))
        inexact = true
    } else if nd + dexp < -326 {
        r = 0.0
        inexact = true
    } else {
        let m = _Big{}
        for let i = 0; i < nd; i++ {
            _bn_muladd(&m, 10, cast<uint32>(dig[i]))
        }
        if dexp >= 0 {
            _bn_pow10(&m, dexp)
            r = _bn_double(&m, 0, false, &inexact)
        } else {
            // q = floor(m * 2^k / 10^-dexp), 2^61 <= q < 2^63
            let dv = _Big{n: 1}
            dv.d[0] = 1
            _bn_pow10(&dv, -dexp)
            let k = _bn_bits(&dv) - _bn_bits(&m) + 62
            if k > 0 {
                _bn_shl(&m, k)
            } else if k < 0 {
                _bn_shl(&dv, -k)
            }
            _bn_shl(&dv, 62)
            let q: uint64 = 0
            for let i = 62; i >= 0; i-- {
                if _bn_cmp(&m, &dv) >= 0 {
                    _bn_sub(&m, &dv)
                    q |= cast<uint64>(1) << cast<uint64>(i)
                }
                _bn_shr1(&dv)
            }
            let qb = _Big{n: 2}
            qb.d[0] = cast<uint32>(q)
            qb.d[1] = cast<uint32>(q >> 32)
            if qb.d[1] == 0 {
                qb.n = 1
            }
            r = _bn_double(&qb, -k, m.n != 0, &inexact)
        }
    }
    let bits = bit_cast<uint64>(r)
    if inexact && (bits == 0x7ff0000000000000 || bits < 0x10000000000000) {
        errno = cast<int32>(linux.ERANGE)
    }
    if neg {
        return -r
    }
    return r
}

// The hexadecimal part of strtod after "0x": up to 16 significant hex
// digits, the rest only as "not zero"; p and a binary exponent.
func _strtod_hex(p: *byte, endp: **byte) float64 {
    let m: uint64 = 0
    let sticky = false
    let e2 = 0
    let point = false
    for {
        if *p == '.' && !point {
            point = true
            p++
            continue
        }
        let d = _digit(*p)
        if d >= 16 {
            break
        }
        p++
        if m < 0x1000000000000000 {
            m = m * 16 + cast<uint64>(d)
            if point {
                e2 -= 4
            }
        } else {
            sticky = sticky || d != 0
            if !point {
                e2 += 4
            }
        }
    }
    if *p == 'p' || *p == 'P' {
        let q = p + 1
        let eneg = false
        if *q == '-' {
            eneg = true
            q++
        } else if *q == '+' {
            q++
        }
        if *q >= '0' && *q <= '9' {
            let ev = 0
            for *q >= '0' && *q <= '9' {
                if ev < 100000 {
                    ev = ev * 10 + cast<int32>(*q - '0')
                }
                q++
            }
            if eneg {
                ev = -ev
            }
            e2 += ev
            p = q
        }
    }
    *endp = p
    let big = _Big{n: 2}
    big.d[0] = cast<uint32>(m)
    big.d[1] = cast<uint32>(m >> 32)
    for big.n > 0 && big.d[big.n - 1] == 0 {
        big.n--
    }
    let inexact = false
    let r = _bn_double(&big, e2, sticky, &inexact)
    let bits = bit_cast<uint64>(r)
    if inexact && (bits == 0x7ff0000000000000 || bits < 0x10000000000000) {
        errno = cast<int32>(linux.ERANGE)
    }
    return r
}

func atof(s: *byte) float64 {
    return strtod(s, null)
}
