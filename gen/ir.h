/* ir.h: the intermediate representation between the Arc front end and the
 * x86-64 code generator.
 *
 * Needs: util, enc.h (register numbering of the intrinsics table).
 * Produces: Module -> Func -> Block -> Inst, a textual form (ir_print.c,
 * ir_read.c, grammar at the top of ir_read.c) and a verifier (ir_verify.c)
 * run between passes.
 *
 * Why virtual registers and not SSA.  A vreg has exactly one type and may be
 * assigned any number of times, in any block; there are no phis.
 *   - The front end lowers every Arc local to one vreg and every assignment
 *     to a def of it; it needs no dominance frontiers, no renaming, and
 *     `x++` in a loop is just `%x = add i32 %x, 1`.
 *   - The code generator uses linear scan over live intervals, which are
 *     computed from liveness on the block order, not from SSA def-use
 *     chains; phis would only have to be taken apart again (parallel copies
 *     on critical edges) before allocation.
 *   - Values that live across task switches (await, yield) are just live
 *     vregs at a call-like instruction: nothing special.
 * The cost: passes that want def-use chains (constant folding, copy
 * propagation) compute reaching definitions themselves, and the verifier
 * checks "defined before use on every path" with a small dataflow pass
 * instead of dominance.  An SSA-building pass can be added later without
 * changing this form, since SSA is a special case of it (one def per vreg).
 *
 * Aggregates live in memory: a struct value is a ptr vreg.  A call argument,
 * parameter or return value may carry a layout (:Name: size, align and the
 * typed fields) that marks it as passed by value, so the code generator can
 * classify it per SysV (ir_classify) and copy the bytes.
 *
 * Concurrency is opcodes (spawn, await, yield) and CPU instructions are an
 * intrinsics table (intrin.def): no function name is ever special.
 *
 * Memory: everything a Module owns lives in its arena; ir_free releases it.
 */
#ifndef ARC_IR_H
#define ARC_IR_H

#include <stdarg.h>
#include <stdio.h>

#include "enc.h"
#include "util.h"

/* --- types (ir.c) ----------------------------------------------------- */
typedef enum { T_VOID, T_I8, T_I16, T_I32, T_I64, T_F32, T_F64, T_PTR, T_NTYPES } Type;

/* Type classes: what an opcode accepts (ir_ops.def). */
typedef enum {
    TC_NONE,    /* no type is written */
    TC_INT,     /* i8 i16 i32 i64 */
    TC_INTP,    /* integers and ptr */
    TC_FLT,     /* f32 f64 */
    TC_SCALAR,  /* any non-void type */
    TC_RET,     /* void, any scalar, or an aggregate layout */
} TypeClass;

extern const char *const type_name[T_NTYPES];
int type_size(Type t);                  /* 0 for void */
int type_in_class(Type t, TypeClass c); /* aggregates are handled by callers */
int type_is_flt(Type t);

/* --- opcodes (ir_ops.def) --------------------------------------------- */
typedef enum {
#define OP(id, name, tc, res, opnds, xc, cv, ms, fl) OP_##id,
#include "ir_ops.def"
#undef OP
    OP_COUNT
} Op;

typedef enum { R_NONE, R_T, R_I8, R_PTR } ResultKind;
typedef enum { CV_ANY, CV_WIDER, CV_NARROWER, CV_SAME } ConvKind;
enum { F_TERM = 1, F_SIDE = 2, F_COMM = 4, F_CALL = 8, F_LOAD = 16 };

typedef struct {
    const char *name;
    TypeClass tyclass;
    ResultKind result;
    const char *operands;  /* kind letters, see ir_ops.def */
    TypeClass xclass;
    ConvKind conv;
    int msize;
    int flags;
} OpInfo;

extern const OpInfo op_info[OP_COUNT];

/* --- intrinsics (intrin.def) ------------------------------------------ */
typedef enum {
#define INTRIN(id, name, kind, res, args, nmin, regs, where, rd, wr, cl, bytes) IN_##id,
#include "intrin.def"
#undef INTRIN
    IN_COUNT
} Intrin;

typedef enum { IK_BYTES, IK_EXPAND } IntrinKind;
typedef enum { RES_NONE, RES_RAX, RES_RDX_RAX, RES_MEM4, RES_ANY } IntrinRes;
#define IN_MAXARGS 7
#define RM(r) (1u << (r))

typedef struct {
    const char *name;
    IntrinKind kind;
    char result;             /* type code: v b h w l s d p * */
    const char *args;        /* type codes, one per argument */
    int nmin;                /* required arguments; strlen(args) is the max */
    Reg argregs[IN_MAXARGS]; /* NOREG: any register */
    IntrinRes res;
    uint32_t reads, writes, clobbers;
    const char *bytes;
    int nbytes;
} IntrinInfo;

