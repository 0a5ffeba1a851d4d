/* uapi.c: the layout tables as arrays, their lookups, the little-endian
 * serializer, the `arc layout` printer and the Arc module `linux` made
 * from the same tables.  See uapi.h. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <string.h>

#include "gen/util.h"
#include "uapi_layout/uapi.h"

/* One field array per struct.  Each STRUCT row closes the array before it
 * and opens its own, which is why a struct's FIELD rows must follow it; the
 * array opened here, before the first STRUCT row, stays empty but for its
 * placeholder. */
#define STRUCT(name, size, htype) \
    }; static const UapiField fields_##name[] = {
#define FIELD(name, field, off, size, hmember) { #field, off, size },
static const UapiField fields_before_first_[] __attribute__((unused)) = {
    { NULL, 0, 0 },
#include "structs.def"
};
#undef STRUCT
#undef FIELD

#define STRUCT(name, size, htype) \
    { #name, size, fields_##name, countof(fields_##name) },
#define FIELD(name, field, off, size, hmember)
const UapiStruct uapi_structs[] = {
#include "structs.def"
};
#undef STRUCT
#undef FIELD
const int uapi_nstructs = countof(uapi_structs);

#define SYS(name, nr) { "syscall", #name, nr, NULL },
#define CONST(group, name, value) { #group, #name, value, NULL },
#define NOUAPI(group, name, value, why) { #group, #name, value, why },
const UapiConst uapi_consts[] = {
#include "consts.def"
};
#undef SYS
#undef CONST
#undef NOUAPI
const int uapi_nconsts = countof(uapi_consts);

const UapiStruct *uapi_struct(const char *name)
{
    for (int i = 0; i < uapi_nstructs; i++)
        if (strcmp(uapi_structs[i].name, name) == 0)
            return &uapi_structs[i];
    return NULL;
}

const UapiField *uapi_field(const UapiStruct *s, const char *name)
{
    for (int i = 0; i < s->nfields; i++)
        if (strcmp(s->fields[i].name, name) == 0)
            return &s->fields[i];
    return NULL;
}

const char *uapi_const_name(const char *group, int64_t v)
{
    for (int i = 0; i < uapi_nconsts; i++)
        if (uapi_consts[i].value == v && strcmp(uapi_consts[i].group, group) == 0)
            return uapi_consts[i].name;
    return NULL;
}

const char *uapi_errno_name(int e)
{
    return uapi_const_name("errno", e < 0 ? -(int64_t)e : e);
}

const char *uapi_signal_name(int sig)
{
    return uapi_const_name("signal", sig);
}

void uapi_put(uint8_t *obj, uint32_t off, uint32_t size, uint64_t value)
{
    if (size != 1 && size != 2 && size != 4 && size != 8)
        die("uapi_put: field of %u bytes at offset %u is not a scalar", size, off);
    for (uint32_t i = 0; i < size; i++)
        obj[off + i] = (uint8_t)(value >> (8 * i));
}

uint64_t uapi_get(const uint8_t *obj, uint32_t off, uint32_t size)
{
    if (size != 1 && size != 2 && size != 4 && size != 8)
        die("uapi_get: field of %u bytes at offset %u is not a scalar", size, off);
    uint64_t v = 0;
    for (uint32_t i = 0; i < size; i++)
        v |= (uint64_t)obj[off + i] << (8 * i);
    return v;
}

/* struct sigaction                32 bytes
 *     handler                      0    8
 *     ...
 * syscall
 *     read                         0
 * ...                                                      (uapi_print) */
int uapi_print(FILE *f)
{
    fprintf(f, "%-28s %8s %6s\n", "struct / field", "offset", "size");
    for (int i = 0; i < uapi_nstructs; i++) {
        const UapiStruct *s = &uapi_structs[i];
        fprintf(f, "%-28s %8s %6u\n", s->name, "", s->size);
        for (int j = 0; j < s->nfields; j++)
            fprintf(f, "    %-24s %8u %6u\n", s->fields[j].name, s->fields[j].off,
                    s->fields[j].size);
    }
    /* Constants by group, groups in order of first appearance. */
    for (int i = 0; i < uapi_nconsts; i++) {
        const char *group = uapi_consts[i].group;
        int seen = 0;
        for (int j = 0; j < i && !seen; j++)
            seen = strcmp(uapi_consts[j].group, group) == 0;
        if (seen)
            continue;
        fprintf(f, "\n%s\n", group);
        for (int j = i; j < uapi_nconsts; j++) {
            const UapiConst *c = &uapi_consts[j];
            if (strcmp(c->group, group) != 0)
                continue;
            if (c->value < 4096)
                fprintf(f, "    %-28s %12lld", c->name, (long long)c->value);
            else
                fprintf(f, "    %-28s %#12llx", c->name, (unsigned long long)c->value);
            if (c->why)
                fprintf(f, "  (not in UAPI headers: %s)", c->why);
            fputc('\n', f);
        }
    }
    fflush(f);
    return ferror(f) ? -1 : 0;
}

/* The first row of its group with its value: aliases (EWOULDBLOCK) are
 * not canonical. */
static int canonical(int i)
{
    for (int j = 0; j < i; j++)
        if (uapi_consts[j].value == uapi_consts[i].value &&
            strcmp(uapi_consts[j].group, uapi_consts[i].group) == 0)
            return 0;
    return 1;
}

/* The module's text; see uapi.h for what it holds.  Every name comes
 * from a table row, every number from its value. */
char *uapi_arc_module(size_t *len)
{
    char *text;
    FILE *f = open_memstream(&text, len);
    if (!f)
        die("open_memstream: %s", strerror(errno));
    fputs("// linux: the x86-64 kernel ABI, made by arc from its uapi_layout/ tables\n"
          "// (tests/unit/test_layout.c checks every row against the installed UAPI\n"
          "// headers; `arc layout` prints them).  Built in: ARC_STDLIB cannot\n"
          "// replace it.\n"
          "//   SYS_<name>: int64          system call numbers           SYS_openat\n"
          "//   <NAME>: int64              flags, errno values, ...      EINTR, O_CLOEXEC\n"
          "//   SIZEOF_<s>: int64          size of kernel struct s       SIZEOF_stat\n"
          "//   OFF_<s>_<f>: int64         offset of field f in s        OFF_stat_size\n"
          "//   errname(e: int64) string   \"ENOENT\" for 2 or -2; null when unknown\n"
          "namespace linux\n\n", f);
    for (int i = 0; i < uapi_nconsts; i++) {
        const UapiConst *c = &uapi_consts[i];
        fprintf(f, "const %s%s: int64 = %lld\n", strcmp(c->group, "syscall") ? "" : "SYS_", c->name,
                (long long)c->value);
    }
    for (int i = 0; i < uapi_nstructs; i++) {
        const UapiStruct *s = &uapi_structs[i];
        fprintf(f, "const SIZEOF_%s: int64 = %u\n", s->name, s->size);
        for (int j = 0; j < s->nfields; j++)
            fprintf(f, "const OFF_%s_%s: int64 = %u\n", s->name, s->fields[j].name, s->fields[j].off);
    }
    fputs("\nfunc errname(e: int64) string {\n    if e < 0 {\n        e = -e\n    }\n"
          "    switch e {\n", f);
    for (int i = 0; i < uapi_nconsts; i++)
        if (!strcmp(uapi_consts[i].group, "errno") && canonical(i))
            fprintf(f, "    case %lld: return \"%s\"\n", (long long)uapi_consts[i].value,
                    uapi_consts[i].name);
    fputs("    }\n    return null\n}\n", f);
    if (fclose(f))
        die("writing the linux module: %s", strerror(errno));
    return text;
}
