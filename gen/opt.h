/* opt.h: the IR optimiser (opt.c explains each pass). */
#ifndef ARC_OPT_H
#define ARC_OPT_H

#include "gen/ir.h"

/* Tail calls of a function to itself (plain, or under an integer add,
 * mul, and, or, xor) turned into jumps back to its start. */
void opt_tailrec(Module *m);
/* Inline calls to small non-recursive functions defined in m. */
void opt_inline(Module *m);
/* Allocas whose address goes only into their own loads and stores
 * become vregs (tuples after inlining). */
void opt_sroa(Module *m);
/* Bounds checks that the code before them already made, removed. */
void opt_checks(Module *m);
/* Jumps threaded; jumps to blocks entered from nowhere else joined;
 * unreachable blocks dropped. */
void opt_merge(Module *m);
/* Common subexpressions and repeated loads along straight-line paths,
 * branches already decided there; copies propagated and folded into the
 * instruction computing them. */
void opt_cse(Module *m);
/* Instructions with no effect and an unread (or overwritten) result removed. */
void opt_dce(Module *m);
/* Blocks that end in unreachable moved to the end of their function; a
 * br's single-entry true target right after it. */
void opt_layout(Module *m);

#endif
