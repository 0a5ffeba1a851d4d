/* front.h: the Arc front end (ARC.md), source text to an IR Module.
 *
 * The phases, one file each (gen/front/):
 *   lex.c     text -> tokens, with Go's newline rule (tok.def)
 *   parse.c   tokens -> AST (ast.h), recovering after errors
 *   check.c   names and types (ARC.md sections 3-6), annotates the AST;
 *   types.c   its types, signatures and generic instances (check.h)
 *   lower.c   checked AST -> IR (gen/ir.h): vregs for scalar locals,
 *             frame slots for aggregates and address-taken locals
 *   front.c   front_compile: the list of phase calls
 * Diagnostics: "file:line:col: error: message", the source line and a
 * caret, on stderr; every phase goes on after an error, the next phase
 * runs only on an error-free result.
 *
 * Decisions where ARC.md is silent (a C or Go programmer's expectation):
 *   - a UTF-8 byte-order mark at the start of a file is skipped; a NUL
 *     byte anywhere in it is an error at its position;
 *   - a program without a main function (an empty file, a namespace line
 *     alone) is an error about the file, "file: error: no main function",
 *     reported once the rest of the program is free of errors;
 *   - an untyped character literal without context is a char (uint32);
 *     a const declared without a type keeps an untyped value (Go);
 *   - usize is uint64 and isize int64 (the same types, no cast needed);
 *     byte is uint8, char uint32, string and memptr *byte;
 *   - *void converts implicitly to and from any pointer (C), and a
 *     pointer to [N]T to *T; p[i] on *[N]T indexes the pointer (C);
 *   - break inside a switch leaves the switch (C and Go), continue goes to
 *     the enclosing loop;
 *   - `_` is the blank name (Go): `let (v, _) = f()`, `for _, x in s`
 *     and `let _ = e` take a value nothing can read, as often as wanted
 *     in one scope; reading `_` is an error;
 *   - a deferred call's arguments are evaluated when it runs, at the
 *     block's exit (C cleanup, not Go's evaluation at the defer);
 *   - a statement expression must be a call, await, ++/-- or a process
 *     literal ("expression value is not used" otherwise); a task started
 *     by one (an async call, a process literal) has no handle left, so
 *     nothing can await it: it is detached, and the runtime frees it when
 *     it finishes (lower.c);
 *   - an enum name used as a type means int32; a member's value may
 *     refer to later members and other enums (evaluated on first use), and
 *     one that depends on itself is an error;
 *   - a constant shift count must be in 0 .. bits-1 of the shifted type
 *     (a negative or larger one is an error: C leaves it undefined);
 *   - a float literal of any length is exact to strtod; one beyond
 *     float64's range is an error, as is a constant that overflows its
 *     type (float32, or float64 in constant arithmetic); underflow gives
 *     0 or a subnormal;
 *   - modules (front.c loads them, check.c qualifies): `import "m"` reads
 *     m.arc next to the importing file, else $ARC_STDLIB/m.arc, else the
 *     copy of stdlib_arc/m.arc built into arc; `import "dir/m"` reads
 *     dir/m.arc next to the importing file and names module m.  A module's
 *     top-level names are m.name outside it (types too: m.Type,
 *     m.Type{...}, m.Enum.MEMBER, m.generic<T>(...)); names starting with
 *     _ are private.  A module is used only where it is imported; an
 *     import cycle is an error at the import that closes it.  Symbols are
 *     m.name (methods Struct's m.Struct.name), extern c ones plain;
 *   - globals: a top-level let/var is a data object; its start is a
 *     zero ({} or none given), a constant, null or &global; its symbol is
 *     the qualified name (the C layer's exported ones: the plain name);
 *   - function values (ARC.md 11): a value of type func(...) R is the
 *     function's code address (a C function pointer, SysV ABI), so it
 *     crosses the C boundary unchanged; two func types are the same when
 *     their parameters, result, `...` and async-ness are; a parameter may
 *     be named in a func type (func(x: int32)), the name is ignored;
 *     cast<> converts between func types and pointers; a method or a
 *     generic function is not a value; a literal sees globals and the
 *     enclosing function's constants, and using one of its other locals
 *     is an error; calling a null value is a runtime error
 *     (arc_rt_null_call), checked before the arguments are evaluated;
 *   - slices: []T is {data *T, len int64} (16 bytes, a by-value aggregate
 *     like a struct of those two fields); len() is int64 (Go's int); a
 *     slice's elements are always assignable (like p[i]); a[lo..hi] checks
 *     hi <= len(a) then lo <= hi, each failure reported as "index X out of
 *     range for length Y" (the bound and what it exceeded); slicing a
 *     pointer is unchecked and needs hi; slicing an array takes its
 *     address (a view, not a copy); for-in evaluates the collection once
 *     and copies each element; over a struct (or a pointer to one) with
 *     a method items(), for-in iterates a.items() (collections.vector<T>:
 *     for x in v); `{}` is the empty slice; &a[i] may
 *     name the end (i == len(a), C's one-past-the-end address);
 *   - new/delete: `new` is a word, not a keyword: `new` followed on the
 *     same line by a name, * or [ is an allocation (`new(x)` stays a call);
 *     new [n]T takes any integer n, a negative one asks for too much;
 *     delete is a built-in (arc_free) unless a function of that name is
 *     declared;
 *   - strings: `string` is *byte (interchangeable) but the two keep their
 *     names, and a string literal is a string: == and != compare contents
 *     when both sides are string (Go), addresses otherwise; null equals
 *     only null;
 *   - init: every file may define func init() (no parameters, no result);
 *     main calls them first, in a depth-first walk of the imports from the
 *     main file (a module after those it imports, each once, the main
 *     file's last); a top-level `var x: T` without a value is zero;
 *   - atomics: atomic_add/load/store/cas are built-ins (like len) on a
 *     pointer to a 32- or 64-bit integer (or, but for add, a pointer);
 *     add returns the previous value, cas a bool (swapped); all are
 *     sequentially consistent; plain global accesses are not atomic;
 *   - generics: a call without <...> infers its type arguments from the
 *     arguments' types, matched against the parameters as written
 *     (through *, [], [N], tuples, func types and generic structs); the
 *     first argument that binds a parameter wins, later ones are then
 *     checked (converted) against it; an untyped constant binds a bare T
 *     only when nothing else does (int32, float64); what no argument
 *     binds (a result-only T, null) is an error asking for f<...>(...).
 *     A generic method may be declared at top level when its receiver is
 *     S<A, B> or *S<A, B> with A, B its own parameters in order: it joins
 *     S's methods (S may be another module's: a program can add methods
 *     to collections.vector<T>); a method with type parameters of its own
 *     is an error;
 *   - sqrt(x) is a built-in (the IR's fsqrt): float32 or float64, an
 *     integer argument converted to float64; a program's own function
 *     named sqrt hides it, an extern c declaration of it is it;
 *     std.math.sqrt, std.mem.copy/set/cmp, std.str.len (and std.cpu.*)
 *     name built-ins that no function hides;
 *   - a global's {...} start: each element a constant, null or &global;
 *   - symbols: the main file's functions, extern c declarations and the
 *     C layer's functions (below) keep their plain names, as C would
 *     (backtraces show them so); no namespace hides them.  So the names
 *     the runtime owns (arc_..., _start) cannot name a function of the
 *     program, and every extern c declaration of a symbol has the C ABI of
 *     its definition and of the other declarations (pointers alike,
 *     integers and floats by size, aggregates by type): each is an error
 *     at the program's side, naming the other (and both signatures);
 *   - the C layer: a module whose first line is `namespace c` gives its
 *     exported functions (and __names) their plain names as global symbols
 *     (C can call them, extern c declarations bind to them), unless the
 *     main file defines the same name: then the program's definition
 *     wins, as over a C library's, and the layer's stays private (its own
 *     calls keep using it).  stdlib_arc/libc.arc is
 *     such a module; a program that declares, in an extern c block, a
 *     function libc.arc defines gets libc.arc compiled in (unused
 *     functions are then dropped by ld --gc-sections). */
#ifndef ARC_FRONT_H
#define ARC_FRONT_H

#include <stdio.h>

#include "gen/ir.h"

/* Compile one Arc source file: len bytes at text, followed by a NUL (a NUL
 * byte inside is an error).  Returns the verified IR Module, or NULL with
 * *nerrors > 0 after the diagnostics. */
Module *front_compile(const char *path, const char *text, size_t len, int *nerrors);
/* Like front_compile, diagnostics to err. */
Module *front_compile_to(const char *path, const char *text, size_t len, int *nerrors, FILE *err);
/* The source of standard library module name ("libc"): $ARC_STDLIB/name.arc
 * when ARC_STDLIB is set, else the copy built into arc.  malloc'd, its
 * length in *len (when len is not NULL), and *where (malloc'd) its path for
 * diagnostics; NULL when there is none. */
char *front_stdlib_source(const char *name, char **where, size_t *len);

#endif
