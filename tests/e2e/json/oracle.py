#!/usr/bin/env python3
"""The json module's reference check (tests/e2e/json.sh).

Writes COUNT documents (seeded: the same every run), one per line, hex
encoded, to IN: random valid ones written by Python's json with random
spacing, escapes and number forms, and as many made invalid or odd by
random byte edits, plus hand-written edge cases.  With OUT (roundtrip's
output for IN) given, checks every line: Python's verdict (strict RFC
8259: strict UTF-8, no NaN/Infinity, no lone surrogates, no number too
large for a double) must match "ok"/"error", and each "ok" text must read
back in Python as the same value.  Prints the counts; exits 1 on the
first few mismatches.

usage: oracle.py gen IN COUNT SEED | oracle.py check IN OUT |
       oracle.py pretty DOC WANT SEED (see pretty())
"""
import json
import math
import random
import struct
import sys

EDGE = [
    b'', b' ', b'null', b'true', b'false', b'nul', b'tru', b'[', b']', b'{', b'}',
    b'0', b'-0', b'01', b'-01', b'1.', b'.5', b'1.5e', b'1e+', b'+1', b'1e400', b'-1e400',
    b'1e-400', b'2.2250738585072011e-308', b'4.9e-324', b'1.7976931348623157e308',
    b'1.7976931348623159e308', b'9223372036854775807', b'-9223372036854775808',
    b'9223372036854775808', b'123456789012345678901234567890', b'0.1', b'1E2', b'1e-2',
    b'NaN', b'Infinity', b'-Infinity', b'[1,]', b'[,1]', b'{"a":1,}', b'{"a"}', b'{"a":}',
    b'{1:2}', b'{"a":1 "b":2}', b'[1 2]', b'"abc', b'"\\x"', b'"\\u12"', b'"\\u12G4"',
    b'"\\ud800"', b'"\\udc00"', b'"\\ud800\\u0041"', b'"\\ud83d\\ude00"', b'"\\u0000"',
    b'"\x01"', b'"\x1f"', b'"\x7f"', b'"\t"', b'"\xc0\xaf"', b'"\xe0\x80\xaf"',
    b'"\xed\xa0\x80"', b'"\xf4\x90\x80\x80"', b'"\xf0\x9f\x98\x80"', b'"\xff"', b'"\xc3"',
    b'"\xc3\xa9"', b'[[[[[[[[[[]]]]]]]]]]', b'[' * 999 + b']' * 999, b'[' * 1001 + b']' * 1001,
    b' \t\r\n[ \t\r\n1 \t\r\n] \t\r\n', b'[1]x', b'[1] [2]', b'\xef\xbb\xbf[1]', b'"\\/"',
    b'{"a":1,"a":2}', b'{"":""}', b'[-]', b'[-a]', b'[1e5.5]', b'[0x10]', b'[1_000]',
]


def rand_float(r):
    k = r.random()
    if k < 0.3:
        while True:
            x = struct.unpack('<d', struct.pack('<Q', r.getrandbits(64)))[0]
            if math.isfinite(x):
                return x
    if k < 0.6:
        return r.uniform(-1e6, 1e6)
    return r.choice([0.1, 0.5, 1e-300, 5e-324, 1e300, 1.7976931348623157e308, -0.0,
                     2.5, 1e16, 1e17, 1e21, 123456.789, 1 / 3])


def rand_str(r):
    out = []
    for _ in range(r.randrange(0, 12)):
        k = r.random()
        if k < 0.5:
            out.append(chr(r.randrange(0x20, 0x7f)))
        elif k < 0.6:
            out.append(chr(r.randrange(0, 0x20)))
        elif k < 0.7:
            out.append(r.choice('"\\/\b\f\n\r\t'))
        elif k < 0.9:
            c = r.randrange(0x80, 0x10000)
            out.append(chr(c) if not 0xd800 <= c < 0xe000 else 'x')
        else:
            out.append(chr(r.randrange(0x10000, 0x110000)))
    return ''.join(out)


def rand_value(r, depth):
    k = r.random() if depth < 6 else r.random() * 0.7
    if k < 0.1:
        return r.choice([None, True, False])
    if k < 0.25:
        return r.choice([r.randrange(-1000, 1000), r.randrange(-2**63, 2**63),
                         r.randrange(-2**53, 2**53), r.randrange(-10**30, 10**30)])
    if k < 0.4:
        return rand_float(r)
    if k < 0.7:
        return rand_str(r)
    if k < 0.85:
        return [rand_value(r, depth + 1) for _ in range(r.randrange(0, 6))]
    return {rand_str(r): rand_value(r, depth + 1) for _ in range(r.randrange(0, 6))}


def render(r, v):
    kw = {'ensure_ascii': r.random() < 0.5}
    k = r.random()
    if k < 0.3:
        kw['indent'] = r.choice([0, 1, 2, '\t'])
    elif k < 0.6:
        kw['separators'] = (',', ':')
    return json.dumps(v, **kw).encode('utf-8')


