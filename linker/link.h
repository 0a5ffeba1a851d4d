/* link.h: the link step.
 *
 * link_onto_runtime: the program's objects, a freshly generated runtime
 * image and the -l libraries, through the system linker (GNU ld, or
 * $ARC_LD) with linker/arc.ld (carried inside arc) and --gc-sections, into
 * a static non-PIE ET_EXEC; optionally stripped; written with
 * write_output (gen/util.h).  Every temporary file (runtime image, linker
 * script, ld's output, the function table) lives in $TMPDIR and is removed
 * afterwards. */
#ifndef ARC_LINK_H
#define ARC_LINK_H

#include <stddef.h>

/* The link options of the commands that link (build, exe, run, link).
 * gen/main.c maps one option table row to each field. */
typedef struct LinkOpts {
    int strip;             /* -s: keep only what the kernel maps */
    int no_crash_report;   /* --no-crash-report: by default every program
                              carries the crash reporter (ld -u
                              arc_rt_signal_hook keeps its start-up hook,
                              and with it the handler and the function
                              table); this leaves it out unless the program
                              calls arc_rt_signal_init itself */
    const char **libdirs;  /* -L DIR, in order */
    int nlibdirs;
    const char **libs;     /* -l NAME, in order */
    int nlibs;
    const char *clayer;    /* the archive that -l c names: stdlib_arc/libc.arc
                              compiled by the driver (NULL: no -l c) */
} LinkOpts;

/* Where the Arc source first calls an extern c function: an undefined
 * symbol is reported there. */
typedef struct LinkSite {
    const char *sym, *file;
    int line;
} LinkSite;

/* Link objs (in order), the runtime image and o's libraries into out.
 * -l c is o->clayer; any other -l NAME is the first libNAME.a in o's -L
 * directories (the libraries go inside one --start-group, so their order
 * does not matter).  Returns 0, or 1 after the errors: a missing library
 * is one line naming it and the directories searched; undefined symbols
 * are one line each ("file:line: error: undefined symbol 'f' ..." at the
 * site in sites, or "arc: error: undefined symbol 'f' ..." without one),
 * in place of ld's own messages; any other failure of ld passes ld's
 * messages through, then one line. */
int link_onto_runtime(const char *out, const char *const *objs, int nobjs, const LinkOpts *o,
                      const LinkSite *sites, int nsites);

/* Strip an executable image in memory to what the kernel maps: the section
 * header table and every byte outside the PT_LOAD segments go (symbols,
 * .shstrtab).  The crash reporter's function table lives inside the text
 * segment, so reports stay symbolised.  Returns the new length, or 0 when
 * img is not an ELF64 executable. */
size_t link_strip(char *img, size_t len);

/* A static library (System V ar format, with the symbol index ld needs)
 * holding one object: name is the member's name, syms the global symbols
 * the object defines.  Written with write_output; 0, or -1 after a
 * message. */
int link_write_archive(const char *path, const char *name, const void *obj, size_t len,
                       const char *const *syms, int nsyms);

#endif
