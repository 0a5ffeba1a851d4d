/* ast.h: the front end's shared structures: tokens, the AST, Arc types
 * and the per-compilation context.  Sections are labelled by the file
 * that owns them.  Everything lives in the context's arena (front.c) and
 * is freed with it. */
#ifndef ARC_FRONT_AST_H
#define ARC_FRONT_AST_H

#include <stdint.h>
#include <stdio.h>

#include "gen/front/front.h"
#include "gen/ir.h"

/* --- tokens (lex.c, tok.def) ------------------------------------------- */
typedef enum {
#define TOK(id, text, ends, prec, assign) TK_##id,
#include "gen/front/tok.def"
#undef TOK
    TK_COUNT
} TokKind;

extern const char *const tok_text[TK_COUNT];
extern const unsigned char tok_prec[TK_COUNT];    /* binary precedence, 0 none */
extern const TokKind tok_assign[TK_COUNT];        /* += -> +, = -> =, else EOF */

typedef struct {
    TokKind k;
    int line, col;
    const char *s;   /* the lexeme in the source */
    int len;
    uint64_t ival;   /* INT, CHAR */
    double fval;     /* FLOAT */
    char *str;       /* STR: the decoded bytes (NUL-terminated) */
    int slen;
} Tok;

/* --- types (types.c) --------------------------------------------------- */
typedef enum {
    TY_ERR,     /* after an error: accepted everywhere, reported once */
    TY_VOID, TY_BOOL, TY_INT, TY_FLOAT, TY_PTR, TY_ARRAY, TY_STRUCT,
    TY_TUPLE, TY_TASK,
    TY_UINT,    /* an untyped integer constant */
    TY_UFLT,    /* an untyped float constant */
    TY_NULL,    /* the type of null */
    TY_FUNC,    /* func(A, B) R: a code address (a C function pointer) */
    TY_SLICE,   /* []T: {data *T at 0, len int64 at 8}, in memory */
} TyKind;

typedef struct Ty Ty;
typedef struct StructDecl StructDecl;

typedef struct {
    const char *name;
    Ty *ty;
    int64_t off;
} SField;

struct Ty {
    TyKind kind;
    int64_t size, align;
    int sign;          /* TY_INT: signed */
    const char *name;  /* how diagnostics spell it */
    Ty *base;          /* PTR, ARRAY: element; TASK: result */
    int64_t len;       /* ARRAY */
    SField *fields;    /* STRUCT, TUPLE */
    int nfields;
    StructDecl *sd;    /* STRUCT: its declaration */
    Ty **targs;        /* STRUCT: the type arguments of a generic instance */
    int ntargs;
    int state;         /* STRUCT: 0 new, 1 laying out, 2 done */
    int agg;           /* IR layout id once lowered (lower.c) */
    Ty *next;          /* the instances of one generic struct */
    Ty **ptys;         /* FUNC: parameter types (base: the result) */
    int nptys;
    int variadic;      /* FUNC: takes ... (C's) */
    int async;         /* FUNC: async func: a call starts a task */
};

/* --- AST (parse.c) ----------------------------------------------------- */
typedef struct Node Node;
typedef struct FuncDecl FuncDecl;
typedef struct SrcFile SrcFile;
typedef struct Var Var;

typedef enum { TX_NAME, TX_PTR, TX_ARRAY, TX_TUPLE, TX_FUNC, TX_SLICE } TypeXKind;

/* A type as written. */
typedef struct TypeX {
    TypeXKind kind;
    int line, col;
    const char *name;      /* TX_NAME */
    struct TypeX **args;   /* TX_NAME generic arguments, TX_TUPLE elements,
                            * TX_FUNC parameters */
    int nargs;
    int async, variadic;   /* TX_FUNC */
    struct TypeX *base;    /* TX_PTR, TX_ARRAY, TX_SLICE; TX_FUNC result (NULL none) */
    Node *len;             /* TX_ARRAY */
} TypeX;

