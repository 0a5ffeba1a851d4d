// The json module's API on hand-picked documents: reading values, the
// error's position and message for each kind of mistake, building a
// document, replacing members, and what stringify writes.
// expect: kinds: 2 5 0 1 3 4
// expect: name=arc version=1.5 tags=3 first=fast nested=true
// expect: big: is_int=true 9223372036854775807 / is_int=false 9223372036854775808
// expect: missing: null
// expect: {"name":"arc","version":1.5,"tags":["fast","small","static"],"deep":{"x":[null,true]}}
// expect: error 1:1 unexpected end of input
// expect: error 1:2 unexpected end of input
// expect: error 1:4 expected a value
// expect: error 1:3 leading zero in number
// expect: error 1:4 no digits after '.' in number
// expect: error 1:4 no digits in exponent
// expect: error 1:1 number out of range
// expect: error 1:7 unterminated string
// expect: error 1:3 invalid escape in string
// expect: error 1:8 high surrogate not followed by a low one in \u escape
// expect: error 1:2 lone low surrogate in \u escape
// expect: error 1:2 control character in string
// expect: error 1:2 invalid UTF-8 in string
// expect: error 3:5 expected ',' or '}' in object
// expect: error 1:2 expected a string as a member name
// expect: error 1:6 expected ':' after a member name
// expect: error 1:5 text after the value
// expect: error 1:1001 nesting too deep
// expect: error 1:1 invalid literal
// expect: built: {"n":-12,"x":0.1,"s":"tab\there \"q\" \u0001 é","list":[1,2.5,null,false],"inf":null}
// expect: replaced: {"n":7,"x":0.1,"s":"tab\there \"q\" \u0001 é","list":[1,2.5,null,false],"inf":null} len=5
// expect: escapes: "\u0000a\/b" -> 4 bytes "\u0000a/b"
namespace main

import "json"
import "str"

extern c {
    func printf(*byte, ...) int32
}

func tf(b: bool) string {
    if b {
        return "true"
    }
    return "false"
}

func error_of(s: string) {
    let (v, err) = json.parse_string(s)
    if v != null {
        printf("unexpectedly ok: %s\n", s)
        json.free(v)
        return
    }
    printf("error %ld:%ld %s\n", err.line, err.col, err.msg)
}

func main() int32 {
    let text = "{\"name\": \"arc\", \"version\": 1.5, \"tags\": [\"fast\", \"small\", \"static\"],\n \"deep\": {\"x\": [null, true]}}"
    let (doc, err) = json.parse_string(text)
    if doc == null {
        printf("parse failed: %s\n", err.msg)
        return 1
    }
    let deep = doc.get("deep")
    let x = deep.get("x")
    printf("kinds: %d %d %d %d %d %d\n", doc.get("version").kind, doc.kind, x.at(0).kind,
           x.at(1).kind, doc.get("name").kind, doc.get("tags").kind)
    printf("name=%s version=%g tags=%ld first=%s nested=%s\n", doc.get("name").str,
           doc.get("version").number, doc.get("tags").len(), doc.get("tags").at(0).str,
           tf(x.at(1).boolean))
    let (a, _) = json.parse_string("9223372036854775807")
    let (b, _) = json.parse_string("9223372036854775808")
    printf("big: is_int=%s %ld / is_int=%s %.0f\n", tf(a.is_int), a.integer,
           tf(b.is_int), b.number)
    json.free(a)
    json.free(b)
    if doc.get("nope") == null {
        printf("missing: null\n")
    }
    let out = json.stringify(doc)
    printf("%s\n", out)
    str.free(out)
    json.free(doc)

    error_of("")
    error_of("[")
    error_of("[1,]")
    error_of("[01]")
    error_of("[1.]")
    error_of("1e+")
    error_of("1e999")
    error_of("\"abc\\\"")
    error_of("\"\\q\"")
    error_of("\"\\ud800x\"")
    error_of("\"\\udc00\"")
    error_of("\"\t\"")
    error_of("\"\xc0\xaf\"")
    error_of("{\"a\": 1,\n \"b\": 2\n    \"c\": 3}")
    error_of("{1: 2}")
    error_of("{\"a\" 1}")
    error_of("[1] x")
    let deep_text: [2003]byte = {}
    for i in 0..1001 {
        deep_text[i] = '['
        deep_text[2001 - i] = ']'
    }
    error_of(&deep_text[0])
    error_of("nul")

    let o = json.object()
    o.set("n", json.int_value(-12))
    o.set("x", json.number_value(0.1))
    o.set("s", json.string_value("tab\there \"q\" \x01 \xc3\xa9"))
    let l = json.array()
    l.push(json.int_value(1))
    l.push(json.number_value(2.5))
    l.push(json.null_value())
    l.push(json.bool_value(false))
    o.set("list", l)
    let zero = 0.0
    o.set("inf", json.number_value(1.0 / zero))
    let s1 = json.stringify(o)
    printf("built: %s\n", s1)
    o.set("n", json.int_value(7))
    let s2 = json.stringify(o)
    printf("replaced: %s len=%ld\n", s2, o.len())
    str.free(s1)
    str.free(s2)
    json.free(o)

    let (e, _) = json.parse_string("\"\\u0000a\\/b\"")
    let s3 = json.stringify(e)
    printf("escapes: \"\\u0000a\\/b\" -> %ld bytes %s\n", e.slen, s3)
    str.free(s3)
    json.free(e)
    return 0
}
