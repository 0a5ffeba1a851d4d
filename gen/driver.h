/* driver.h: what the command line hands to each command.
 *
 * gen/main.c parses the options (one table row per option) into Args and
 * dispatches; the commands that compile live in gen/build.c. */
#ifndef ARC_DRIVER_H
#define ARC_DRIVER_H

#include "linker/link.h"

typedef struct Args {
    const char *cmd;      /* the command's name, for messages */
    const char *out;      /* -o FILE, NULL when not given */
    const char *emit;     /* build --emit=ir|asm|obj */
    int opt_ir;           /* -O: the optimiser on IR input too */
    const char **inputs;  /* positional arguments, in order */
    int ninputs;
    char **runargs;       /* run: the arguments after -- */
    int nrunargs;
    LinkOpts link;        /* -s, -L, -l */
} Args;

/* gen/build.c: the commands that compile a source file. */
int cmd_build(Args *a);   /* build and exe */
int cmd_run(Args *a);
int cmd_check(Args *a);
int cmd_ir(Args *a);
int cmd_obj(Args *a);

/* Link objs with a's link options into out (building the C layer's
 * archive first when -l c is given).  0, or 1 after the errors. */
int build_link(const Args *a, const char *out, const char *const *objs, int nobjs,
               const LinkSite *sites, int nsites);

/* May the command write out?  Not when out is one of its
 * inputs (the same file: st_dev and st_ino); 1, or 0 after one error. */
int output_ok(const Args *a, const char *out);

#endif
