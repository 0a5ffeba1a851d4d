/* check.h: what check.c (statements and expressions) and types.c (types,
 * names, signatures and generic instances) share: the checker's state and
 * the functions each calls in the other. */
#ifndef ARC_FRONT_CHECK_H
#define ARC_FRONT_CHECK_H

#include "gen/front/ast.h"


enum { MAX_INSTANCES = 64 };

/* A scope's names; past SCOPE_LINEAR of them, a map finds the index of
 * the latest declaration of a name, so a function with many locals is
 * checked in linear time. */
typedef struct Scope {
    struct Scope *up;
    Var **vars;
    int n, cap;
    Map *map;
} Scope;
enum { SCOPE_LINEAR = 8 };

typedef struct Check {
    Front *fe;
    Scope *scope;
    Scope globals;
    FuncDecl *fn;          /* the function being checked */
    int loops, switches;   /* break/continue targets */
    const char **tpnames;  /* generic parameters in scope */
    Ty **tpvals;
    int ntp;
    FuncDecl **queue;      /* generic instances still to check */
    int nqueue, capqueue;
    int nprocess;
    Scope *outer;          /* in a function literal: the enclosing scopes */
    int in_ptr;            /* resolving the pointee of a pointer type */
    int nconstdepth;       /* enum values and constants being evaluated */
    Ty **pending;          /* struct types still to lay out */
    int npending, cappending;
    Map *funcmap;          /* find_func's index: name -> prog.funcs index */
    int nfmapped;          /* prog.funcs[0 .. nfmapped) are in it */
    Ty *t_void, *t_bool, *t_i8, *t_i16, *t_i32, *t_i64, *t_u8, *t_u16, *t_u32, *t_u64,
       *t_f32, *t_f64, *t_uint, *t_uflt, *t_null, *t_err, *t_bytep, *t_voidp,
       *t_string;   /* *byte spelled string: == compares contents */
} Check;

#define ERR(n, ...) fe_error(c->fe, (n)->line, (n)->col, __VA_ARGS__)

/* types.c */
Ty *new_ty(Check *c, TyKind k, int64_t size, int64_t align, const char *name);
Ty *int_ty(Check *c, int size, int sign, const char *name);
Ty *derived_ty(Check *c, TyKind k, int64_t size, const char *prefix, Ty *base);
Ty *ptr_to(Check *c, Ty *base);
Ty *func_ty(Check *c, Ty **ptys, int n, Ty *ret, int variadic, int async);
Ty *slice_ty(Check *c, Ty *base);
int is_num(const Ty *t);
int is_untyped(const Ty *t);
Ty *tuple_ty(Check *c, Ty **elems, int n);
Ty *prim(Check *c, const char *name);
const char *qual(Check *c, const char *name);
int is_c_exported(const char *name);
int main_defines(Check *c, const char *name);
int is_import(Check *c, const char *name);
int check_qualified(Check *c, const char *name, int line, int col);
SrcFile *file_of(Check *c, const char *name);
StructDecl *find_struct(Check *c, const char *name);
EnumDecl *find_enum(Check *c, const char *name);
Ty *complete(Check *c, Ty *t, int line, int col);
Ty *resolve(Check *c, TypeX *x);
const char *sanitize(Check *c, const char *s);
void check_sig(Check *c, FuncDecl *f);
/* The generic parameters in scope while checking f: a generic instance's
 * own (bound to its type arguments), else those already in scope.
 * Returns the ones it replaced, for restore_tparams. */
typedef struct { const char **names; Ty **vals; int n; } TParams;
TParams enter_tparams(Check *c, const FuncDecl *f);
void restore_tparams(Check *c, TParams saved);
FuncDecl *instance(Check *c, FuncDecl *g, Ty **targs, int n, Node *at);
FuncDecl *instantiate(Check *c, FuncDecl *g, Node *at);
int mentions_tparam(const FuncDecl *g, const TypeX *x);
FuncDecl *infer_instance(Check *c, FuncDecl *g, Node **args, const char *checked, Node *at);
StructDecl *generic_receiver(Check *c, FuncDecl *f);
int sig_abi_same(const FuncDecl *f, const FuncDecl *g);
const char *sig_text(Check *c, const FuncDecl *f);

/* check.c */
int const_int(Check *c, Node *n, int64_t *v);
Ty *func_value(Check *c, Node *n, FuncDecl *f);
Ty *check_expr(Check *c, Node *n, Ty *want);

#endif
