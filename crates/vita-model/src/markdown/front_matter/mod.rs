//! Front matter: a TOML block between `+++` lines, or a simple YAML block between `---` lines,
//! at the very start of the file. Finding the fences lives here; reading each syntax lives in
//! [`toml_block`] and [`yaml_block`], and both feed the same field rules in [`fields`].

mod fields;
pub(crate) mod letter_fields;
mod overrides;
#[cfg(feature = "schema")]
pub mod schema;
mod toml_block;
mod yaml_block;

use crate::{Code, Contact, Diagnostic, Settings, Span, Text};

pub use overrides::{FieldOverride, FieldValue, apply_overrides, is_front_matter_key};

/// What front matter contributes to the résumé.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct FrontMatter {
    /// `name`, with `surname` after it once the block is read.
    pub name: Option<Text>,
    /// `surname`: joined to `name` by [`FrontMatter::join_surname`].
    pub surname: Option<Text>,
    /// `headline` (a string or a list of strings).
    pub headline: Vec<Text>,
    /// `email`, `phone`, `location` and `links`, in source order.
    pub contacts: Vec<Contact>,
    /// Everything that steers the build.
    pub settings: Settings,
    /// `photo = false` turns the photo off; `None` when not given.
    pub photo: Option<bool>,
    /// The cover letter's fields (`kind`, `to`, `subject`, …).
    pub letter: letter_fields::LetterFront,
}

impl FrontMatter {
    /// Puts `surname` after `name` ("Andrea" + "Roe Díaz" → "Andrea Roe Díaz"), or makes it
    /// the name when there is no `name`.
    fn join_surname(&mut self) {
        let Some(surname) = self.surname.take() else {
            return;
        };
        self.name = Some(match self.name.take() {
            Some(name) => join_names(&name, &surname),
            None => surname,
        });
    }
}

/// `name` and `surname` as one name, with a space between.
pub(super) fn join_names(name: &Text, surname: &Text) -> Text {
    let (first, last) = (name.plain(), surname.plain());
    let start = name.runs.first().map_or(0, |r| r.span.start);
    let end = surname.runs.last().map_or(start, |r| r.span.end);
    Text::plain_run(
        format!("{first} {last}").trim(),
        start.min(end)..end.max(start),
    )
}

/// Reads front matter starting at byte `start` (after any BOM). Returns it, if there is one,
/// and the offset where the Markdown body starts.
pub(super) fn read(
    source: &str,
    start: usize,
    warnings: &mut Vec<Diagnostic>,
) -> Result<(Option<FrontMatter>, usize), Diagnostic> {
    // Blank lines before the opening fence are allowed (Jekyll and Hugo skip them too).
    let mut lines = lines_from(source, start).skip_while(|line| line.text.trim().is_empty());
    let Some(first) = lines.next() else {
        return Ok((None, start));
    };
    let fence = first.text.trim_end();
    if fence == "+++" {
        let Some(close) = lines.find(|line| line.text.trim_end() == "+++") else {
            return Err(unclosed(start, "+++"));
        };
        let content = source.get(first.next..close.start).unwrap_or_default();
        let mut front = toml_block::read(content, first.next, warnings)?;
        front.contacts.sort_by_key(|c| c.span.start);
        front.join_surname();
        return Ok((Some(front), close.next));
    }
    if fence == "---" {
        let content_lines: Vec<Line<'_>> = lines_from(source, first.next).collect();
        // Only a block that reads as YAML is front matter; otherwise the `---` is a Markdown
        // thematic break and the file starts with ordinary content.
        let looks_like_yaml = content_lines
            .iter()
            .find(|line| !line.text.trim().is_empty() && !line.text.trim_start().starts_with('#'))
            .is_some_and(|line| yaml_block::is_key_line(line.text));
        if !looks_like_yaml {
            return Ok((None, start));
        }
        let Some(close) = content_lines
            .iter()
            .find(|line| matches!(line.text.trim_end(), "---" | "..."))
        else {
            return Err(unclosed(start, "---"));
        };
        let mut front = yaml_block::read(source, first.next, close.start, warnings)?;
        front.contacts.sort_by_key(|c| c.span.start);
        front.join_surname();
        return Ok((Some(front), close.next));
    }
    Ok((None, start))
}

