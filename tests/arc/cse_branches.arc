// Branches decided on the way (gen/opt.c: opt_cse) and threaded jumps
// (opt_merge).  Inside `if c`, another `if c` is known true and its else
// is dropped, unless c was assigned in between; a loop condition `a && b`
// jumps straight to the body or out; a short-circuit `||` whose first
// operand decides.  tests/e2e/arc.sh checks that twice() keeps one branch
// on c.
// expect: twice 1 2 | 20 -20
// expect: reassigned 1 0
// expect: and-loop 50 7 3
// expect: or 1 1 0 1
// expect: nested 6 4 1 0
namespace main

extern c {
    func printf(*byte, ...) int32
}

// the second test of c is known on both paths
func twice(c: bool, x: int32) int32 {
    let r = 0
    if c {
        r = x
        if c {
            r += x
        } else {
            r = -1000
        }
    } else {
        if c {
            r = 1000
        } else {
            r = -x
        }
    }
    return r
}

// c changes between the tests: the second one must run
func reassigned(c: bool) int32 {
    let n = 0
    if c {
        c = !c
        if c {
            n = 5
        }
    }
    return n
}

func steps(limit: int32, stop: int32) int32 {
    let i = 0
    for i < limit && i != stop {
        i++
    }
    return i
}

func either(a: bool, b: bool) int32 {
    if a || b {
        return 1
    }
    return 0
}

func nested(x: int32) int32 {
    let k = 0
    if x > 2 {
        if x > 2 && x < 10 {
            k = x
        }
        if x > 4 || x == 3 {
            k += 1
        }
    } else if x > 0 {
        k = 1
    }
    return k
}

func main() int32 {
    printf("twice %d %d | %d %d\n", twice(true, 0) + 1, twice(true, 1), twice(true, 10), twice(false, 20))
    printf("reassigned %d %d\n", reassigned(false) + 1, reassigned(true))
    printf("and-loop %d %d %d\n", steps(50, 100), steps(50, 7), steps(3, 3))
    printf("or %d %d %d %d\n", either(true, false), either(false, true), either(false, false), either(true, true))
    printf("nested %d %d %d %d\n", nested(5), nested(3), nested(1), nested(-2))
    return 0
}
