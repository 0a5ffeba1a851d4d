// Enum members may refer to later members and to other enums, in any
// order (err/enum_cycle.arc: not to themselves).
namespace main

extern c {
    func printf(*byte, ...) int32
}

enum Color {
    RED = Color.BLUE + 1
    GREEN
    BLUE = Size.LARGE * 2
}

enum Size {
    SMALL = 1
    LARGE = 10
}

const N = Color.GREEN

struct Buf {
    data: [Color.BLUE]byte
}

func main() int32 {
    let b = Buf{}
    printf("%d %d %d %d %d\n", Color.RED, Color.GREEN, Color.BLUE, N, cast<int32>(sizeof(b)))
    return 0
}
// expect: 21 22 20 22 20
