// Enums written on one line, members without commas; a file without a
// final newline; comments of every kind; `;` between statements.
namespace

/* a block
   comment */
enum Color { RED  GREEN = 5  BLUE }
//@tool: this is an ordinary comment

func main() int32 {
    let c = Color.BLUE; let d = Color.RED
    return c - d + Color.GREEN
}
// status: 11