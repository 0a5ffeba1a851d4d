// String comparison (ARC.md section 11): == and != on two string operands
// compare contents, a literal either way round; on *byte they compare
// addresses.
namespace main

extern c {
    func printf(*byte, ...) int32
}

func same(a: string, b: string) bool {
    return a == b
}

func main() int32 {
    let buf: [4]byte = {}
    buf[0] = 'a'
    buf[1] = 'b'
    let s: string = &buf[0]
    let t: string = "ab"
    printf("%d %d %d %d\n", s == t, s == "ab", "ab" == s, s != "ab")
    printf("%d %d %d\n", same("abc", "abd"), same("", ""), same("a", ""))
    let p: *byte = &buf[0]
    let q: *byte = "ab"
    printf("addresses %d %d\n", p == q, p == &buf[0])
    let n: string = null
    printf("null %d %d %d\n", n == null, n == "", s == n)
    return 0
}
// expect: 1 1 1 0
// expect: 0 1 0
// expect: addresses 0 1
// expect: null 1 0 0
