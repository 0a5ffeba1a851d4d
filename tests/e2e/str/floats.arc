// str.format_float and str.parse_float on 20,000 doubles: random bit
// patterns (xorshift64, NaNs left out) and random short decimals k/10^j.
// Each line: the text, the bits format_float's text parses back to, and
// whether they are x's.  floats_ref.c does the same with glibc's printf
// and strtod; tests/e2e/arc.sh compares the outputs.
namespace main

import "str"

extern c {
    func printf(*byte, ...) int32
}

func bits(x: float64) uint64 {
    return *cast<*uint64>(&x)
}

func from_bits(u: uint64) float64 {
    return *cast<*float64>(&u)
}

func show(x: float64) {
    let s = str.format_float(x)
    let (y, ok) = str.parse_float(s)
    printf("%s %016llx %d %d\n", s, bits(y), bits(y) == bits(x), ok)
    str.free(s)
}

func main() int32 {
    let r: uint64 = 88172645463325252
    let n = 0
    for n < 10000 {
        r ^= r << 13
        r ^= r >> 7
        r ^= r << 17
        if ((r >> 52) & 0x7ff) == 0x7ff && (r & 0xfffffffffffff) != 0 {
            continue
        }
        show(from_bits(r))
        n++
    }
    let p10: [8]float64 = {1.0, 10.0, 100.0, 1000.0, 10000.0, 100000.0, 1000000.0, 10000000.0}
    for i in 0..10000 {
        r ^= r << 13
        r ^= r >> 7
        r ^= r << 17
        let k = cast<float64>(cast<int64>(r % 100000000)) / p10[(r >> 40) % 8]
        show(k)
    }
    return 0
}
