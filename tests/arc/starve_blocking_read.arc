// A yielded task is not stuck behind its worker: main yields while a task
// blocked in read(2) holds its worker; the other worker must run main,
// which then starts the writer that unblocks the reader.
// workers: 2 4
// timeout: 20
// expect: read 5 wrote 5
namespace main

extern c {
    func printf(*byte, ...) int32
    func arc_pipe2(*int32, int32) int64
}

async func reader(fd: int32) int64 {
    let buf: [8]byte = {}
    return syscall(0, cast<int64>(fd), cast<int64>(&buf), 8)
}

async func writer(fd: int32) int64 {
    return syscall(1, cast<int64>(fd), cast<int64>("hello"), 5)
}

func main() int32 {
    let fds: [2]int32 = {}
    arc_pipe2(&fds[0], 0)
    let r = reader(fds[0])
    yield
    let w = writer(fds[1])
    let a = await r
    let b = await w
    printf("read %lld wrote %lld\n", a, b)
    return 0
}
