// fasta: tests/bench/c/fasta.c in Arc (the same algorithm and output; N
// from the command line scales the lengths).  Output goes through a 64 KiB
// buffer, as stdio's would.
namespace main

import "fs"
import "os"

extern c {
    func atoi(*byte) int32
}

const ALU = "GGCCGGGCGCGGTGGCTCACGCCTGTAATCCCAGCACTTTGGGAGGCCGAGGCGGGCGGATCACCTGAGGTCAGGAGTTCGAGACCAGCCTGGCCAACATGGTGAAACCCCGTCTCTACTAAAAATACAAAAATTAGCCGGGCGTGGTGGCGCGCGCCTGTAATCCCAGCTACTCGGGAGGCTGAGGCAGGAGAATCGCTTGAACCCGGGAGGCGGAGGTTGCAGTGAGCCGAGATCGCGCCACTGCACTCCAGCCTGGGCGACAGAGCGAGACTCCGTCTCAAAAA"
let iub_p: [15]float64 = {0.27, 0.12, 0.12, 0.27, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.02}
let hs_p: [4]float64 = {0.3029549426680, 0.1979883004921, 0.1975473066391, 0.3015094502008}
var last: uint32 = 42

var obuf: [65536]byte = {}
var olen: int32 = 0

func put(p: *byte, n: int32) {
    if olen + n > 65536 {
        flush()
    }
    memcpy(&obuf[olen], p, cast<usize>(n))
    olen += n
}

func flush() {
    fs.write(1, &obuf[0], cast<usize>(olen))
    olen = 0
}

func rnd() float64 {
    last = (last * 3877 + 29573) % 139968
    return cast<float64>(last) / 139968.0
}

func repeat(title: string, s: string, n: int32) {
    let len = cast<int32>(strlen(s))
    let at = 0
    let line: [61]byte = {}
    put(title, cast<int32>(strlen(title)))
    for n > 0 {
        let k = n
        if k > 60 {
            k = 60
        }
        for let i: int32 = 0; i < k; i++ {
            line[i] = s[at]
            at++
            if at == len {
                at = 0
            }
        }
        line[k] = '\n'
        put(&line[0], k + 1)
        n -= k
    }
}

func random_seq(title: string, c: string, p: *float64, np: int32, n: int32) {
    let cum: [16]float64 = {}
    let acc = 0.0
    let line: [61]byte = {}
    for let i: int32 = 0; i < np; i++ {
        acc += p[i]
        cum[i] = acc
    }
    put(title, cast<int32>(strlen(title)))
    for n > 0 {
        let k = n
        if k > 60 {
            k = 60
        }
        for let i: int32 = 0; i < k; i++ {
            let r = rnd()
            let j: int32 = 0
            for j < np - 1 && cum[j] < r {
                j++
            }
            line[i] = c[j]
        }
        line[k] = '\n'
        put(&line[0], k + 1)
        n -= k
    }
}

func main() int32 {
    let n: int32 = 1000
    if os.argc() > 1 {
        n = atoi(os.arg(1))
    }
    repeat(">ONE Homo sapiens alu\n", ALU, 2 * n)
    random_seq(">TWO IUB ambiguity codes\n", "acgtBDHKMNRSVWY", &iub_p[0], 15, 3 * n)
    random_seq(">THREE Homo sapiens frequency\n", "acgt", &hs_p[0], 4, 5 * n)
    flush()
    return 0
}
