// spectral-norm: tests/bench/c/spectralnorm.c in Arc (the same algorithm
// and output; N from the command line).
namespace main

import "os"

extern c {
    func printf(*byte, ...) int32
    func malloc(usize) *void
    func free(*void)
    func atoi(*byte) int32
}

func a(i: int32, j: int32) float64 {
    return 1.0 / cast<float64>((i + j) * (i + j + 1) / 2 + i + 1)
}

func av(n: int32, v: *float64, out: *float64) {
    for let i: int32 = 0; i < n; i++ {
        let s = 0.0
        for let j: int32 = 0; j < n; j++ {
            s += a(i, j) * v[j]
        }
        out[i] = s
    }
}

func atv(n: int32, v: *float64, out: *float64) {
    for let i: int32 = 0; i < n; i++ {
        let s = 0.0
        for let j: int32 = 0; j < n; j++ {
            s += a(j, i) * v[j]
        }
        out[i] = s
    }
}

func atav(n: int32, v: *float64, out: *float64, tmp: *float64) {
    av(n, v, tmp)
    atv(n, tmp, out)
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