extern const IntrinInfo intrin_info[IN_COUNT];
int intrin_find(const char *name, size_t len);   /* -1 if unknown */
Type intrin_type(char code);                     /* 'w' -> T_I32 ... */

/* --- values ------------------------------------------------------------ */
typedef enum {
    V_NONE,
    V_VREG,   /* vreg index into Func.vregs */
    V_INT,    /* integer constant i */
    V_FLT,    /* float constant f (f32 constants hold a float's value) */
    V_SYM,    /* address of symbol sym, plus addend i */
    V_BLOCK,  /* block index blk */
    V_INTRIN, /* intrinsic number (operand 0 of intrin) */
    V_VARARG, /* the "..." marker in a call's argument list */
} ValKind;

typedef struct {
    ValKind kind;
    Type type;   /* the type the instruction states or expects for it */
    int agg;     /* layout id (1-based) of a by-value aggregate; 0 none */
    int vreg, sym, blk;
    int64_t i;
    double f;
} Val;

/* --- aggregate layouts -------------------------------------------------- */
typedef struct {
    Type type;
    int64_t off;
} Field;

typedef struct {
    const char *name;  /* without the ':' */
    int64_t size, align;
    Field *fields;
    int nfields, capfields;
    int line;
} Layout;

/* SysV classification of an aggregate, per eightbyte. */
typedef enum { AC_NONE, AC_INT, AC_SSE, AC_MEMORY } AggClass;

/* --- instructions, blocks, functions ----------------------------------- */
typedef struct {
    Op op;
    Type type;   /* the instruction type (T_VOID when TC_NONE or void) */
    int agg;     /* aggregate layout for call/await/ret types; 0 none */
    int dst;     /* result vreg, -1 none */
    Val *args;   /* operands in the order of the row's letters; for F and
                  * Q the callee/intrinsic first then the arguments; for C
                  * pairs (V_INT value, V_BLOCK target) */
    int nargs, capargs;
    int line, col;  /* source position when read from text, else 0 */
} Inst;

typedef struct {
    const char *name;  /* without the '@' */
    int id;            /* index in Func.blocks */
    Inst *insts;       /* an Inst pointer is valid until the next emit */
    int ninsts, capinsts;
    int line;
} Block;

typedef struct {
    const char *name;  /* without the '%' */
    Type type;         /* T_VOID until its first definition */
} Vreg;

typedef struct {
    Type type;
    int agg;
    int vreg;          /* -1 in a declaration */
} Param;


/* What a symbol is: undefined here, a function with a body, a function
 * declaration (signature only), data.  (SYM_FUNCDEF, not SYM_FUNC: that is
 * an ELF symbol type in image/elf.h, which the code generator includes.) */
enum { SYM_EXTERN, SYM_FUNCDEF, SYM_DECL, SYM_DATA };
enum { L_EXPORT = 1, L_CONST = 2 };

typedef struct {
    int sym;           /* Module.syms index */
    Type ret;
    int retagg;
    Param *params;
    int nparams, capparams;
    int variadic;
    Block **blocks;    /* blocks[0] is the entry; Block pointers are stable */
    int nblocks, capblocks;
    Vreg *vregs;
    int nvregs, capvregs;
    Map *vregmap, *blockmap;
    int line;
} Func;

typedef enum { D_INT, D_FLT, D_STR, D_SYM, D_ZERO } DataKind;

typedef struct {
    DataKind kind;
    Type type;
    int64_t i;        /* D_INT value, D_SYM addend, D_ZERO count */
    double f;
    int sym;
    const char *str;  /* D_STR bytes (i = length) */
} DataItem;

typedef struct {
    int sym;
    int64_t align;    /* 0: natural */
    DataItem *items;
    int nitems, capitems;
} Data;

typedef struct {
    const char *name;  /* without the '$' */
    int kind;          /* SYM_* */
    int linkage;       /* L_* */
    int index;         /* Module.funcs / Module.datas index */
    int line;          /* where defined (0: never) */
    /* A declared function's first call in Arc source (the front end sets
     * it; callline 0: none): where a link error reports it undefined. */
    const char *callfile;
    int callline;
} Sym;

typedef struct Arena Arena;

typedef struct Module {
    Arena *arena;
    Sym *syms;
    int nsyms, capsyms;
    Map *symmap, *layoutmap;
    Func **funcs;      /* stable pointers, like Data and Block */
    int nfuncs, capfuncs;
    Data **datas;
    int ndatas, capdatas;
    Layout *layouts;   /* layouts[0] unused: agg ids are 1-based */
    int nlayouts, caplayouts;
    int *order;        /* top-level definitions in order: sym ids */
    int norder, caporder;
} Module;

/* --- construction (ir.c) ----------------------------------------------- */
Module *ir_new_module(void);
void ir_free(Module *m);
void *ir_alloc(Module *m, size_t n);           /* zeroed, freed with m */
const char *ir_strdup(Module *m, const char *s, size_t n);
/* Grow an arena array (*p, *cap) to hold need elements. */
void ir_grow(Module *m, void *p, int *cap, int need, size_t esize);

