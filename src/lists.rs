//! `vita layouts` and `vita fonts`: what is built in.

use vita_layout::Layout;

/// Prints the built-in layouts, one per line: name, page, fonts, description.
pub fn layouts() -> Result<i32, crate::failure::Failure> {
    for name in Layout::builtin_names() {
        let Some(layout) = Layout::builtin(name) else {
            continue;
        };
        let row = format!(
            "{name:10} {:7} {:14} {}",
            layout.page.size, layout.fonts.body, layout.description
        );
        // A closed pipe (`vita layouts | head -1`) ends the listing quietly.
        if !crate::stdout::line(&row)? {
            return Ok(0);
        }
    }
    crate::stdout::line(
        "\nUse one with `--layout NAME`, or write a file with `extends = \"classic\"` (docs/layouts.md).",
    )?;
    Ok(0)
}

/// Prints the font families layouts can name (`fonts.body`, `heading`, `mono`): the bundled
/// ones, then those in `--font-path` and installed on the system, each with its styles and
/// where it comes from. With `sample`, writes a specimen of the bundled families instead.
pub fn fonts(args: &crate::cli::FontsArgs) -> Result<i32, crate::failure::Failure> {
    if let Some(path) = &args.sample {
        return crate::specimen::write(path);
    }
    let book = crate::fonts::book();
    let catalogue = book.catalogue();
    // A closed pipe (`vita fonts | head`) ends the listing quietly.
    let line = |text: &str| crate::stdout::line(text);
    let width = catalogue
        .iter()
        .map(|f| f.name.chars().count())
        .max()
        .unwrap_or(0)
        .min(32);
    let mut bundled_heading = false;
    let mut installed_heading = false;
    for family in &catalogue {
        let from = match &family.source {
            vita_layout::FamilySource::Bundled => {
                if !bundled_heading {
                    line("Bundled (compiled into Vita):")?;
                    bundled_heading = true;
                }
                "bundled".to_string()
            }
            vita_layout::FamilySource::File(path) => {
                if !installed_heading {
                    line("\nInstalled (--font-path and the system's fonts):")?;
                    installed_heading = true;
                }
                path.display().to_string()
            }
        };
        let text = format!(
            "  {:width$}  {}  [{from}]",
            family.name,
            family.styles.join(", ")
        );
        if !line(&text)? {
            return Ok(0);
        }
    }
    line(
        "\nName one in a layout file: [fonts] body = \"Inter\" (docs/layouts.md); `vita fonts --sample specimen.pdf` shows the bundled ones.",
    )?;
    Ok(0)
}
