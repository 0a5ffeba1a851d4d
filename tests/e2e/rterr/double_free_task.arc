// Freed on one worker (a task), freed again by main (on any worker), after
// many ordinary allocations and frees on both that must not be taken for
// double frees.
namespace main

extern c {
    func printf(*byte, ...) int32
    func malloc(usize) *void
    func free(*void)
}

async func churn(p: *void) int64 {
    let keep: [64]*void = {}
    for round in 0..200 {
        for i in 0..64 {
            keep[i] = malloc(cast<usize>(16 + (i * 40 + round) % 3000))
        }
        for i in 0..64 {
            free(keep[i])
        }
    }
    free(p)
    return 1
}

func main() int32 {
    let a = malloc(48)
    printf("block %p\n", a)
    let t = churn(a)
    let keep: [64]*void = {}
    for round in 0..200 {
        for i in 0..64 {
            keep[i] = malloc(cast<usize>(16 + (i * 24 + round) % 5000))
        }
        for i in 0..64 {
            free(keep[i])
        }
    }
    await t
    free(a)
    printf("not reached\n")
    return 0
}
