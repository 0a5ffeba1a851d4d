// The runtime's symbols start with arc_ (and _start): a function of the
// program cannot take such a name (spawn and await call arc_spawn and
// arc_await); declaring the runtime's functions in extern c is fine.
extern c {
    func arc_write(fd: int32, p: *byte, n: usize) int64
}

func arc_spawn(x: int32) int32 {
    return x
}

func _start() {
}

async func f() int32 {
    return 3
}

func main() int32 {
    return await f() + arc_spawn(1)
}
// error: 8:6: 'arc_spawn' is a runtime name (the runtime's symbols start with arc_); rename this function
// error: 12:6: '_start' is a runtime name (the runtime's symbols start with arc_); rename this function
