//! Composing into regions: the header across the text area, then the main column's and the
//! sidebar's sections into lists of their own, each at its width, in the layout's reading
//! order (which is also the order of the structure tree, built as nodes are opened).

use vita_model::{Paragraph as ModelParagraph, Run, Style};

use super::*;

/// Where the columns stand, relative to the text area's left edge.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Columns {
    /// Left edge of the main column.
    pub main_x: f32,
    /// Width of the main column.
    pub main_width: f32,
    /// Left edge of the sidebar.
    pub side_x: f32,
    /// Width of the sidebar.
    pub side_width: f32,
    /// Body size in the sidebar.
    pub side_size: f32,
    /// The sidebar's text reads before the main column's.
    pub side_first: bool,
}

impl Columns {
    /// The columns `layout` asks for in a text area `width` wide, or `None` without a sidebar.
    /// `Err` carries the main column's width when the sidebar leaves it too narrow.
    pub fn of(layout: &Layout, width: f32) -> Result<Option<Columns>, f32> {
        let body = layout.fonts.size.resolve(10.0);
        let sidebar = &layout.sidebar;
        let side_width = sidebar.width.resolve(body);
        if side_width <= 0.0 {
            return Ok(None);
        }
        let gutter = sidebar.gutter.resolve(body);
        let main_width = width - side_width - gutter;
        if main_width < 72.0 || side_width < 36.0 {
            return Err(main_width);
        }
        let (main_x, side_x) = match sidebar.side {
            Side::Left => (side_width + gutter, 0.0),
            Side::Right => (0.0, main_width + gutter),
        };
        Ok(Some(Columns {
            main_x,
            main_width,
            side_x,
            side_width,
            side_size: sidebar.size.resolve(body),
            side_first: sidebar.first,
        }))
    }
}

impl Composer<'_> {
    /// The header across the text area, then each column's sections into its own list.
    pub(super) fn regions(&mut self, resume: &Resume, document: usize, columns: Columns) {
        let sidebar = &self.layout.sidebar;
        let contact_aside = sidebar.contact && !resume.header.contacts.is_empty();
        let mut header = resume.header.clone();
        if contact_aside {
            header.contacts.clear();
        }
        self.header(&header, document);
        self.header_len = self.out.len();
        let (side, main): (Vec<&Section>, Vec<&Section>) = resume
            .sections
            .iter()
            .partition(|s| goes_aside(s, &sidebar.sections, &sidebar.tags));
        let contact = contact_aside.then(|| contact_section(&resume.header));
        let full = self.width;
        if columns.side_first {
            self.sidebar_sections(contact.as_ref(), &side, document, columns);
            self.main_sections(&main, document, columns);
        } else {
            self.main_sections(&main, document, columns);
            self.sidebar_sections(contact.as_ref(), &side, document, columns);
        }
        self.width = full;
    }

    fn main_sections(&mut self, sections: &[&Section], document: usize, columns: Columns) {
        let header = self.out.len();
        self.width = columns.main_width;
        for (index, section) in sections.iter().enumerate() {
            self.section(section, document, index == 0);
        }
        shift(&mut self.out[header..], columns.main_x);
    }

    fn sidebar_sections(
        &mut self,
        contact: Option<&Section>,
        sections: &[&Section],
        document: usize,
        columns: Columns,
    ) {
        let main = std::mem::take(&mut self.out);
        let body = self.body.size;
        self.width = columns.side_width;
        self.body.size = columns.side_size;
        self.justify = self.layout.sidebar.justify;
        for (index, section) in contact
            .into_iter()
            .chain(sections.iter().copied())
            .enumerate()
        {
            self.section(section, document, index == 0);
        }
        self.body.size = body;
        self.justify = self.layout.paragraph.justify;
        self.side = std::mem::replace(&mut self.out, main);
        shift(&mut self.side, columns.side_x);
    }
}

/// Moves every line of `list` right by `dx`.
fn shift(list: &mut [VItem], dx: f32) {
    for item in list {
        if let VItem::Line(line) = item {
            for (item, _) in &mut line.items {
                translate(item, dx, 0.0);
            }
        }
    }
}

/// Whether a section belongs in the sidebar: one of its tags is listed, or its title contains
/// a listed name as whole words ("Skills" takes "Technical Skills"), without case.
pub(crate) fn goes_aside(section: &Section, names: &[String], tags: &[String]) -> bool {
    if section
        .tags
        .iter()
        .any(|t| tags.iter().any(|x| x.eq_ignore_ascii_case(t)))
    {
        return true;
    }
    let title: Vec<String> = words(&section.title.plain());
    names.iter().any(|name| {
        let name = words(name);
        !name.is_empty() && title.windows(name.len()).any(|w| w == name.as_slice())
    })
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The header's contact items as a section of their own, one paragraph each.
fn contact_section(header: &Header) -> Section {
    let run = |text: String, link: Option<String>, span: std::ops::Range<usize>| Run {
        text,
        style: Style::default(),
        link,
        span,
    };
    let span = header.contacts.first().map_or(0..0, |c| c.span.clone());
    Section {
        title: Text {
            runs: vec![run("Contact".into(), None, span.clone())],
        },
        blocks: header
            .contacts
            .iter()
            .map(|c| {
                Block::Paragraph(ModelParagraph {
                    text: Text {
                        runs: vec![run(c.text.clone(), c.url.clone(), c.span.clone())],
                    },
                    tags: Vec::new(),
                    span: c.span.clone(),
                })
            })
            .collect(),
        tags: Vec::new(),
        span,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn section(title: &str, tags: &[&str]) -> Section {
        let markdown = format!("## {title}\n\nText.\n");
        let mut s = vita_model::parse_markdown(&markdown)
            .unwrap()
            .resume
            .sections[0]
            .clone();
        s.tags = tags.iter().map(|t| t.to_string()).collect();
        s
    }

    #[test]
    fn sections_go_aside_by_whole_words_of_the_title_or_by_tag() {
        let names = vec!["Skills".to_string(), "Programming Languages".to_string()];
        let tags = vec!["aside".to_string()];
        assert!(goes_aside(&section("Technical skills", &[]), &names, &tags));
        assert!(goes_aside(
            &section("Programming Languages, Frameworks and Tools", &[]),
            &names,
            &tags
        ));
        assert!(!goes_aside(&section("Skillset", &[]), &names, &tags));
        assert!(!goes_aside(&section("Languages", &[]), &names, &tags));
        assert!(goes_aside(&section("Projects", &["aside"]), &names, &tags));
    }
}
