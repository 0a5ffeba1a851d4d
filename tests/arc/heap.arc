// The heap (ARC.md section 11): new T (zeroed), new T{...}, new [n]T (a
// zeroed slice, n need not be a constant), delete on the runtime's
// allocator; a linked list built and freed.
namespace main

extern c {
    func printf(*byte, ...) int32
}

struct Node {
    value: int64
    next: *Node
}

func push(head: *Node, v: int64) *Node {
    return new Node{value: v, next: head}
}

func main() int32 {
    let p = new int64
    printf("zeroed %lld\n", *p)
    *p = 42
    printf("set %lld\n", *p)
    delete(p)
    let head: *Node = null
    for i in 1..6 {
        head = push(head, cast<int64>(i) * 10)
    }
    let total: int64 = 0
    for let n = head; n != null; n = n.next {
        total += n.value
    }
    printf("list total %lld\n", total)
    for head != null {
        let next = head.next
        delete(head)
        head = next
    }
    let n = 1000
    let s = new [n]int32
    let zeros = 0
    for x in s {
        if x == 0 {
            zeros++
        }
    }
    for i in 0..len(s) {
        s[i] = cast<int32>(i)
    }
    printf("len %lld zeros %d last %d\n", len(s), zeros, s[999])
    delete(s)
    let big = new [1 << 20]int64
    big[(1 << 20) - 1] = 7
    printf("big %lld\n", big[(1 << 20) - 1])
    delete(big)
    return 0
}
// expect: zeroed 0
// expect: set 42
// expect: list total 150
// expect: len 1000 zeros 1000 last 999
// expect: big 7
