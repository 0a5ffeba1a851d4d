// spectral-norm split across tasks: each matrix-vector product is cut
// into CHUNKS bands of rows, a task each, awaited before the next product
// (the output is tests/bench/c/spectralnorm.c's: every row's sum is the
// same sequence of operations as there).  N from the command line.
namespace main

import "os"

extern c {
    func printf(*byte, ...) int32
    func malloc(usize) *void
    func free(*void)
    func atoi(*byte) int32
}

const CHUNKS = 16

func a(i: int32, j: int32) float64 {
    return 1.0 / cast<float64>((i + j) * (i + j + 1) / 2 + i + 1)
}

// rows [lo, hi) of A v (trans false) or A^T v (trans true) into out
async func band(n: int32, lo: int32, hi: int32, trans: bool, v: *float64, out: *float64) int32 {
    for let i = lo; i < hi; i++ {
        let s = 0.0
        if trans {
            for let j: int32 = 0; j < n; j++ {
                s += a(j, i) * v[j]
            }
        } else {
            for let j: int32 = 0; j < n; j++ {
                s += a(i, j) * v[j]
            }
        }
        out[i] = s
    }
    return hi - lo
}

func product(n: int32, trans: bool, v: *float64, out: *float64) {
    let ts: [CHUNKS]Task<int32> = {}
    for let k: int32 = 0; k < CHUNKS; k++ {
        ts[k] = band(n, n * k / CHUNKS, n * (k + 1) / CHUNKS, trans, v, out)
    }
    for let k: int32 = 0; k < CHUNKS; k++ {
        await ts[k]
    }
}

func atav(n: int32, v: *float64, out: *float64, tmp: *float64) {
    product(n, false, v, tmp)
    product(n, true, tmp, out)
}

func main() int32 {
    let n: int32 = 100
    if os.argc() > 1 {
        n = atoi(os.arg(1))
    }
    let size = cast<usize>(n) * 8
    let u = cast<*float64>(malloc(size))
    let v = cast<*float64>(malloc(size))
    let t = cast<*float64>(malloc(size))
    for let i: int32 = 0; i < n; i++ {
        u[i] = 1.0
    }
    for let i = 0; i < 10; i++ {
        atav(n, u, v, t)
        atav(n, v, u, t)
    }
    let vbv = 0.0
    let vv = 0.0
    for let i: int32 = 0; i < n; i++ {
        vbv += u[i] * v[i]
        vv += v[i] * v[i]
    }
    printf("%.9f\n", sqrt(vbv / vv))
    free(u)
    free(v)
    free(t)
    return 0
}
