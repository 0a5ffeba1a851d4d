// json: JSON documents (RFC 8259) as trees of Values on the runtime's heap.
// Parsing never stops the program: a bad document comes back as an Error
// with its byte offset, line and column.
//
//   parse(text, n) (*Value, Error)  the n bytes must hold one value (white space
//                                   around it allowed); on failure (null, err)
//   parse_string(s) (*Value, Error) the same for a NUL-terminated string
//   stringify(v) string             compact JSON, new: members in order, numbers
//                                   in the fewest digits that read back exactly
//                                   (a built inf or nan is written null)
//   stringify_indent(v, n) string   the same, one item per line, n spaces a level
//   free(v)                         frees v and everything under it
//   Value                           v.kind: NULL BOOL NUMBER STRING ARRAY OBJECT
//     v.boolean  v.number (float64)  v.is_int, v.integer (an integer literal in
//     int64's range, exactly; a larger one is only the nearest float64)  v.str, v.slen (UTF-8, NUL-terminated; slen counts
//     bytes, a \u0000 included)  v.len() (items or members)  v.at(i) (item i)
//     v.key(i), v.member(i) (member i's name and value)  v.get(name) (the last
//     member of that name, or null)  v.push(x) (arrays)  v.set(name, x) (objects:
//     replaces a member of that name, else appends)
//   null_value() bool_value(b) number_value(x) int_value(i) string_value(s)
//   array() object()                new Values, to build a document
//   Error                           err.ok, err.offset, err.line, err.col (from 1),
//                                   err.msg (a literal)
//
// Strict RFC 8259: UTF-8 is validated (overlong forms, surrogates and code
// points past U+10FFFF are errors), a \u escape of a lone surrogate is an
// error, control characters must be escaped, numbers follow the grammar
// exactly (no leading zeros, no "+", no "." without digits) and one too
// large for float64 is an error.  Nesting deeper than MAX_DEPTH is an
// error, not a stack overflow.
namespace json

import "collections"
import "str"

const MAX_DEPTH: int32 = 1000

enum Kind {
    NULL
    BOOL
    NUMBER
    STRING
    ARRAY
    OBJECT
}

struct Value {
    kind: int32
    boolean: bool
    is_int: bool
    number: float64
    integer: int64
    str: *byte
    slen: int64
    items: collections.vector<*Value>
    keys: collections.vector<*Value>

    func len(self v: *Value) int64 {
        return v.items.len()
    }

    func at(self v: *Value, i: int64) *Value {
        return v.items.get(i)
    }

    func key(self v: *Value, i: int64) string {
        return v.keys.get(i).str
    }

    func member(self v: *Value, i: int64) *Value {
        return v.items.get(i)
    }

    func find(self v: *Value, name: string) int64 {
        let n = cast<int64>(strlen(name))
        for let i = v.keys.len() - 1; i >= 0; i-- {
            let k = v.keys.get(i)
            if k.slen == n && memcmp(k.str, name, cast<usize>(n)) == 0 {
                return i
            }
        }
        return -1
    }

    func get(self v: *Value, name: string) *Value {
        let i = v.find(name)
        if i < 0 {
            return null
        }
        return v.items.get(i)
    }

    func push(self v: *Value, x: *Value) {
        v.items.push(x)
    }

    func set(self v: *Value, name: string, x: *Value) {
        let i = v.find(name)
        if i >= 0 {
            free(v.items.get(i))
            v.items.set(i, x)
            return
        }
        v.keys.push(string_value(name))
        v.items.push(x)
    }
}

struct Error {
    ok: bool
    offset: int64
    line: int64
    col: int64
    msg: string
}

func new_value(kind: int32) *Value {
    let v = new Value
    v.kind = kind
    return v
}

func null_value() *Value {
    return new_value(Kind.NULL)
}

func bool_value(b: bool) *Value {
    let v = new_value(Kind.BOOL)
    v.boolean = b
    return v
}

func number_value(x: float64) *Value {
    let v = new_value(Kind.NUMBER)
    v.number = x
    return v
}

func int_value(i: int64) *Value {
    let v = new_value(Kind.NUMBER)
    v.number = cast<float64>(i)
    v.is_int = true
    v.integer = i
    return v
}

func string_n(p: *byte, n: int64) *Value {
    let v = new_value(Kind.STRING)
    v.str = str.copy_n(p, n)
    v.slen = n
    return v
}

func string_value(s: string) *Value {
    return string_n(s, cast<int64>(strlen(s)))
}

func array() *Value {
    return new_value(Kind.ARRAY)
}

func object() *Value {
    return new_value(Kind.OBJECT)
}

func free(v: *Value) {
    if v == null {
        return
    }
    for i in 0..v.items.len() {
        free(v.items.get(i))
    }
    for i in 0..v.keys.len() {
        free(v.keys.get(i))
    }
    v.items.free()
    v.keys.free()
    if v.str != null {
        delete(v.str)
    }
    delete(v)
}