typedef enum {
    /* expressions */
    N_INT, N_FLT, N_STR, N_BOOL, N_NULL, N_IDENT,
    N_UNARY,    /* op a: - ! ~ & * */
    N_BINARY,   /* a op b, including && || */
    N_PREINC,   /* op(++ --) a */
    N_POSTINC,  /* a op */
    N_CALL,     /* a(list), targs */
    N_INDEX,    /* a[b] */
    N_SLICE,    /* a[b..c], b and c optional */
    N_FIELD,    /* a.name */
    N_CAST,     /* cast<tx>(a) */
    N_BITCAST,  /* bit_cast<tx>(a) */
    N_SIZEOF,   /* sizeof(tx) or sizeof(a) */
    N_ALIGNOF,  /* alignof(tx) */
    N_AWAIT,    /* await a */
    N_SLIT,     /* tx{names[i]: list[i]} */
    N_ZLIT,     /* {list}: zero fill, or the elements of an array */
    N_TUPLE,    /* (list) */
    N_PROCESS,  /* process func(...) {...}(list) */
    N_FUNCLIT,  /* [async] func(...) R {...}: fn, capture-free */
    N_NEW,      /* new tx, new tx{...} (a: the N_SLIT), new [len]T (tx's len) */
    /* statements */
    N_BLOCK,    /* {list} */
    N_LET,      /* let name (or names) [: tx] = a; op is LET or CONST */
    N_EXPR,     /* a */
    N_ASSIGN,   /* a op b, op is = or a compound assignment */
    N_IF,       /* if a b else c */
    N_FOR,      /* for a; b; c d */
    N_FORIN,    /* for name in a..b d; b NULL: for [names[0],] name in a d
                 * over an array or a slice (names[0] the index) */
    N_SWITCH,   /* switch a {list of N_CASE} */
    N_CASE,     /* case list: b (nlist 0: default) */
    N_RETURN,   /* return [a] */
    N_BREAK, N_CONTINUE,
    N_DEFER,    /* defer a */
    N_YIELD,
} NodeKind;

typedef enum { BI_NONE, BI_ALLOCA, BI_MEMCPY, BI_MEMSET, BI_MEMCMP, BI_STRLEN, BI_SYSCALL,
               BI_MEMPTR, BI_RDTSC, BI_PAUSE, BI_CPUID, BI_VA_START, BI_VA_ARG, BI_VA_END, BI_LEN, BI_DELETE,
               BI_ATOMIC_ADD, BI_ATOMIC_LOAD, BI_ATOMIC_STORE, BI_ATOMIC_CAS, BI_SQRT } Builtin;

struct Node {
    NodeKind kind;
    int line, col;
    TokKind op;
    Node *a, *b, *c, *d;
    Node **list;
    int nlist;
    const char *name;
    const char **names;
    int nnames;
    TypeX *tx;
    TypeX **targs;
    int ntargs;
    uint64_t ival;
    double fval;
    const char *str;
    int slen;
    FuncDecl *fn;      /* N_PROCESS, N_FUNCLIT: the literal; N_CALL: the
                        * callee (NULL: through a value, a); N_IDENT: a
                        * function used as a value */
    /* filled by check.c */
    Ty *ty;            /* the expression's type (after conversion) */
    Ty *xty;           /* N_CAST/N_SIZEOF/...: the type written */
    Var *var;          /* N_IDENT, N_LET, N_FORIN */
    Var **vars;        /* N_LET of a tuple */
    SField *field;     /* N_FIELD */
    int konst;         /* 1: an integer constant in ival (bits), 2: a
                        * float constant in fval */
    int ubig;          /* an untyped constant above INT64_MAX */
    Builtin builtin;   /* N_CALL of a built-in */
    int method;        /* N_CALL: callee a.f is a method, receiver a.a;
                        * 2 when its address is passed */
    int checked;       /* N_INDEX: bounds-checked (a slice, or an array
                        * with a non-constant index); 2: under &, where
                        * the index may equal the length; N_BINARY:
                        * == or != on two strings' contents */
};

/* A parameter, or a struct field (name: tx). */
typedef struct {
    const char *name;
    int line, col;
    TypeX *tx;
    int self;
    Ty *ty;
    Var *var;
} FParam;

struct FuncDecl {
    const char *name;
    int line, col;
    FParam *params;
    int nparams;
    int variadic;
    TypeX *ret;
    Node *body;             /* NULL: extern c */
    int async;
    const char **tparams;   /* generic: the type parameter names */
    int ntparams;
    StructDecl *owner;      /* declared inside a struct body */
    SrcFile *file;          /* the file that declares it */
    const char *cname;      /* the name as written (name is qualified) */
    /* check.c */
    Ty **ptys;
    Ty *rty;
    StructDecl *recv;       /* a method of this struct */
    int recv_ptr;           /* its receiver is *Struct */
    const char *sym;        /* the IR symbol */
    Ty **targs;             /* a generic instance: the arguments */
    FuncDecl *inst_next;    /* instances of a generic function */
    FuncDecl *origin;       /* the generic this instance came from */
    int state;              /* 0 new, 1 signature done, 2 body checked */
    int builtin;            /* an extern c declaration of a built-in */
    int cexport;            /* a C-layer function: global, plain symbol */
    Func *irf;              /* lower.c */
};

struct StructDecl {
    const char *name;
    int line, col;
    int is_class;
    FParam *fields;
    int nfields;
    FuncDecl **methods;
    int nmethods, capmethods;
    const char **tparams;
    int ntparams;
    Ty *ty;                 /* non-generic: its type; generic: instances */
    SrcFile *file;
};

