// fannkuch-redux: tests/bench/c/fannkuch.c in Arc (the same algorithm and
// output; N from the command line).
namespace main

import "os"

extern c {
    func printf(*byte, ...) int32
    func atoi(*byte) int32
}

func main() int32 {
    let n: int32 = 7
    if os.argc() > 1 {
        n = atoi(os.arg(1))
    }
    if n < 1 || n > 15 {
        printf("fannkuch: N must be 1 to 15\n")
        return 2
    }
    let perm: [16]int32 = {}
    let perm1: [16]int32 = {}
    let count: [16]int32 = {}
    let maxflips = 0
    let checksum = 0
    let permcount = 0
    let r = n
    for let i: int32 = 0; i < n; i++ {
        perm1[i] = i
    }
    for {
        for r != 1 {
            count[r - 1] = r
            r--
        }
        for let i: int32 = 0; i < n; i++ {
            perm[i] = perm1[i]
        }
        let flips = 0
        for perm[0] != 0 {
            let i: int32 = 0
            let j = perm[0]
            for i < j {
                let t = perm[i]
                perm[i] = perm[j]
                perm[j] = t
                i++
                j--
            }
            flips++
        }
        if flips > maxflips {
            maxflips = flips
        }
        if permcount % 2 == 0 {
            checksum += flips
        } else {
            checksum -= flips
        }
        for {
            if r == n {
                printf("%d\nPfannkuchen(%d) = %d\n", checksum, n, maxflips)
                return 0
            }
            let p0 = perm1[0]
            for let i: int32 = 0; i < r; i++ {
                perm1[i] = perm1[i + 1]
            }
            perm1[r] = p0
            count[r]--
            if count[r] > 0 {
                break
            }
            r++
        }
        permcount++
    }
    return 0
}