// --- parsing ---------------------------------------------------------------

struct Parser {
    p: *byte
    n: int64
    i: int64
    depth: int32
    err: Error
    sb: str.Builder

    // the byte at i, or 0 past the end (0 is never valid where it is read)
    func peek(self ps: *Parser) byte {
        if ps.i < ps.n {
            return ps.p[ps.i]
        }
        return 0
    }

    // msg, or "unexpected end of input" where the input ran out
    func fail(self ps: *Parser, msg: string) *Value {
        if ps.i >= ps.n && msg[0] == 'e' {
            msg = "unexpected end of input"     // for "expected ..."
        }
        if ps.err.msg == null {
            ps.err.msg = msg
            ps.err.offset = ps.i
        }
        return null
    }

    func skip_space(self ps: *Parser) {
        for ps.i < ps.n {
            let c = ps.p[ps.i]
            if c != ' ' && c != '\t' && c != '\n' && c != '\r' {
                return
            }
            ps.i++
        }
    }

    func literal(self ps: *Parser, word: string, v: *Value) *Value {
        let k = cast<int64>(strlen(word))
        if ps.n - ps.i < k || memcmp(&ps.p[ps.i], word, cast<usize>(k)) != 0 {
            free(v)
            return ps.fail("invalid literal")
        }
        ps.i += k
        return v
    }

    func digits(self ps: *Parser) int64 {
        let start = ps.i
        for ps.peek() >= '0' && ps.peek() <= '9' {
            ps.i++
        }
        return ps.i - start
    }

    func number(self ps: *Parser) *Value {
        let start = ps.i
        if ps.peek() == '-' {
            ps.i++
        }
        let int_start = ps.i
        let nd = ps.digits()
        if nd == 0 {
            return ps.fail("invalid number")
        }
        if nd > 1 && ps.p[int_start] == '0' {
            ps.i = int_start + 1
            return ps.fail("leading zero in number")
        }
        let integral = true
        if ps.peek() == '.' {
            ps.i++
            integral = false
            if ps.digits() == 0 {
                return ps.fail("no digits after '.' in number")
            }
        }
        if ps.peek() == 'e' || ps.peek() == 'E' {
            ps.i++
            integral = false
            if ps.peek() == '+' || ps.peek() == '-' {
                ps.i++
            }
            if ps.digits() == 0 {
                return ps.fail("no digits in exponent")
            }
        }
        let tok = str.copy_n(&ps.p[start], ps.i - start)
        let (x, ok) = str.parse_float(tok)
        let v = number_value(x)
        if integral {
            // "-0" stays the float -0.0
            let (k, exact) = str.parse_int(tok)
            v.is_int = exact && (k != 0 || ps.p[start] != '-')
            v.integer = k
        }
        delete(tok)
        if !ok {
            free(v)
            ps.i = start
            return ps.fail("number out of range")
        }
        return v
    }

    // four hex digits at i, or -1
    func hex4(self ps: *Parser) int32 {
        if ps.n - ps.i < 4 {
            return -1
        }
        let u: int32 = 0
        for k in 0..4 {
            let c = ps.p[ps.i + cast<int64>(k)]
            let d: int32 = -1
            if c >= '0' && c <= '9' {
                d = cast<int32>(c - '0')
            } else if c >= 'a' && c <= 'f' {
                d = cast<int32>(c - 'a') + 10
            } else if c >= 'A' && c <= 'F' {
                d = cast<int32>(c - 'A') + 10
            }
            if d < 0 {
                return -1
            }
            u = u * 16 + d
        }
        ps.i += 4
        return u
    }

    func put_utf8(self ps: *Parser, u: int32) {
        if u < 0x80 {
            ps.sb.add_byte(cast<byte>(u))
        } else if u < 0x800 {
            ps.sb.add_byte(cast<byte>(0xC0 | (u >> 6)))
            ps.sb.add_byte(cast<byte>(0x80 | (u & 0x3F)))
        } else if u < 0x10000 {
            ps.sb.add_byte(cast<byte>(0xE0 | (u >> 12)))
            ps.sb.add_byte(cast<byte>(0x80 | ((u >> 6) & 0x3F)))
            ps.sb.add_byte(cast<byte>(0x80 | (u & 0x3F)))
        } else {
            ps.sb.add_byte(cast<byte>(0xF0 | (u >> 18)))
            ps.sb.add_byte(cast<byte>(0x80 | ((u >> 12) & 0x3F)))
            ps.sb.add_byte(cast<byte>(0x80 | ((u >> 6) & 0x3F)))
            ps.sb.add_byte(cast<byte>(0x80 | (u & 0x3F)))
        }
    }

