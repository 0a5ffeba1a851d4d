/* runtime.h: runtime image assembly.
 *
 * Needs: the runtime generators (gen/rt/).  Produces: the runtime image, an
 * ELF relocatable object that programs link onto, and the C header that
 * declares its C ABI. */
#ifndef ARC_RUNTIME_H
#define ARC_RUNTIME_H

#include <stdio.h>

#include "image/elf.h"

/* Build the image and write it to path atomically (0, or -1 after a
 * message). */
int runtime_write(const char *path);
/* The header a C program includes to call the runtime. */
void runtime_print_header(FILE *f);

#endif
