// printf conformance: every conversion, flag, width, precision and
// length modifier stdlib_arc/libc.arc supports; the expected lines are
// glibc's output for the same calls.
namespace main

extern c {
    func printf(*byte, ...) int32
    func snprintf(*byte, usize, *byte, ...) int32
    func sprintf(*byte, *byte, ...) int32
    func puts(*byte) int32
    func putchar(int32) int32
}

const INF_BITS: uint64 = 0x7ff0000000000000

func main() int32 {
    let INF = bit_cast<float64>(INF_BITS)
    let NAN = bit_cast<float64>(INF_BITS | 1)
    printf("[%d|%i|%d]\n", 0, -1, 2147483647)
    printf("[%d]\n", cast<int32>(-2147483647 - 1))
    printf("[%lld]\n", cast<int64>(-9223372036854775807 - 1))
    printf("[%ld|%zu|%llu]\n", cast<int64>(9223372036854775807), cast<usize>(18446744073709551615), cast<uint64>(42))
    printf("[%u|%x|%X|%o]\n", cast<uint32>(4294967295), cast<uint32>(3735928559), cast<uint32>(48879), cast<uint32>(8))
    printf("[%hhd|%hd|%hhu|%hu]\n", 300, 70000, 511, 65537)
    printf("[%5d|%-5d|%05d|%+d|% d|%+5d]\n", 42, 42, -42, 42, 42, -7)
    printf("[%.0d|%.0x|%5.0d|%.3d|%.3d|%08.3d]\n", 0, 0, 0, 7, -7, 5)
    printf("[%#x|%#X|%#o|%#x|%#o|%#.0o]\n", 255, 255, 8, 0, 0, 0)
    printf("[%#010x|%-#8x|%08x|%-08d|]\n", 255, 255, 255, 12)
    printf("[%c%c%c|%3c|%-3c|]\n", 'a', 'b', 'c', 'x', 'y')
    printf("[%s|%-8s|%8s|%.2s|%-6.3s|]\n", "abc", "abc", "abc", "abc", "abcdef")
    printf("[%*d|%-*d|%.*d|%*.*s|]\n", 6, 1, 6, 2, 3, 4, 5, 2, "xyz")
    printf("[%%|100%%|%5%|]\n")
    printf("[%p|%p|]\n", cast<*byte>(null), cast<*byte>(cast<uint64>(4096)))
    printf("[%f|%.0f|%.1f|%.2f|%.3f]\n", 3.14159, 2.5, 0.05, 1.005, -0.0005)
    printf("[%.0f|%.0f|%.0f|%.0f]\n", 0.5, 1.5, 3.5, 0.51)
    printf("[%08.3f|%-10.2f|%+.2f|% .1f|%010.1f]\n", 3.14159, 2.5, 1.0, 2.25, -1.5)
    printf("[%#.0f|%#.0e|%#g|%#.3g]\n", 3.0, 3.0, 1.0, 100.0)
    printf("[%f|%f|%.2f]\n", 1e20, 123456789.125, 999.999)
    printf("[%.20f]\n", 0.1)
    printf("[%.30f]\n", 1e-10)
    printf("[%f]\n", 1.7976931348623157e308)
    printf("[%e|%.0e|%.2e|%E|%e]\n", 0.0, 12345.0, 0.000123456, 1e100, 9.9999999)
    printf("[%e|%e|%.3e]\n", 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308)
    printf("[%g|%g|%g|%g|%g|%g]\n", 0.0, 100000.0, 1000000.0, 0.0001, 0.00001, 123.456)
    printf("[%g|%G|%.3g|%.10g|%.0g|%g]\n", 1e-5, 1e-20, 3.14159, 3.14159, 0.5, 9.9999995)
    printf("[%g|%g|%g|%.17g|%.1g]\n", -0.0, 1e300, 2.5e-7, 0.1, 0.95)
    printf("[%10.3g|%-10g|%+g|%010g|]\n", 1234.5, 0.5, 2.0, -3.25)
    printf("[%f|%F|%e|%g|%5.1f|%-6f|]\n", INF, -INF, NAN, INF, INF, -INF)
    printf("[%d %s %.1f %c %x %lld]\n", -1, "mix", 2.75, 'Z', 255, cast<int64>(1) << 40)
    let b: [8]byte = {}
    let r = snprintf(&b, 8, "%s-%d", "abcdef", 12345)
    printf("%d %s\n", r, &b)
    r = snprintf(null, 0, "%d", 123)
    printf("%d\n", r)
    let big: [64]byte = {}
    r = sprintf(&big, "%05d|%-3s|%.2e", 42, "a", 1234.5)
    printf("%d %s\n", r, &big)
    r = printf("%s=%d\n", "ret", 7)
    printf("%d\n", r)
    puts("puts adds a newline")
    putchar(33)
    putchar(10)
    return 0
}
// expect: [0|-1|2147483647]
// expect: [-2147483648]
// expect: [-9223372036854775808]
// expect: [9223372036854775807|18446744073709551615|42]
// expect: [4294967295|deadbeef|BEEF|10]
// expect: [44|4464|255|1]
// expect: [   42|42   |-0042|+42| 42|   -7]
// expect: [||     |007|-007|     005]
// expect: [0xff|0XFF|010|0|0|0]
// expect: [0x000000ff|0xff    |000000ff|12      |]
// expect: [abc|  x|y  |]
// expect: [abc|abc     |     abc|ab|abc   |]
// expect: [     1|2     |004|   xy|]
// expect: [%|100%|%|]
// expect: [(nil)|0x1000|]
// expect: [3.141590|2|0.1|1.00|-0.001]
// expect: [0|2|4|1]
// expect: [0003.142|2.50      |+1.00| 2.2|-0000001.5]
// expect: [3.|3.e+00|1.00000|100.]
// expect: [100000000000000000000.000000|123456789.125000|1000.00]
// expect: [0.10000000000000000555]
// expect: [0.000000000100000000000000003643]
// expect: [179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368.000000]
// expect: [0.000000e+00|1e+04|1.23e-04|1.000000E+100|1.000000e+01]
// expect: [4.940656e-324|2.225074e-308|1.798e+308]
// expect: [0|100000|1e+06|0.0001|1e-05|123.456]
// expect: [1e-05|1E-20|3.14|3.14159|0.5|10]
// expect: [-0|1e+300|2.5e-07|0.10000000000000001|0.9]
// expect: [  1.23e+03|0.5       |+2|-000003.25|]
// expect: [inf|-INF|nan|inf|  inf|-inf  |]
// expect: [-1 mix 2.8 Z ff 1099511627776]
// expect: 12 abcdef-
// expect: 3
// expect: 18 00042|a  |1.23e+03
// expect: ret=7
// expect: 6
// expect: puts adds a newline
// expect: !
