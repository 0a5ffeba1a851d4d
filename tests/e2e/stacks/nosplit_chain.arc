// gen/x64/depth.c: chain_a -> chain_b -> chain_c have no stack check of
// their own (internal, no cycle, 512 bytes or less in all), nor has the
// task body worker, so the check of the task's entry (worker.spawn0, the
// wrapper a task starts in) counts all their frames.  20,000 tasks
// start on 512-byte segments carved next to each other; each fills the
// chain's locals with its id and yields at the bottom, so other tasks
// run on the neighbouring segments meanwhile.  Had the task's check not
// counted the chain, its frames would run past its segment into a
// neighbour's and some id would come back wrong.  stacks.sh also checks
// in the listing that the chain has no check and worker.spawn0 has one.
// workers: 1 2
// expect: tasks=20000 bad=0
namespace main
extern c {
    func printf(*byte, ...) int32
}

func chain_c(id: int64) int64 {
    let l: [14]int64 = {}
    for i in 0..14 {
        l[i] = id
    }
    yield
    let bad: int64 = 0
    for i in 0..14 {
        if l[i] != id {
            bad++
        }
    }
    return bad
}

func chain_b(id: int64) int64 {
    let l: [14]int64 = {}
    for i in 0..14 {
        l[i] = id
    }
    let bad = chain_c(id)
    for i in 0..14 {
        if l[i] != id {
            bad++
        }
    }
    return bad
}

func chain_a(id: int64) int64 {
    let l: [14]int64 = {}
    for i in 0..14 {
        l[i] = id
    }
    let bad = chain_b(id)
    for i in 0..14 {
        if l[i] != id {
            bad++
        }
    }
    return bad
}

async func worker(id: int64) int64 {
    return chain_a(id)
}

func main() int32 {
    let n: int64 = 20000
    let hs: [20000]Task<int64> = {}
    for i in 0..20000 {
        hs[i] = worker(cast<int64>(i) + 1)
    }
    let bad: int64 = 0
    for i in 0..20000 {
        bad += await hs[i]
    }
    printf("tasks=%lld bad=%lld\n", n, bad)
    return 0
}
