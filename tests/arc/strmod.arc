// stdlib_arc/str.arc: concat, starts_with/ends_with, index_of, split,
// trim, integer and float parsing (errors as values) and formatting, and
// the Builder.  tests/e2e/arc.sh also checks format_float/parse_float
// against glibc's printf and strtod on 20,000 doubles.
namespace main

import "str"

extern c {
    func printf(*byte, ...) int32
}

func show_int(s: string) {
    let (v, ok) = str.parse_int(s)
    printf("parse_int(\"%s\") %lld %d\n", s, v, ok)
}

func show_float(s: string) {
    let (x, ok) = str.parse_float(s)
    let f = str.format_float(x)
    printf("parse_float(\"%s\") %s %d\n", s, f, ok)
    str.free(f)
}

func main() int32 {
    let c = str.concat("foo", "bar")
    printf("concat %s %lld\n", c, len(c))
    let e = str.concat("", "")
    printf("concat empty [%s]\n", e)
    printf("starts %d %d %d %d\n", str.starts_with(c, "foo"), str.starts_with(c, "bar"), str.starts_with(c, ""), str.starts_with("fo", "foo"))
    printf("ends %d %d %d %d\n", str.ends_with(c, "bar"), str.ends_with(c, "foo"), str.ends_with(c, ""), str.ends_with("ar", "bar"))
    printf("index_of %lld %lld %lld %lld %lld\n", str.index_of(c, "bar"), str.index_of(c, "o"), str.index_of(c, "x"), str.index_of(c, ""), str.index_of("ab", "abc"))
    str.free(c)
    str.free(e)

    let parts = str.split("a,b,,c", ",")
    printf("split %lld:", len(parts))
    for p in parts {
        printf(" [%s]", p)
    }
    printf("\n")
    str.free_split(parts)
    let parts2 = str.split("one::two::", "::")
    printf("split %lld:", len(parts2))
    for i, p in parts2 {
        printf(" %lld=[%s]", i, p)
    }
    printf("\n")
    str.free_split(parts2)
    let parts3 = str.split("whole", "")
    printf("split %lld: [%s]\n", len(parts3), parts3[0])
    str.free_split(parts3)

    let t = str.trim("  \t hello world \n")
    printf("trim [%s]\n", t)
    str.free(t)
    let t2 = str.trim(" \t\n ")
    printf("trim [%s]\n", t2)
    str.free(t2)

    show_int("0")
    show_int("-42")
    show_int("+17")
    show_int("9223372036854775807")
    show_int("9223372036854775808")
    show_int("-9223372036854775808")
    show_int("-9223372036854775809")
    show_int("12x")
    show_int("")
    show_int("-")
    show_int("99999999999999999999999")

    show_float("0.1")
    show_float("-2.5e-3")
    show_float("1e308")
    show_float("1e309")
    show_float("inf")
    show_float("-inf")
    show_float("nan")
    show_float("0x1p-2")
    show_float("4.9e-324")
    show_float("1.5x")
    show_float("")
    show_float(" 1")

    let f1 = str.format_int(-9223372036854775807 - 1)
    let f2 = str.format_float(1.0 / 3.0)
    let f3 = str.format_float(100.0)
    let f4 = str.format_float(1e21)
    let f6 = str.format_float(12345678901234567.0)
    let f7 = str.format_float(1e16)
    let f5 = str.format_float(-0.0)
    printf("format %s %s %s %s %s %s %s\n", f1, f2, f3, f4, f5, f6, f7)
    str.free(f6)
    str.free(f7)
    str.free(f1)
    str.free(f2)
    str.free(f3)
    str.free(f4)
    str.free(f5)

    let bi: str.Builder = {}
    bi.add_int(0)
    bi.add_byte(' ')
    bi.add_int(-7)
    bi.add_byte(' ')
    bi.add_int(9223372036854775807)
    bi.add_byte(' ')
    bi.add_int(-9223372036854775807 - 1)
    let si = bi.to_string()
    printf("add_int %s\n", si)
    str.free(si)

    let b: str.Builder = {}
    let s0 = b.to_string()
    printf("builder empty [%s] %lld\n", s0, b.len())
    str.free(s0)
    b.add("x=")
    b.add_int(12)
    b.add_byte(' ')
    b.add("y=")
    b.add_float(0.25)
    for i in 0..100 {
        b.add_byte(cast<byte>('a' + i % 26))
    }
    let s = b.to_string()
    printf("builder %lld %s\n", b.len(), s)
    str.free(s)
    b.free()
    printf("builder freed %lld\n", b.len())
    return 0
}

// expect: concat foobar 6
// expect: concat empty []
// expect: starts 1 0 1 0
// expect: ends 1 0 1 0
// expect: index_of 3 1 -1 0 -1
// expect: split 4: [a] [b] [] [c]
// expect: split 3: 0=[one] 1=[two] 2=[]
// expect: split 1: [whole]
// expect: trim [hello world]
// expect: trim []
// expect: parse_int("0") 0 1
// expect: parse_int("-42") -42 1
// expect: parse_int("+17") 17 1
// expect: parse_int("9223372036854775807") 9223372036854775807 1
// expect: parse_int("9223372036854775808") 0 0
// expect: parse_int("-9223372036854775808") -9223372036854775808 1
// expect: parse_int("-9223372036854775809") 0 0
// expect: parse_int("12x") 0 0
// expect: parse_int("") 0 0
// expect: parse_int("-") 0 0
// expect: parse_int("99999999999999999999999") 0 0
// expect: parse_float("0.1") 0.1 1
// expect: parse_float("-2.5e-3") -0.0025 1
// expect: parse_float("1e308") 1e+308 1
// expect: parse_float("1e309") inf 0
// expect: parse_float("inf") inf 1
// expect: parse_float("-inf") -inf 1
// expect: parse_float("nan") nan 1
// expect: parse_float("0x1p-2") 0.25 1
// expect: parse_float("4.9e-324") 5e-324 1
// expect: parse_float("1.5x") 0 0
// expect: parse_float("") 0 0
// expect: parse_float(" 1") 0 0
// expect: format -9223372036854775808 0.3333333333333333 100 1e+21 -0 12345678901234568 10000000000000000
// expect: add_int 0 -7 9223372036854775807 -9223372036854775808
// expect: builder empty [] 0
// expect: builder 111 x=12 y=0.25abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuv
// expect: builder freed 0
