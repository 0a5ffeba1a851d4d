/* stdio.c: stdio throughput, built with musl-gcc -static and freestanding
 * onto the arc runtime with the C layer (-DARC_FREESTANDING, declarations
 * from tests/libc/clib.h).
 *   stdio out          1,000,000 short printf lines to stdout (a file)
 *   stdio copy SRC DST copy SRC to DST through fread/fwrite, 1000 bytes a call
 * Exit status 1 on any error. */
#include "clib.h"

int main(int argc, char **argv)
{
    if (argc == 2 && !strcmp(argv[1], "out")) {
        for (int i = 0; i < 1000000; i++)
            printf("line %d of %s\n", i, "output");
        return fflush(stdout) != 0;
    }
    if (argc == 4 && !strcmp(argv[1], "copy")) {
        FILE *in = fopen(argv[2], "rb"), *out = fopen(argv[3], "wb");
        if (!in || !out)
            return 1;
        static char buf[1000];
        size_t n;
        while ((n = fread(buf, 1, sizeof buf, in)) > 0)
            if (fwrite(buf, 1, n, out) != n)
                return 1;
        return ferror(in) || fclose(out) != 0 || fclose(in) != 0;
    }
    return 1;
}