def mutate(r, b):
    b = bytearray(b)
    for _ in range(r.randrange(1, 4)):
        op = r.random()
        pos = r.randrange(0, len(b) + 1)
        c = r.choice(b'{}[],:"\\0123456789eE+-.tfnu \t\n\x00\x1f\x7f\x80\xbf\xc0\xc3\xe0\xed\xf0\xf4\xff')
        if op < 0.35 and b:
            del b[min(pos, len(b) - 1)]
        elif op < 0.7:
            b[pos:pos] = bytes([c])
        elif b:
            b[min(pos, len(b) - 1)] = c
    return bytes(b)


INVALID = object()
MAX_DEPTH = 1000    # json.arc's limit on nested arrays and objects


def strict(doc):
    """Python's verdict: the value, or INVALID."""
    try:
        s = doc.decode('utf-8')
        v = json.loads(s, parse_constant=lambda c: (_ for _ in ()).throw(ValueError(c)))
    except (UnicodeDecodeError, ValueError):
        return INVALID
    ok = [True]

    def walk(x, depth=0):
        if isinstance(x, (list, dict)) and depth >= MAX_DEPTH:
            ok[0] = False       # the 1001st level of nesting
        elif isinstance(x, str):
            if any(0xd800 <= ord(c) < 0xe000 for c in x):
                ok[0] = False
        elif isinstance(x, float):
            if not math.isfinite(x):
                ok[0] = False
        elif isinstance(x, list):
            for y in x:
                walk(y, depth + 1)
        elif isinstance(x, dict):
            for a, y in x.items():
                walk(a)
                walk(y, depth + 1)
    walk(v)
    return v if ok[0] else INVALID


def norm(x):
    """Integers beyond int64 become the nearest double, as in the module."""
    if isinstance(x, bool) or x is None:
        return x
    if isinstance(x, int):
        return x if -2**63 <= x < 2**63 else float(x)
    if isinstance(x, list):
        return [norm(y) for y in x]
    if isinstance(x, dict):
        return {a: norm(y) for a, y in x.items()}
    return x


def gen(path, count, seed):
    r = random.Random(seed)
    docs = list(EDGE)
    while len(docs) < count:
        d = render(r, rand_value(r, 0))
        docs.append(d)
        docs.append(mutate(r, d))
    with open(path, 'w') as f:
        for d in docs[:count]:
            f.write(d.hex() + '\n')


def check(inp, out):
    docs = [bytes.fromhex(l.strip()) for l in open(inp)]
    got = open(out, 'rb').read().decode('utf-8', 'replace').split('\n')
    if got and got[-1] == '':
        got.pop()
    if len(got) != len(docs):
        print(f'oracle: {len(docs)} documents, {len(got)} result lines')
        return 1
    bad = valid = 0
    for d, g in zip(docs, got):
        want = strict(d)
        why = None
        if g.startswith('ok '):
            if want is INVALID:
                why = 'accepted, Python rejects it'
            else:
                try:
                    back = json.loads(g[3:])
                except ValueError as e:
                    back = e
                if norm(back) != norm(want):
                    why = 'a different value'
            valid += 1
        elif g.startswith('error '):
            if want is not INVALID:
                why = 'rejected, Python accepts it'
        else:
            why = 'no verdict'
        if why:
            bad += 1
            if bad <= 5:
                print(f'oracle: {why}: {d[:200]!r} -> {g[:200]}')
    print(f'oracle: {len(docs)} documents, {valid} valid, {bad} mismatches')
    return 1 if bad else 0


def no_floats(x):
    """x with its floats made integers and its integers within int64:
    Python and json.arc write floats differently (1e+16 and
    10000000000000000), never integers."""
    if isinstance(x, float):
        return int(x) if abs(x) < 2**63 else 0
    if isinstance(x, int) and not isinstance(x, bool) and not -2**63 <= x < 2**63:
        return x % 2**62        # past int64 json.arc keeps a double
    if isinstance(x, list):
        return [no_floats(y) for y in x]
    if isinstance(x, dict):
        return {a: no_floats(y) for a, y in x.items()}
    return x


def pretty(doc_path, want_path, seed):
    """A document (one array of 300 random values, floats made integers,
    written with random spacing) and Python's json.dumps(indent=2,
    ensure_ascii=False) of it, for tests/examples/json_fmt.arc."""
    r = random.Random(seed)
    v = no_floats([rand_value(r, 1) for _ in range(300)])
    with open(doc_path, 'wb') as f:
        f.write(render(r, v))
    with open(want_path, 'w', encoding='utf-8') as f:
        f.write(json.dumps(v, indent=2, ensure_ascii=False) + '\n')


if __name__ == '__main__':
    sys.setrecursionlimit(20000)
    if sys.argv[1] == 'pretty':
        pretty(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    elif sys.argv[1] == 'gen':
        gen(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
    else:
        sys.exit(check(sys.argv[2], sys.argv[3]))