    // after a backslash: one escape into sb; false (and the error) if bad
    func escape(self ps: *Parser) bool {
        let c = ps.peek()
        ps.i++
        switch c {
        case '"', '\\', '/':
            ps.sb.add_byte(c)
        case 'b':
            ps.sb.add_byte(8)
        case 'f':
            ps.sb.add_byte(12)
        case 'n':
            ps.sb.add_byte('\n')
        case 'r':
            ps.sb.add_byte('\r')
        case 't':
            ps.sb.add_byte('\t')
        case 'u':
            let u = ps.hex4()
            if u < 0 {
                ps.fail("invalid \\u escape")
                return false
            }
            if u >= 0xDC00 && u <= 0xDFFF {
                ps.i -= 6
                ps.fail("lone low surrogate in \\u escape")
                return false
            }
            if u >= 0xD800 && u <= 0xDBFF {
                let lo: int32 = -1
                if ps.n - ps.i >= 2 && ps.p[ps.i] == '\\' && ps.p[ps.i + 1] == 'u' {
                    ps.i += 2
                    lo = ps.hex4()
                }
                if lo < 0xDC00 || lo > 0xDFFF {
                    ps.fail("high surrogate not followed by a low one in \\u escape")
                    return false
                }
                u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00)
            }
            ps.put_utf8(u)
        default:
            ps.i--
            ps.fail("invalid escape in string")
            return false
        }
        return true
    }

    // one UTF-8 sequence starting with c >= 0x80 at i, copied to sb
    func utf8(self ps: *Parser) bool {
        let c = ps.p[ps.i]
        let k: int64 = 0
        let lo: byte = 0x80
        let hi: byte = 0xBF
        if c >= 0xC2 && c <= 0xDF {
            k = 1
        } else if c >= 0xE0 && c <= 0xEF {
            k = 2
            if c == 0xE0 {
                lo = 0xA0
            } else if c == 0xED {
                hi = 0x9F
            }
        } else if c >= 0xF0 && c <= 0xF4 {
            k = 3
            if c == 0xF0 {
                lo = 0x90
            } else if c == 0xF4 {
                hi = 0x8F
            }
        } else {
            ps.fail("invalid UTF-8 in string")
            return false
        }
        if ps.n - ps.i <= k {
            ps.fail("invalid UTF-8 in string")
            return false
        }
        for j in 1..k + 1 {
            let d = ps.p[ps.i + j]
            if j == 1 && (d < lo || d > hi) || j > 1 && (d < 0x80 || d > 0xBF) {
                ps.fail("invalid UTF-8 in string")
                return false
            }
        }
        ps.sb.add_n(&ps.p[ps.i], k + 1)
        ps.i += k + 1
        return true
    }

    // a string at the opening quote
    func string_at(self ps: *Parser) *Value {
        ps.i++
        ps.sb.n = 0
        for {
            if ps.i >= ps.n {
                return ps.fail("unterminated string")
            }
            let c = ps.p[ps.i]
            if c == '"' {
                ps.i++
                break
            }
            if c < 0x20 {
                return ps.fail("control character in string")
            }
            if c == '\\' {
                ps.i++
                if !ps.escape() {
                    return null
                }
            } else if c >= 0x80 {
                if !ps.utf8() {
                    return null
                }
            } else {
                ps.sb.add_byte(c)
                ps.i++
            }
        }
        if ps.sb.n == 0 {
            return string_n("", 0)
        }
        return string_n(&ps.sb.buf[0], ps.sb.n)
    }

    func array_at(self ps: *Parser) *Value {
        ps.i++
        let a = array()
        ps.skip_space()
        if ps.peek() == ']' {
            ps.i++
            return a
        }
        for {
            let x = ps.value()
            if x == null {
                free(a)
                return null
            }
            a.items.push(x)
            ps.skip_space()
            let c = ps.peek()
            if c == ']' {
                ps.i++
                return a
            }
            if c != ',' {
                free(a)
                return ps.fail("expected ',' or ']' in array")
            }
            ps.i++
        }
        return a
    }

    func object_at(self ps: *Parser) *Value {
        ps.i++
        let o = object()
        ps.skip_space()
        if ps.peek() == '}' {
            ps.i++
            return o
        }
        for {
            ps.skip_space()
            if ps.peek() != '"' {
                free(o)
                return ps.fail("expected a string as a member name")
            }
            let k = ps.string_at()
            if k == null {
                free(o)
                return null
            }
            ps.skip_space()
            if ps.peek() != ':' {
                free(k)
                free(o)
                return ps.fail("expected ':' after a member name")
            }
            ps.i++
            let x = ps.value()
            if x == null {
                free(k)
                free(o)
                return null
            }
            o.keys.push(k)
            o.items.push(x)
            ps.skip_space()
            let c = ps.peek()
            if c == '}' {
                ps.i++
                return o
            }
            if c != ',' {
                free(o)
                return ps.fail("expected ',' or '}' in object")
            }
            ps.i++
        }
        return o
    }

    func value(self ps: *Parser) *Value {
        ps.skip_space()
        let c = ps.peek()
        if ps.i >= ps.n {
            return ps.fail("unexpected end of input")
        }
        if c == '[' || c == '{' {
            if ps.depth >= MAX_DEPTH {
                return ps.fail("nesting too deep")
            }
            ps.depth++
            let v: *Value = null
            if c == '[' {
                v = ps.array_at()
            } else {
                v = ps.object_at()
            }
            ps.depth--
            return v
        }
        if c == '"' {
            return ps.string_at()
        }
        if c == '-' || c >= '0' && c <= '9' {
            return ps.number()
        }
        if c == 't' {
            return ps.literal("true", bool_value(true))
        }
        if c == 'f' {
            return ps.literal("false", bool_value(false))
        }
        if c == 'n' {
            return ps.literal("null", null_value())
        }
        return ps.fail("expected a value")
    }
}

