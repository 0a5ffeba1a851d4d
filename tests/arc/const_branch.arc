// An inlined function that returns a constant on each of its paths
// (gen/opt.c thread_jumps): the caller's branch on its result goes
// straight to its target, and the copies of the constants are dead.
// tests/e2e/arc.sh checks that check()'s IR holds no i8 copy; the output
// shows every path still taken as before.
// expect: bad 1 good 2 good 2 either 3 neither 0
namespace main

extern c {
    func printf(*byte, ...) int32
}

func failed(x: int64) bool {
    if x < 0 {
        return true
    }
    return false
}

func check(x: int64) int32 {
    if failed(x) {
        printf("bad ")
        return 1
    }
    printf("good ")
    return 2
}

func either(a: int64, b: int64) int32 {
    if failed(a) || failed(b) {
        return 3
    }
    return 0
}

func main() int32 {
    let r = check(-5)
    printf("%d ", r)
    r = check(0)
    printf("%d ", r)
    r = check(7)
    printf("%d ", r)
    printf("either %d ", either(1, -1))
    printf("neither %d\n", either(1, 2))
    return 0
}
