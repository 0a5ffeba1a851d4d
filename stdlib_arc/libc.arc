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
// Output is not buffered across calls: each printf is one write.
namespace c

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

// Where formatted text goes: a file descriptor (through buf) or, when
// fd < 0, the caller's array dst of cap bytes (snprintf).  n counts every
// byte produced, written or not.
struct _Out {
    fd: int32
    dst: *byte
    cap: usize
    n: usize
    nbuf: usize
    buf: [256]byte
}

func _write_all(fd: int32, p: *byte, n: usize) int64 {
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

func _flush(o: *_Out) {
    if o.fd >= 0 && o.nbuf > 0 {
        _write_all(o.fd, &o.buf, o.nbuf)
    }
    o.nbuf = 0
}

func _put(o: *_Out, p: *byte, n: usize) {
    if o.fd < 0 {
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
        memcpy(&o.buf[o.nbuf], p, n)
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
            _fmt_float(&s, out, va_arg(ap, float64))
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
func vdprintf(fd: int32, fmt: *byte, ap: *void) int32 {
    let o = _Out{fd: fd}
    return _format(&o, fmt, ap)
}

func vprintf(fmt: *byte, ap: *void) int32 {
    return vdprintf(1, fmt, ap)
}

func printf(fmt: *byte, ...) int32 {
    let ap = va_start(fmt)
    let r = vdprintf(1, fmt, ap)
    va_end(ap)
    return r
}

func dprintf(fd: int32, fmt: *byte, ...) int32 {
    let ap = va_start(fmt)
    let r = vdprintf(fd, fmt, ap)
    va_end(ap)
    return r
}

func vsnprintf(dst: *byte, cap: usize, fmt: *byte, ap: *void) int32 {
    let o = _Out{fd: -1, dst: dst, cap: cap}
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

func snprintf(dst: *byte, cap: usize, fmt: *byte, ...) int32 {
    let ap = va_start(fmt)
    let r = vsnprintf(dst, cap, fmt, ap)
    va_end(ap)
    return r
}

func sprintf(dst: *byte, fmt: *byte, ...) int32 {
    let ap = va_start(fmt)
    let r = vsnprintf(dst, 0x7fffffffffffffff, fmt, ap)
    va_end(ap)
    return r
}

func puts(s: *byte) int32 {
    _write_all(1, s, strlen(s))
    _write_all(1, "\n", 1)
    return 0
}

func putchar(c: int32) int32 {
    let b: [1]byte = {}
    b[0] = cast<byte>(c)
    _write_all(1, &b, 1)
    return c
}
