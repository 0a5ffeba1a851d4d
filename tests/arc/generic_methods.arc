// Methods of a generic struct, instantiated per type argument list.
struct Stack<T> {
    items: [8]T
    n: int32

    func push(self s: *Stack<T>, v: T) {
        s.items[s.n] = v
        s.n++
    }

    func pop(self s: *Stack<T>) T {
        s.n--
        return s.items[s.n]
    }

    func size(self s: Stack<T>) int32 {
        return s.n
    }
}

func main() int32 {
    let a = Stack<int64>{}
    a.push(40)
    a.push(2)
    let b: Stack<byte> = {}
    b.push(1)
    let x = a.pop() + a.pop()
    return cast<int32>(x) + a.size() * 100 + b.size() * 10 + cast<int32>(b.pop())
}
// status: 53
