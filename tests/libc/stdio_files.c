/* FILE against glibc: write, append, read back with fread, fgets, fgetc,
 * seek and tell, the r+ w+ a+ modes, errors.  tests/e2e/libc.sh builds
 * this with gcc against glibc and freestanding onto the C layer; both
 * outputs must equal the expect lines below (glibc's).  Runs in a scratch
 * directory. */
#include "clib.h"

static void dump(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        printf("dump %s: fopen failed errno=%d\n", path, errno);
        return;
    }
    char line[8];
    int n = 0;
    printf("dump %s:", path);
    while (fgets(line, sizeof line, f)) {
        printf(" [%s]", line);
        n++;
    }
    printf(" lines=%d eof=%d err=%d\n", n, feof(f) != 0, ferror(f) != 0);
    fclose(f);
}

int main(void)
{
    FILE *f = fopen("a.txt", "w");
    printf("open w: %d\n", f != NULL);
    for (int i = 0; i < 5; i++)
        fprintf(f, "line %d\n", i);
    fputs("no newline", f);
    printf("tell after writes: %ld\n", ftell(f));
    printf("close: %d\n", fclose(f));
    dump("a.txt");

    f = fopen("a.txt", "a");
    fputc('!', f);
    fwrite("\nappended\n", 1, 10, f);
    fclose(f);
    dump("a.txt");

    f = fopen("a.txt", "r");
    char buf[64];
    size_t n = fread(buf, 1, 10, f);
    buf[n] = 0;
    printf("fread 10: %zu [%s]\n", n, buf);
    printf("tell: %ld\n", ftell(f));
    printf("seek set 5: %d\n", fseek(f, 5, SEEK_SET));
    printf("tell: %ld\n", ftell(f));
    printf("getc: %c\n", fgetc(f));
    printf("seek cur 3: %d\n", fseek(f, 3, SEEK_CUR));
    printf("getc: %c\n", fgetc(f));
    printf("seek end -9: %d\n", fseek(f, -9, SEEK_END));
    printf("tell: %ld\n", ftell(f));
    n = fread(buf, 1, sizeof buf, f);
    buf[n] = 0;
    printf("fread rest: %zu eof=%d [%s]\n", n, feof(f) != 0, buf);
    printf("getc at end: %d\n", fgetc(f));
    rewind(f);
    printf("after rewind: eof=%d\n", feof(f) != 0);
    int u = fgetc(f);
    printf("ungetc: %d", ungetc('Q', f));
    printf(" then %c", fgetc(f));
    printf(" then %c\n", fgetc(f));
    printf("ungetc pushes %c back\n", u);
    ungetc(u, f);
    ungetc('l', f);
    printf("tell after ungetc: %ld\n", ftell(f));
    fseek(f, 0, SEEK_SET);
    printf("first: %c\n", fgetc(f));
    printf("write to read-only: %zu\n", fwrite("x", 1, 1, f));
    printf("ferror: %d\n", ferror(f) != 0);
    fclose(f);

    f = fopen("b.bin", "w+b");
    unsigned char bytes[300];
    for (int i = 0; i < 300; i++)
        bytes[i] = (unsigned char)(i * 7);
    printf("w+ fwrite: %zu\n", fwrite(bytes, 3, 100, f));
    fseek(f, 100, SEEK_SET);
    unsigned char back[10];
    n = fread(back, 1, 10, f);
    printf("w+ fread: %zu %d %d\n", n, back[0], back[9]);
    fseek(f, 0, SEEK_CUR);
    fputs("XY", f);
    fseek(f, 109, SEEK_SET);
    int c1 = fgetc(f);
    int c2 = fgetc(f);
    int c3 = fgetc(f);
    printf("w+ after overwrite: %d %c %c\n", c1, c2, c3);
    fseek(f, 0, SEEK_END);
    printf("w+ size: %ld\n", ftell(f));
    fclose(f);

    f = fopen("a.txt", "r+");
    fputs("LINE", f);
    fseek(f, 0, SEEK_SET);
    printf("r+: %s", fgets(buf, sizeof buf, f));
    fclose(f);

    f = fopen("c.txt", "a+");
    fputs("one\n", f);
    fseek(f, 0, SEEK_SET);
    printf("a+ read: %s", fgets(buf, sizeof buf, f));
    fputs("two\n", f);
    fclose(f);
    dump("c.txt");

    /* a big file through a small and a large buffer */
    f = fopen("big.txt", "w");
    for (int i = 0; i < 20000; i++)
        fprintf(f, "%05d abcdefghijklmnopqrstuvwxyz\n", i);
    fclose(f);
    f = fopen("big.txt", "r");
    long lines = 0, sum = 0;
    while (fgets(buf, sizeof buf, f)) {
        lines++;
        sum += atoi(buf);
    }
    printf("big: lines=%ld sum=%ld\n", lines, sum);
    rewind(f);
    static char chunk[100000];
    size_t total = 0, k;
    while ((k = fread(chunk, 1, sizeof chunk, f)) > 0)
        total += k;
    printf("big: bytes=%zu\n", total);
    fclose(f);

    f = fopen("a.txt", "r");
    char tiny[4] = "xyz";
    char *got1 = fgets(tiny, 1, f);
    printf("fgets n=1: %d %d\n", got1 == tiny, tiny[0]);
    printf("fgets n=0: %d\n", fgets(tiny, 0, f) == NULL);
    fclose(f);

    errno = 0;
    f = fopen("no/such/dir/x", "r");
    printf("missing: %d errno=%d\n", f == NULL, errno);
    errno = 0;
    f = fopen("a.txt", "q");
    printf("bad mode: %d errno=%d\n", f == NULL, errno);
    printf("rename: %d\n", rename("c.txt", "d.txt"));
    printf("remove: %d\n", remove("d.txt"));
    errno = 0;
    int rr = remove("d.txt");
    printf("remove again: %d errno=%d\n", rr, errno);
    printf("reopen removed: %d\n", fopen("d.txt", "r") == NULL);
    fprintf(stdout, "stdout ");
    printf("and printf ");
    puts("and puts");
    putchar('.');
    putchar('\n');
    return 0;
}
// expect: open w: 1
// expect: tell after writes: 45
// expect: close: 0
// expect: dump a.txt: [line 0
// expect: ] [line 1
// expect: ] [line 2
// expect: ] [line 3
// expect: ] [line 4
// expect: ] [no newl] [ine] lines=7 eof=1 err=0
// expect: dump a.txt: [line 0
// expect: ] [line 1
// expect: ] [line 2
// expect: ] [line 3
// expect: ] [line 4
// expect: ] [no newl] [ine!
// expect: ] [appende] [d
// expect: ] lines=9 eof=1 err=0
// expect: fread 10: 10 [line 0
// expect: lin]
// expect: tell: 10
// expect: seek set 5: 0
// expect: tell: 5
// expect: getc: 0
// expect: seek cur 3: 0
// expect: getc: n
// expect: seek end -9: 0
// expect: tell: 47
// expect: fread rest: 9 eof=1 [appended
// expect: ]
// expect: getc at end: -1
// expect: after rewind: eof=0
// expect: ungetc: 81 then Q then i
// expect: ungetc pushes l back
// expect: tell after ungetc: 0
// expect: first: l
// expect: write to read-only: 0
// expect: ferror: 1
// expect: w+ fwrite: 100
// expect: w+ fread: 10 188 251
// expect: w+ after overwrite: 251 X Y
// expect: w+ size: 300
// expect: r+: LINE 0
// expect: a+ read: one
// expect: dump c.txt: [one
// expect: ] [two
// expect: ] lines=2 eof=1 err=0
// expect: big: lines=20000 sum=199990000
// expect: big: bytes=660000
// expect: fgets n=1: 1 0
// expect: fgets n=0: 1
// expect: missing: 1 errno=2
// expect: bad mode: 1 errno=22
// expect: rename: 0
// expect: remove: 0
// expect: remove again: -1 errno=2
// expect: reopen removed: 1
// expect: stdout and printf and puts
// expect: .
