/* The first program on the runtime: writes its arguments through the raw
 * write(2) stub and exits with a status of its choosing.  Compiled
 * freestanding (no libc), linked with `arc link`. */
// args: hello runtime world
// expect: hello
// expect: runtime
// expect: world
// status: 4
#include "arc_rt.h"

static unsigned long len(const char *s)
{
    unsigned long n = 0;
    while (s[n])
        n++;
    return n;
}

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        arc_write(1, argv[i], len(argv[i]));
        arc_write(1, "\n", 1);
    }
    return argc;
}
