// stdlib_arc/fs.arc: write_file/read_file, stat, mkdir, readdir, rename,
// remove, and failures as values named by errname.
namespace main

import "fs"

extern c {
    func printf(*byte, ...) int32
    func snprintf(*byte, usize, *byte, ...) int32
}

func main() int32 {
    let dir: [64]byte = {}
    let a: [96]byte = {}
    let b: [96]byte = {}
    snprintf(&dir[0], 64, "/tmp/arc_fs_basic.%d", cast<int32>(syscall(39)))
    snprintf(&a[0], 96, "%s/a.txt", &dir[0])
    snprintf(&b[0], 96, "%s/b.txt", &dir[0])
    printf("mkdir %d, again %s\n", fs.mkdir(&dir[0], 0o755), fs.errname(cast<int64>(fs.mkdir(&dir[0], 0o755))))
    printf("write_file %d\n", fs.write_file(&a[0], "hello, fs\n", 10))
    let st = fs.Stat{}
    printf("stat %d size %lld dir %d\n", fs.stat(&a[0], &st), st.size, fs.is_dir(&st))
    fs.stat(&dir[0], &st)
    printf("dir is a directory: %d\n", fs.is_dir(&st))
    printf("rename %d\n", fs.rename(&a[0], &b[0]))
    let (data, len, err) = fs.read_file(&b[0])
    printf("read_file %d %llu %s", err, len, data)
    fs.free_file(data)
    let (none, n, e) = fs.read_file(&a[0])
    printf("read_file of the old name: %s (%d %llu)\n", fs.errname(cast<int64>(e)), none == null, n)
    let d = fs.Dir{}
    printf("dir_open %d\n", fs.dir_open(&dir[0], &d))
    for {
        let name = fs.dir_next(&d)
        if name == null {
            break
        }
        printf("entry %s\n", name)
    }
    fs.dir_close(&d)
    printf("remove non-empty dir: %s\n", fs.errname(cast<int64>(fs.remove(&dir[0]))))
    printf("remove %d %d\n", fs.remove(&b[0]), fs.remove(&dir[0]))
    printf("stat gone: %s\n", fs.errname(cast<int64>(fs.stat(&dir[0], &st))))
    printf("open of a directory for writing: %s\n", fs.errname(cast<int64>(fs.open("/tmp", fs.O_WRONLY, 0))))
    printf("write to a closed fd: %s\n", fs.errname(fs.write(-1, "x", 1)))
    return 0
}
// expect: mkdir 0, again EEXIST
// expect: write_file 0
// expect: stat 0 size 10 dir 0
// expect: dir is a directory: 1
// expect: rename 0
// expect: read_file 0 10 hello, fs
// expect: read_file of the old name: ENOENT (1 0)
// expect: dir_open 0
// expect: entry b.txt
// expect: remove non-empty dir: ENOTEMPTY
// expect: remove 0 0
// expect: stat gone: ENOENT
// expect: open of a directory for writing: EISDIR
// expect: write to a closed fd: EBADF
