// A UTF-8 byte-order mark at the start of the file is skipped.
namespace main

func main() int32 {
    return 7
}
// status: 7
