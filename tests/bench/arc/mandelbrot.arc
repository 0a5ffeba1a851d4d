// mandelbrot: tests/bench/c/mandelbrot.c in Arc (the same algorithm and
// output: a binary PBM of N x N, N from the command line).
namespace main

import "io"
import "os"

extern c {
    func printf(*byte, ...) int32
    func calloc(usize, usize) *void
    func free(*void)
    func atoi(*byte) int32
    func fflush(*void) int32
}

// row y of the bitmap into bits (rowbytes bytes, zeroed)
func row(n: int32, y: int32, bits: *byte) {
    let ci = 2.0 * cast<float64>(y) / cast<float64>(n) - 1.0
    for let x: int32 = 0; x < n; x++ {
        let cr = 2.0 * cast<float64>(x) / cast<float64>(n) - 1.5
        let zr = 0.0
        let zi = 0.0
        let tr = 0.0
        let ti = 0.0
        let i = 0
        for i < 50 && tr + ti <= 4.0 {
            zi = 2.0 * zr * zi + ci
            zr = tr - ti + cr
            tr = zr * zr
            ti = zi * zi
            i++
        }
        if tr + ti <= 4.0 {
            bits[x / 8] |= cast<byte>(0x80 >> (x % 8))
        }
    }
}

func main() int32 {
    let n: int32 = 200
    if os.argc() > 1 {
        n = atoi(os.arg(1))
    }
    let rowbytes = (n + 7) / 8
    let bits = cast<*byte>(calloc(cast<usize>(n), cast<usize>(rowbytes)))
    for let y: int32 = 0; y < n; y++ {
        row(n, y, bits + y * rowbytes)
    }
    printf("P4\n%d %d\n", n, n)
    fflush(null)
    io.write_all(1, bits, cast<usize>(n * rowbytes))
    free(bits)
    return 0
}
