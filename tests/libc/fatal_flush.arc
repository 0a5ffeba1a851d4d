// A runtime error (exit status 2) ends through arc_exit: stdout's buffer
// is flushed ("before" appears, to a file too), unlike a crash.
namespace main

extern c {
    func printf(*byte, ...) int32
}

async func one() int32 {
    return 1
}

func main() int32 {
    printf("before")
    let t = one()
    let a = await t
    let b = await t
    printf(" never %d %d\n", a, b)
    return 0
}