typedef struct {
    const char *name;
    int line, col;
    const char **mnames;
    Node **mvals;           /* NULL entries: previous + 1 */
    int64_t *vals;          /* check.c */
    int *mstate;            /* each value: 0 new, 1 being evaluated, 2 known */
    int nmembers;
    SrcFile *file;
} EnumDecl;

/* A local, a parameter or a constant. */
struct Var {
    const char *name;
    int line, col;
    Ty *ty;
    int is_const;
    Node *init;             /* a constant's initializer */
    int konst;              /* constant value known: 1 int (ival), 2 float, 3 string */
    int ubig;               /* an untyped integer constant above INT64_MAX */
    uint64_t ival;
    double fval;
    const char *str;
    int slen;
    int addr_taken;         /* needs a frame slot */
    int assigned;           /* assigned, incremented or decremented after its let */
    Var *below_len;         /* a range variable: 0 <= it < len(below_len) */
    int64_t below;          /* a range variable: 0 <= it < below (0: unknown) */
    int state;              /* top-level const: 0 new, 1 checking, 2 done */
    const char *sym;        /* a global (top-level let/var): its data symbol */
    int cexport;            /* ... exported under its C name (the C layer) */
    /* lower.c */
    int vreg;               /* the value, or the slot's address */
    int in_mem;
};

typedef struct {
    FuncDecl **funcs;       /* every func, async func, method, extern */
    int nfuncs, capfuncs;
    StructDecl **structs;
    int nstructs, capstructs;
    EnumDecl **enums;
    int nenums, capenums;
    Node **consts;          /* top-level N_LET: op CONST, or LET for a global */
    int nconsts, capconsts;
    FuncDecl **inits;       /* func init() of each file, run before main:
                             * a module after those it imports (check.c) */
    int ninits, capinits;
} Program;

/* --- source files and modules (front.c) --------------------------------- *
 * The main file and every module it imports, directly or not, parse into
 * one Program.  A module's top-level names are stored qualified
 * ("io.print"); inside the module they are written plain, outside as
 * io.print (check.c qualifies).  Methods keep their plain name (they live
 * in their struct, whose name is qualified). */
struct SrcFile {
    const char *mod;        /* the module name; NULL for the main file */
    const char *path, *text;
    size_t len;             /* of text (a NUL follows) */
    const char **imports;   /* the modules this file imports */
    int *iline, *icol;
    int nimports, capimports, caplines, capcols;
    int state;              /* 1 loading (its imports), 2 done */
    int clayer;             /* `namespace c`: exported functions keep C names */
};

/* --- the compilation context (front.c) --------------------------------- */
typedef struct Chunk Chunk;

typedef struct Front {
    const char *path, *text;
    FILE *err;
    int nerrors;
    Chunk *chunks;
    SrcFile **files;        /* [0] the main file, then modules in load order */
    int nfiles, capfiles;
    SrcFile *file;          /* the one being parsed or checked */
    Tok *toks;
    int ntoks, captoks;
    Program prog;           /* parse.c fills it, check.c and lower.c read it */
} Front;

/* MAX_DEPTH bounds nesting (brackets, blocks, unary and binary operator
 * chains) so that no phase recurses deeper than the C stack allows. */
enum { MAX_DEPTH = 1000 };

void *fe_alloc(Front *fe, size_t n);   /* zeroed, freed with fe */
void fe_free(Front *fe);               /* the arena */
char *fe_strdup(Front *fe, const char *s, size_t n);
/* Grow an arena array (*p with *cap elements of esize) to need. */
void fe_grow(Front *fe, void *p, int *cap, int need, size_t esize);
#define FE_PUSH(fe, arr, n, cap, v) \
    (fe_grow((fe), &(arr), &(cap), (n) + 1, sizeof *(arr)), (arr)[(n)++] = (v))
/* "path:line:col: error: ..." with the source line and a caret; line 0:
 * "path: error: ..." (about the whole file).  gen/util.h's diag_error: at
 * most MAX_ERRORS printed. */
void fe_error(Front *fe, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Make f the current file (for diagnostics); returns the previous one. */
SrcFile *fe_enter(Front *fe, SrcFile *f);
/* The module an import path names (its last element). */
const char *fe_module_name(const char *path);
/* "mod.name" for a top-level name of f (name itself in the main file). */
const char *fe_qualify(Front *fe, SrcFile *f, const char *name);

/* The phases. */
void lex(Front *fe);                       /* lex.c: fe->toks */
void parse(Front *fe);                     /* parse.c: fe->prog */
void check(Front *fe);                     /* check.c */
Module *lower(Front *fe);                  /* lower.c */

/* types.c helpers check.c and lower.c share */
int ty_is_int(const Ty *t);       /* TY_INT or TY_UINT */
int ty_is_agg(const Ty *t);       /* in memory: array, struct, tuple */
int ty_same(const Ty *a, const Ty *b);

#endif
