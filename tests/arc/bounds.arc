// An out-of-range index stops the program: the runtime error names the
// index and the length, exit status 2.
namespace main

extern c {
    func printf(*byte, ...) int32
}

func get(s: []int32, i: int32) int32 {
    return s[i]
}

func main() int32 {
    let a: [3]int32 = {7, 8, 9}
    printf("%d\n", get(a[..], 2))
    printf("%d\n", get(a[..], 5))
    printf("unreachable\n")
    return 0
}
// expect: 9
// status: 2
// stderr: arc: runtime error: index 5 out of range for length 3
// stderr: backtrace:
// stderr:   #1 0x* get+0x*