fn unclosed(start: usize, fence: &str) -> Diagnostic {
    Diagnostic::error(
        Code::FrontMatterSyntax,
        format!("front matter opened with `{fence}` is never closed"),
    )
    .at(start..start + fence.len())
    .with_hint(format!(
        "add a line with just `{fence}` after the last front matter line"
    ))
}

/// One source line.
#[derive(Debug, Clone, Copy)]
pub(super) struct Line<'a> {
    /// Byte offset of its first character.
    pub start: usize,
    /// Its text without the line ending.
    pub text: &'a str,
    /// Byte offset of the next line.
    pub next: usize,
}

/// The lines of `source` from byte `at` on.
pub(super) fn lines_from(source: &str, at: usize) -> impl Iterator<Item = Line<'_>> {
    let mut pos = at;
    std::iter::from_fn(move || {
        let rest = source.get(pos..).filter(|rest| !rest.is_empty())?;
        let (len, eol) = match rest.find('\n') {
            Some(i) => (i, 1),
            None => (rest.len(), 0),
        };
        let text = rest.get(..len).unwrap_or_default();
        let line = Line {
            start: pos,
            text: text.strip_suffix('\r').unwrap_or(text),
            next: pos + len + eol,
        };
        pos = line.next;
        Some(line)
    })
}

