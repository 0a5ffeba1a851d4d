// Tasks: fork-join fib with async/await (a task per call above a cutoff),
// await of an immediately started task, a detached process literal that
// is awaited, and yield between two tasks.
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
    let u = cast<uint64>(v)
    if v < 0 {
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
    if v < 0 {
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

func sfib(n: int32) int64 {
    if n < 2 {
        return cast<int64>(n)
    }
    return sfib(n - 1) + sfib(n - 2)
}

async func fib(n: int32) int64 {
    if n < 12 {
        return sfib(n)
    }
    let left = fib(n - 1)
    let right = fib(n - 2)
    return await left + await right
}

async func square(x: int32) int32 {
    yield
    return x * x
}

async func player(me: int64, turns: *int64, rounds: int32) int32 {
    let mine = 0
    for mine < rounds {
        if *turns % 2 == me {
            *turns += 1
            mine++
        } else {
            yield
        }
    }
    return mine
}

async func twice<T>(x: T) T {
    return x + x
}

func launch<T>(v: T) T {
    let t = process func() {
        yield
    }()
    await t
    return v
}

func main() {
    line("fib", await fib(25))
    let t: Task<int32> = square(12)
    line("square", cast<int64>(await t))
    let cell: int64 = 0
    let box = &cell
    let done = process func(p: *int64, v: int64) {
        *p = v
    }(box, 42)
    await done
    line("process", cell)
    let turns: int64 = 0
    let a = player(0, &turns, 50)
    let b = player(1, &turns, 50)
    line("players", cast<int64>(await a + await b))
    line("turns", turns)
    line("generic", cast<int64>(launch<int32>(5)) + await twice<int64>(21))
}
// workers: 1 2
// expect: fib 75025
// expect: square 144
// expect: process 42
// expect: players 100
// expect: turns 100
// expect: generic 47
