// stdlib_arc/io.arc: files (open, read, read_file, close) and the error
// values, next to printf from the C layer.
namespace main

import "io"

extern c {
    func printf(*byte, ...) int32
}

func main() int32 {
    let (data, len, err) = io.read_file("tests/arc/mod/geom.arc")
    if err != 0 {
        printf("read_file failed: %d\n", err)
        return 1
    }
    printf("%.27s| %d\n", data, cast<int32>(data[len - 1]))
    io.free_file(data)
    let (none, n, e) = io.read_file("/nonexistent/file")
    if none == null && n == 0 {
        printf("missing: %d\n", e)
    }
    let fd = io.open("/dev/null", io.O_WRONLY, 0)
    let w = io.write_all(fd, "discarded", 9)
    printf("write %lld close %d\n", w, io.close(fd))
    printf("bad close %d\n", io.close(fd))
    return 0
}
// expect: // A module for tests/arc/m| 10
// expect: missing: -2
// expect: write 9 close 0
// expect: bad close -9
