/* opt.h: the IR optimiser (opt.c explains each pass). */
#ifndef ARC_OPT_H
#define ARC_OPT_H

#include "gen/ir.h"

/* Inline calls to small non-recursive functions defined in m. */
void opt_inline(Module *m);
/* Bounds checks that the code before them already made, removed. */
void opt_checks(Module *m);
/* Blocks that end in unreachable moved to the end of their function. */
void opt_layout(Module *m);

#endif
