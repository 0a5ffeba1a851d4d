/* Reading stdin through FILE: fgets, fgetc, fread, feof, with stdout
 * written in between (tests/e2e/libc.sh feeds tests/libc/stdin_lines.in).
 * Built against glibc and onto the C layer; both print the expect lines. */
#include "clib.h"

int main(void)
{
    char line[16];
    int n = 0;
    while (n < 3 && fgets(line, sizeof line, stdin)) {
        n++;
        printf("line %d: [%s]\n", n, line);
    }
    int c = fgetc(stdin);
    printf("fgetc: %c\n", c);
    char rest[256];
    size_t k = fread(rest, 1, sizeof rest - 1, stdin);
    rest[k] = 0;
    printf("fread: %zu eof=%d\n[%s]\n", k, feof(stdin) != 0, rest);
    printf("fgets at end: %d\n", fgets(line, sizeof line, stdin) == NULL);
    fputs("stderr is unbuffered\n", stderr);
    return 0;
}
// expect: line 1: [first
// expect: ]
// expect: line 2: [a line longer t]
// expect: line 3: [han sixteen byt]
// expect: fgetc: e
// expect: fread: 49 eof=1
// expect: [s
// expect: third
// expect: Xremaining text
// expect: last line without newline]
// expect: fgets at end: 1