/// A span shifted by `base`.
pub(super) fn shift(span: Span, base: usize) -> Span {
    span.start + base..span.end + base
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ContactKind;

    fn ok(src: &str) -> (FrontMatter, usize, Vec<Diagnostic>) {
        let mut warnings = Vec::new();
        let (front, body) = read(src, 0, &mut warnings).expect("front matter reads");
        (front.expect("front matter found"), body, warnings)
    }

    #[test]
    fn toml_front_matter_fills_header_and_settings() {
        let src = "+++\nname = \"Ada Lovelace\"\nheadline = \"Analyst\"\nemail = \"ada@example.com\"\n\
                   phone = \"+44 (20) 7946-0000\"\nlocation = \"London, UK\"\n\
                   links = [{ label = \"GitHub\", url = \"https://github.com/ada\" }]\n\
                   layout = \"modern\"\nlang = \"en-GB\"\npages = 1\nkeywords = [\"math\"]\n\
                   hyphenation = [\"mi-cro-ser-vice\"]\n+++\n# Body\n";
        let (front, body, warnings) = ok(src);
        assert!(warnings.is_empty());
        assert_eq!(&src[body..], "# Body\n");
        assert_eq!(front.name.unwrap().plain(), "Ada Lovelace");
        assert_eq!(front.headline[0].plain(), "Analyst");
        let kinds: Vec<_> = front.contacts.iter().map(|c| c.kind).collect();
        use ContactKind::*;
        assert_eq!(kinds, [Email, Phone, Location, Url]);
        assert_eq!(
            front.contacts[0].url.as_deref(),
            Some("mailto:ada@example.com")
        );
        assert_eq!(front.contacts[1].url.as_deref(), Some("tel:+442079460000"));
        assert_eq!(front.contacts[3].text, "GitHub");
        assert_eq!(
            front.contacts[3].url.as_deref(),
            Some("https://github.com/ada")
        );
        let s = front.settings;
        assert_eq!(s.layout.as_deref(), Some("modern"));
        assert_eq!(s.lang.as_deref(), Some("en-GB"));
        assert_eq!(s.pages, Some(1));
        assert_eq!(s.keywords, ["math"]);
        assert_eq!(s.hyphenation, ["mi-cro-ser-vice"]);
    }

    #[test]
    fn a_surname_goes_after_the_name() {
        let (front, _, warnings) = ok("---\nname: Andrea\nsurname: Roe Díaz\n---\n");
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(front.name.unwrap().plain(), "Andrea Roe Díaz");
        let (front, _, _) = ok("+++\nsurname = \"Roe\"\n+++\n");
        assert_eq!(front.name.unwrap().plain(), "Roe");
        let err = read("+++\nsurname = 3\n+++\n", 0, &mut Vec::new()).unwrap_err();
        assert_eq!(err.code, Code::FrontMatterField);
    }

    #[test]
    fn toml_syntax_error_points_at_the_broken_line() {
        let src = "\u{feff}+++\nname = \"Ada\"\npages = = 2\n+++\n";
        let err = read(src, 3, &mut Vec::new()).unwrap_err();
        assert_eq!(err.code, Code::FrontMatterSyntax);
        assert_eq!(crate::line_col(src, err.range().unwrap().start).0, 3);
        assert_eq!(
            crate::line_at(src, err.range().unwrap().start),
            "pages = = 2"
        );
        let src = "+++\r\nname = \"Ada\r\npages = 2\r\n+++\r\n";
        let err = read(src, 0, &mut Vec::new()).unwrap_err();
        assert_eq!(crate::line_col(src, err.range().unwrap().start).0, 2);
    }

    #[test]
    fn wrong_type_points_at_the_value() {
        let src = "+++\nname = \"Ada\"\npages = \"two\"\n+++\n";
        let err = read(src, 0, &mut Vec::new()).unwrap_err();
        assert_eq!(err.code, Code::FrontMatterField);
        assert_eq!(&src[err.range().unwrap()], "\"two\"");
    }

    #[test]
    fn unknown_key_warns_with_did_you_mean() {
        let src = "+++\nnmae = \"Ada\"\ncolour = \"red\"\n+++\n";
        let (_, _, warnings) = ok(src);
        assert_eq!(
            crate::markdown::testutil::placed(src, &warnings),
            [("V0112", "nmae"), ("V0112", "colour")]
        );
        assert_eq!(
            warnings[0].hints.first().map(String::as_str),
            Some("did you mean `name`?")
        );
        assert!(
            !warnings[1]
                .hints
                .first()
                .cloned()
                .as_deref()
                .unwrap_or("")
                .contains("did you mean")
        );
    }

    #[test]
    fn unterminated_block_points_at_the_opening_fence() {
        for src in ["+++\nname = \"Ada\"\n", "---\nname: Ada\n# Ada\n"] {
            let err = read(src, 0, &mut Vec::new()).unwrap_err();
            assert_eq!(err.range().unwrap(), 0..3, "{src}");
        }
    }

    #[test]
    fn yaml_front_matter_maps_simple_pairs_and_warns_on_the_rest() {
        let src = "---\nname: \"Ada Lovelace\"\nemail: ada@example.com\npages: 2\n\
                   links:\n  - label: GitHub\n# comment\n---\nBody\n";
        let (front, body, warnings) = ok(src);
        assert_eq!(&src[body..], "Body\n");
        assert_eq!(front.name.unwrap().plain(), "Ada Lovelace");
        assert_eq!(front.contacts[0].kind, ContactKind::Email);
        assert_eq!(front.settings.pages, Some(2));
        assert_eq!(
            crate::markdown::testutil::placed(src, &warnings),
            [("V0113", "links")]
        );
    }

    #[test]
    fn base_url_and_photo() {
        let (front, _, warnings) = ok("+++\nbase_url = \"https://ada.dev\"\nphoto = false\n+++\n");
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(front.settings.base_url.as_deref(), Some("https://ada.dev/"));
        assert_eq!(front.photo, Some(false));
        let (front, _, _) = ok("---\nphoto: true\n---\n");
        assert_eq!(front.photo, Some(true));
        for src in [
            "+++\nbase_url = \"ada.dev\"\n+++\n",
            "+++\nphoto = \"no\"\n+++\n",
        ] {
            let err = read(src, 0, &mut Vec::new()).unwrap_err();
            assert_eq!(err.code, Code::FrontMatterField, "{src}");
        }
    }

    #[test]
    fn a_thematic_break_is_not_front_matter() {
        let mut warnings = Vec::new();
        let (front, body) = read("---\n\n# Ada\n", 0, &mut warnings).unwrap();
        assert_eq!((front, body), (None, 0));
    }
}
