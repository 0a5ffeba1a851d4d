// Calling a null function value is a runtime error naming the caller (in
// the backtrace), exit status 2, not a jump to address 0.
namespace main

extern c {
    func printf(*byte, ...) int32
}

func run_callback(f: func(int32) int32) int32 {
    return f(1)
}

func main() int32 {
    printf("before\n")
    run_callback(null)
    printf("after\n")
    return 0
}
// expect: before
// status: 2
// stderr: arc: runtime error: call through a null function value
// stderr:   #1 0x* run_callback+0x*
