// A module for tests/arc/init.arc with no imports: its init runs first.
namespace initlog

extern c {
    func printf(*byte, ...) int32
}

var count: int32

func note(who: string) {
    count += 1
    printf("init %d: %s\n", count, who)
}

func init() {
    note("initlog")
}
