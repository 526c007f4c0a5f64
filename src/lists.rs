//! `vita layouts` and `vita fonts`: what is built in.

use vita_layout::Layout;

/// Prints the built-in layouts, one per line: name, page, fonts, description.
pub fn layouts() -> i32 {
    for name in Layout::builtin_names() {
        let Some(layout) = Layout::builtin(name) else {
            continue;
        };
        println!(
            "{name:10} {:7} {:14} {}",
            layout.page.size, layout.fonts.body, layout.description
        );
    }
    println!(
        "\nUse one with `--layout NAME`, or write a file with `extends = \"classic\"` (docs/layouts.md)."
    );
    0
}

/// Prints the font families layouts can name, with their faces.
pub fn fonts() -> i32 {
    let book = crate::fonts::book();
    let faces: Vec<String> = book.font_table().into_iter().map(|f| f.name).collect();
    for family in book.families() {
        let own: Vec<&str> = faces
            .iter()
            .filter(|f| f.starts_with(family))
            .map(String::as_str)
            .collect();
        println!("{family:14} {}", own.join(", "));
    }
    0
}
