// new never returns null: when there is no memory the program stops with
// a runtime error and a backtrace, exit status 2.
namespace main

extern c {
    func printf(*byte, ...) int32
}

func grab(n: int64) []int64 {
    return new [n]int64
}

func main() int32 {
    printf("asking\n")
    let s = grab(1 << 50)
    printf("got %lld\n", len(s))
    return 0
}
// expect: asking
// status: 2
// stderr: arc: runtime error: out of memory, bytes requested: 9007199254740992
// stderr:   #* grab+0x*
