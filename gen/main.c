/* main.c: the arc driver.  Each command is a list of phase calls. */
#include <stdio.h>
#include <string.h>

#include "gen/util.h"

static int usage(FILE *f)
{
    fputs("usage: arc <command> [options]\n"
          "commands:\n"
          "  help                 this text\n",
          f);
    return f == stdout ? 0 : 2;
}

int main(int argc, char **argv)
{
    if (argc < 2)
        return usage(stderr);
    if (!strcmp(argv[1], "help") || !strcmp(argv[1], "--help"))
        return usage(stdout);
    fprintf(stderr, "arc: error: unknown command '%s' (try 'arc help')\n", argv[1]);
    return 2;
}
