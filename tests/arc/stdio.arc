// stdio from Arc through extern c: a file written with fprintf/fputs/
// fwrite, read back with fgets/fread/fgetc, seek/tell, errno for a
// missing file; the file lives in /tmp and is removed.
namespace main

extern c {
    func printf(*byte, ...) int32
    func snprintf(*byte, usize, *byte, ...) int32
    func fopen(*byte, *byte) *void
    func fclose(*void) int32
    func fprintf(*void, *byte, ...) int32
    func fputs(*byte, *void) int32
    func fwrite(*void, usize, usize, *void) usize
    func fread(*void, usize, usize, *void) usize
    func fgets(*byte, int32, *void) *byte
    func fgetc(*void) int32
    func fseek(*void, int64, int32) int32
    func ftell(*void) int64
    func feof(*void) int32
    func __errno_location() *int32
    func strtol(*byte, **byte, int32) int64
}

func main() int32 {
    let path: [64]byte = {}
    snprintf(&path, 64, "/tmp/arc-stdio-%d.txt", cast<int32>(syscall(39)))
    let f = fopen(&path, "w")
    for i in 0..3 {
        fprintf(f, "row %d = %d\n", i, i * i)
    }
    fputs("tail", f)
    fwrite("!\n", 1, 2, f)
    printf("tell %lld\n", ftell(f))
    fclose(f)
    f = fopen(&path, "r")
    let line: [32]byte = {}
    let sum: int64 = 0
    for fgets(&line, 32, f) != null {
        printf("got %s", &line)
        if line[0] == 'r' {
            sum += strtol(&line[8], null, 10)
        }
    }
    printf("sum %lld eof %d\n", sum, feof(f) != 0)
    fseek(f, 4, 0)
    printf("at 4: %c\n", fgetc(f))
    let buf: [8]byte = {}
    let n = fread(&buf, 1, 7, f)
    printf("fread %d [%s] tell %lld\n", cast<int32>(n), &buf, ftell(f))
    fclose(f)
    syscall(87, cast<int64>(&path))
    let g = fopen(&path, "r")
    printf("gone: %d errno %d\n", g == null, *__errno_location())
    return 0
}
// expect: tell 36
// expect: got row 0 = 0
// expect: got row 1 = 1
// expect: got row 2 = 4
// expect: got tail!
// expect: sum 5 eof 1
// expect: at 4: 0
// expect: fread 7 [ = 0
// expect: ro] tell 12
// expect: gone: 1 errno 2