func parse(text: *byte, n: int64) (*Value, Error) {
    let ps = Parser{p: text, n: n}
    let v = ps.value()
    if v != null {
        ps.skip_space()
        if ps.i < ps.n {
            free(v)
            v = ps.fail("text after the value")
        }
    }
    ps.sb.free()
    let err = ps.err
    if v != null {
        err.ok = true
        return (v, err)
    }
    // line and column (from 1, in bytes) of the offset
    err.line = 1
    err.col = 1
    for i in 0..err.offset {
        if text[i] == '\n' {
            err.line++
            err.col = 1
        } else {
            err.col++
        }
    }
    return (null, err)
}

func parse_string(s: string) (*Value, Error) {
    return parse(s, cast<int64>(strlen(s)))
}

// --- writing ---------------------------------------------------------------

func hex_digit(d: int32) byte {
    if d < 10 {
        return cast<byte>(d) + '0'
    }
    return cast<byte>(d - 10) + 'a'
}

func write_string(b: *str.Builder, p: *byte, n: int64) {
    b.add_byte('"')
    for i in 0..n {
        let c = p[i]
        if c == '"' || c == '\\' {
            b.add_byte('\\')
            b.add_byte(c)
        } else if c == '\n' {
            b.add("\\n")
        } else if c == '\r' {
            b.add("\\r")
        } else if c == '\t' {
            b.add("\\t")
        } else if c == 8 {
            b.add("\\b")
        } else if c == 12 {
            b.add("\\f")
        } else if c < 0x20 {
            b.add("\\u00")
            b.add_byte(hex_digit(cast<int32>(c) >> 4))
            b.add_byte(hex_digit(cast<int32>(c) & 15))
        } else {
            b.add_byte(c)
        }
    }
    b.add_byte('"')
}

// a new line and the indentation of depth levels (nothing when compact)
func newline(b: *str.Builder, indent: int32, depth: int32) {
    if indent > 0 {
        b.add_byte('\n')
        for i in 0..indent * depth {
            b.add_byte(' ')
        }
    }
}

func write(b: *str.Builder, v: *Value, indent: int32, depth: int32) {
    switch v.kind {
    case Kind.NULL:
        b.add("null")
    case Kind.BOOL:
        if v.boolean {
            b.add("true")
        } else {
            b.add("false")
        }
    case Kind.NUMBER:
        if v.is_int {
            b.add_int(v.integer)
        } else if v.number - v.number != 0.0 {
            b.add("null")               // inf and nan have no JSON form
        } else {
            b.add_float(v.number)
        }
    case Kind.STRING:
        write_string(b, v.str, v.slen)
    default:
        let obj = v.kind == Kind.OBJECT
        if obj {
            b.add_byte('{')
        } else {
            b.add_byte('[')
        }
        for i in 0..v.items.len() {
            if i > 0 {
                b.add_byte(',')
            }
            newline(b, indent, depth + 1)
            if obj {
                let k = v.keys.get(i)
                write_string(b, k.str, k.slen)
                b.add_byte(':')
                if indent > 0 {
                    b.add_byte(' ')
                }
            }
            write(b, v.items.get(i), indent, depth + 1)
        }
        if v.items.len() > 0 {
            newline(b, indent, depth)
        }
        if obj {
            b.add_byte('}')
        } else {
            b.add_byte(']')
        }
    }
}

func stringify(v: *Value) string {
    return stringify_indent(v, 0)
}

// indent > 0: one member or item per line, indent spaces a level, ": "
// after names (Python's json.dumps(v, indent=n) layout); 0: compact
func stringify_indent(v: *Value, indent: int32) string {
    let b: str.Builder = {}
    write(&b, v, indent, 0)
    let s = b.to_string()
    b.free()
    return s
}