/* Symbols by name (without '$'); a new one starts as SYM_EXTERN. */
int ir_sym(Module *m, const char *name);
int ir_find_sym(const Module *m, const char *name);  /* -1 if none */

int ir_new_layout(Module *m, const char *name, int64_t size, int64_t align);
void ir_layout_field(Module *m, int agg, Type t, int64_t off);
int ir_find_layout(const Module *m, const char *name);  /* 0 if none */
/* Classify a layout per SysV: cls[0..1] for its eightbytes.  Returns how
 * many eightbytes are passed in registers, 0 when passed in memory. */
int ir_classify(const Module *m, int agg, AggClass cls[2]);

/* A function definition (or a declaration: ir_new_decl), its parameters
 * (ir_add_param returns the parameter's vreg, -1 for declarations). */
Func *ir_new_func(Module *m, const char *name, Type ret, int retagg);
Func *ir_new_decl(Module *m, const char *name, Type ret, int retagg);
int ir_add_param(Module *m, Func *f, Type t, int agg, const char *name);
Block *ir_new_block(Module *m, Func *f, const char *name);
/* A new vreg of type t; name NULL picks "t<n>".  Returns its index. */
int ir_new_vreg(Module *m, Func *f, Type t, const char *name);
int ir_find_vreg(const Func *f, const char *name);   /* -1 if none */
int ir_find_block(const Func *f, const char *name);  /* -1 if none */

Val ir_vreg(const Func *f, int v);
Val ir_int(Type t, int64_t i);
Val ir_flt(Type t, double f);
Val ir_symval(Module *m, const char *name, int64_t addend);
Val ir_blk(const Func *f, const Block *b);
Val ir_agg(Val v, int agg);      /* mark v as a by-value aggregate */
Val ir_vararg(void);             /* the "..." marker in a call */
Val ir_intrin(int intrin);

/* Append an instruction: op, its type (T_VOID for TC_NONE rows), the
 * result vreg (-1 none) and nargs operands (Val) in the row's order. */
Inst *ir_emit(Module *m, Block *b, Op op, Type t, int dst, int nargs, ...);
Inst *ir_emitv(Module *m, Block *b, Op op, Type t, int dst, int nargs, const Val *args);
/* Calls and spawns: callee, then arguments (ir_vararg() marks the end of
 * the fixed ones for a variadic callee).  Aggregate results: retagg. */
Inst *ir_emit_call(Module *m, Block *b, Op op, Type ret, int retagg, int dst,
                   Val callee, int nargs, const Val *args);

Data *ir_new_data(Module *m, const char *name, int linkage, int64_t align);
void ir_data_int(Module *m, Data *d, Type t, int64_t v);
void ir_data_flt(Module *m, Data *d, Type t, double v);
void ir_data_str(Module *m, Data *d, const char *s, size_t n);
void ir_data_sym(Module *m, Data *d, const char *name, int64_t addend);
void ir_data_zero(Module *m, Data *d, int64_t n);

/* The type of an instruction's result: T_VOID when it has none. */
Type ir_result_type(const Inst *in);
/* Put f's blocks in the order order[0..nblocks-1] (old indices), renumber
 * them and every block operand; order[0] becomes the entry. */
void ir_reorder_blocks(Module *m, Func *f, const int *order);
/* The same with only the n blocks order[0..n-1] kept: the others must be
 * the target of no kept block's terminator. */
void ir_keep_blocks(Module *m, Func *f, const int *order, int n);

/* Successor blocks of a block's terminator (up to *cap; returns count). */
int ir_succs(const Block *b, int *out, int cap);
/* Number of successors, for sizing the out array. */
int ir_nsuccs(const Block *b);

/* --- textual form ------------------------------------------------------ */
/* ir_read.c: parse text (NUL-terminated); diagnostics "path:l:c: error:"
 * go to stderr (ir_read) or err.  Returns NULL when *nerrors > 0. */
Module *ir_read(const char *path, const char *text, int *nerrors);
Module *ir_read_to(const char *path, const char *text, int *nerrors, FILE *err);

/* ir_print.c: the canonical text; ir_read(ir_print(m)) prints the same. */
void ir_print(FILE *f, const Module *m);
/* Shortest text for a float constant that reads back to the same value. */
void ir_format_flt(char *buf, size_t n, Type t, double v);

/* ir_verify.c: check the invariants every pass relies on; one line per
 * problem ("ir: verify: in $f, block @b, instruction 3 (add): ...") on err.
 * Returns the number of errors. */
int ir_verify(const Module *m, FILE *err);

/* rtlower.c: spawn, await and yield become calls of the runtime (and
 * thunks for the spawned functions); an IR-to-IR pass, run before the
 * code generator. */
void rt_lower_module(Module *m);

#endif
