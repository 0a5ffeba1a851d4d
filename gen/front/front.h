/* front.h: the Arc front end (ARC.md), source text to an IR Module.
 *
 * The phases, one file each (gen/front/):
 *   lex.c     text -> tokens, with Go's newline rule (tok.def)
 *   parse.c   tokens -> AST (ast.h), recovering after errors
 *   check.c   names and types (ARC.md sections 3-6), annotates the AST
 *   lower.c   checked AST -> IR (gen/ir.h): vregs for scalar locals,
 *             frame slots for aggregates and address-taken locals
 *   front.c   front_compile: the list of phase calls
 * Diagnostics: "file:line:col: error: message", the source line and a
 * caret, on stderr; every phase goes on after an error, the next phase
 * runs only on an error-free result. */
#ifndef ARC_FRONT_H
#define ARC_FRONT_H

#include <stdio.h>

#include "gen/ir.h"

/* Compile one Arc source file.  text is NUL-terminated.  Returns the
 * verified IR Module, or NULL with *nerrors > 0 after the diagnostics. */
Module *front_compile(const char *path, const char *text, int *nerrors);
/* Like front_compile, diagnostics to err. */
Module *front_compile_to(const char *path, const char *text, int *nerrors, FILE *err);

#endif
