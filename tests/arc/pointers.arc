// Pointers (&, *, **, arithmetic scaled by the element size, p[i], null,
// &buf as *byte), tuples, generics (functions and structs, monomorphised),
// bit_cast, memcpy/memset/memcmp, alloca, syscall.
namespace main

extern c {
    func arc_write(fd: int32, p: *byte, n: usize) isize
}

func print(s: string) {
    arc_write(1, s, strlen(s))
}

func print_int(v: int64) {
    let buf: [24]byte = {}
    let i = 23
    let neg = v < 0
    let u = cast<uint64>(v)
    if neg {
        u = cast<uint64>(-v)
    }
    for {
        i--
        buf[i] = cast<byte>(u % 10) + '0'
        u /= 10
        if u == 0 {
            break
        }
    }
    if neg {
        i--
        buf[i] = '-'
    }
    arc_write(1, &buf[i], cast<usize>(23 - i))
}

func line(label: string, v: int64) {
    print(label)
    print(" ")
    print_int(v)
    print("\n")
}


struct Node {
    value: int32
    next: *Node
}

struct Box<T> {
    value: T
    count: int32
}

func swap<T>(a: *T, b: *T) {
    let t = *a
    *a = *b
    *b = t
}

func biggest<T>(a: T, b: T) T {
    if a > b {
        return a
    }
    return b
}

func divmod(a: int32, b: int32) (int32, int32) {
    return (a / b, a % b)
}

func find(p: *int32, n: int32, want: int32) (bool, int32) {
    for i in 0..n {
        if p[i] == want {
            return (true, i)
        }
    }
    return (false, -1)
}

func set(pp: **int32, v: int32) {
    **pp = v
}

func main() int32 {
    let v: int32 = 1
    let p: *int32 = &v
    *p = 9
    let pp = &p
    set(pp, *p + 1)
    line("deref", cast<int64>(v))
    let arr: [5]int64 = {10, 20, 30, 40, 50}
    let q = &arr[1]
    line("arith", *(q + 2) + q[-1] + *(q + 3 - 1))
    let end = &arr[4]
    line("diff", end - q)
    let head: *Node = null
    let n1 = Node{value: 1, next: head}
    let n2 = Node{value: 2, next: &n1}
    let n3 = Node{value: 3, next: &n2}
    let sum = 0
    for let it = &n3; it != null; it = it.next {
        sum = sum * 10 + it.value
    }
    line("list", cast<int64>(sum))
    let buf: [8]byte = {}
    buf[0] = 'h'
    buf[1] = 'i'
    print(&buf)
    print("\n")
    let (d, m) = divmod(17, 5)
    line("divmod", cast<int64>(d * 10 + m))
    let nums: [4]int32 = {4, 8, 15, 16}
    let (found, at) = find(&nums, 4, 15)
    if found {
        line("found", cast<int64>(at))
    }
    let pair = divmod(9, 4)
    line("pair", cast<int64>(pair.0 + pair.1))
    let x: int64 = 3
    let y: int64 = 4
    swap<int64>(&x, &y)
    line("swap", x * 10 + y)
    let b1: byte = 7
    let b2: byte = 9
    swap<byte>(&b1, &b2)
    line("swap8", cast<int64>(b1))
    line("max", cast<int64>(biggest<int32>(3, 11) + biggest<int32>(-3, -11)))
    line("maxf", cast<int64>(biggest<float64>(1.5, 2.5) * 2.0))
    let bx = Box<int32>{value: 4, count: 2}
    let bl = Box<int64>{value: 5000000000}
    line("box", cast<int64>(bx.value * bx.count) + bl.value)
    let bits = bit_cast<uint64>(1.0)
    line("bits", cast<int64>(bits >> 52))
    let dst: [4]int32 = {}
    memcpy(&dst, &nums, sizeof(nums))
    line("memcpy", cast<int64>(dst[3]))
    memset(&dst, 0, 8)
    line("memset", cast<int64>(dst[0] + dst[1] + dst[2]))
    line("memcmp", cast<int64>(memcmp(&dst[2], &nums[2], 8)))
    let tmp = alloca<int64>(4)
    tmp[3] = 77
    line("alloca", tmp[3])
    let pid = syscall(39)
    if pid > 0 {
        print("pid ok\n")
    }
    let addr = cast<usize>(p)
    let back = cast<*int32>(addr)
    line("ptrint", cast<int64>(*back))
    return 0
}
// expect: deref 10
// expect: arith 90
// expect: diff 3
// expect: list 321
// expect: hi
// expect: divmod 32
// expect: found 2
// expect: pair 3
// expect: swap 43
// expect: swap8 9
// expect: max 8
// expect: maxf 5
// expect: box 5000000008
// expect: bits 1023
// expect: memcpy 16
// expect: memset 15
// expect: memcmp 0
// expect: alloca 77
// expect: pid ok
// expect: ptrint 10
