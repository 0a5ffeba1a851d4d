/* link.h: the link step.
 *
 * Runs the system linker (GNU ld, or $ARC_LD) with linker/arc.ld (carried
 * inside arc) and --gc-sections over the given objects, producing a static
 * non-PIE ET_EXEC.  The output appears atomically: ld writes a temporary
 * name that is renamed into place only on success. */
#ifndef ARC_LINK_H
#define ARC_LINK_H

/* link_exe's flags.  By default every program carries the crash reporter
 * (ld -u arc_rt_signal_hook keeps its start-up hook, and with it the
 * handler and the function table); LINK_NO_CRASH_REPORT leaves it out
 * unless the program calls arc_rt_signal_init itself. */
enum { LINK_NO_CRASH_REPORT = 1 };

/* Returns 0, or 1 after printing one clear error line (ld's own messages
 * are passed through above it). */
int link_exe(const char *out, const char *const *objs, int nobjs, int flags);

/* Strip an executable to what the kernel maps: the section header table
 * and every byte outside the PT_LOAD segments go (symbols, .shstrtab).
 * The crash reporter's function table lives inside the text segment, so
 * reports stay symbolised.  Written atomically.  Returns 0, or 1 after one
 * error line. */
int link_strip_all(const char *path);

/* The text of linker/arc.ld. */
extern const char link_script[];

#endif
