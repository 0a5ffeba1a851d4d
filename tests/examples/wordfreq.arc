// wordfreq FILE: the 10 most frequent words of a text file with their
// counts, most frequent first.
//   A word is a maximal run of ASCII letters, lowercased; everything else
//   separates words.  Ties are broken by the word in byte order.  Output:
//   "count word" per line.  The same as
//     tr -cs 'A-Za-z' '\n' < FILE | tr 'A-Z' 'a-z' | grep -v '^$' |
//       LC_ALL=C sort | uniq -c | LC_ALL=C sort -k1,1nr -k2,2 | head -10
//   (tests/e2e/arc.sh compares the two).
namespace main

import "collections"
import "fs"
import "os"

extern c {
    func printf(*byte, ...) int32
    func dprintf(int32, *byte, ...) int32
}

const TOP = 10

struct Entry {
    word: string
    count: int64
}

func is_letter(c: byte) bool {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
}

// byte-order comparison of two NUL-terminated strings
func compare(a: string, b: string) int32 {
    let i = 0
    for a[i] != 0 && a[i] == b[i] {
        i++
    }
    return cast<int32>(a[i]) - cast<int32>(b[i])
}

// e comes before f: more frequent, or as frequent and smaller
func before(e: Entry, f: Entry) bool {
    return e.count > f.count || (e.count == f.count && compare(e.word, f.word) < 0)
}

func main() int32 {
    if os.argc() != 2 {
        dprintf(2, "usage: wordfreq FILE\n")
        return 2
    }
    let (data, n, err) = fs.read_file(os.arg(1))
    if err != 0 {
        dprintf(2, "wordfreq: cannot read %s: %s\n", os.arg(1), fs.errname(cast<int64>(err)))
        return 1
    }
    // the text and its NUL, which ends the last word
    let text = data[0..cast<int64>(n) + 1]
    let counts = collections.string_map<int64>()
    // words become NUL-terminated lowercase strings in place
    let start: int64 = -1
    for i in 0..len(text) {
        let c = text[i]
        if is_letter(c) {
            if c <= 'Z' {
                text[i] = c + 32
            }
            if start < 0 {
                start = i
            }
        } else if start >= 0 {
            text[i] = 0
            let w: string = &text[start]
            let (k, found) = counts.get(w)
            counts.set(w, k + 1)
            start = -1
        }
    }
    // the TOP best entries, kept sorted by insertion
    let top: [10]Entry = {}
    let ntop = 0
    for i in 0..counts.cap() {
        if !counts.used(i) {
            continue
        }
        let e = Entry{word: counts.key(i), count: counts.value(i)}
        if ntop == TOP && !before(e, top[TOP - 1]) {
            continue
        }
        let j = ntop
        if j == TOP {
            j--
        } else {
            ntop++
        }
        for j > 0 && before(e, top[j - 1]) {
            top[j] = top[j - 1]
            j--
        }
        top[j] = e
    }
    for i in 0..ntop {
        printf("%lld %s\n", top[i].count, top[i].word)
    }
    counts.free()
    fs.free_file(data)
    return 0
}
