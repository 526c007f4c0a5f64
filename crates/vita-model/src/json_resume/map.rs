//! Top-level keys → sections; the entry sections (`work`, `volunteer`, `education`,
//! `projects`, `awards`, `certificates`, `publications`) are read here, the others in
//! [`super::fields`].
//!
//! An entry's title is its role (`position`; the degree for education; the name for projects,
//! certificates and publications; `title` for awards) and its organisation the employer,
//! school, `entity`, `issuer`, `publisher` or `awarder`. Without a role the organisation
//! becomes the title. A `url` links the organisation of jobs and studies, and the title of
//! projects, certificates and publications. `summary` and a project's `description` become
//! paragraphs, `highlights` a bullet list; a job's `description` ("Social media company"), a
//! project's `roles` and `keywords` and an education score become detail lines. Education
//! reads "studyType in area" ("Bachelor in Computer Science"); a numeric `score` or any `gpa`
//! is shown as "GPA: 3.8", other scores as written; `courses` are a "Courses" field row.

use super::fields;
use super::header::location;
use super::node::{Kind, Node, Obj, Str};
use super::{Cx, dates, make, schema};
use crate::{Block, Dates, Diagnostic, Entry, Section, Span, Text};

/// The section for a top-level key, or `None` for keys that are not sections or are empty.
pub(super) fn section(key: &str, node: &Node, cx: &mut Cx) -> Result<Option<Section>, Diagnostic> {
    let Some(title) = schema::title(key) else {
        return Ok(None);
    };
    let blocks = match key {
        "skills" => fields::skills(node, cx)?,
        "interests" => fields::interests(node, cx)?,
        "languages" => fields::languages(node, cx)?,
        "references" => fields::references(node, cx)?,
        _ => entries(key, node, cx)?,
    };
    Ok((!blocks.is_empty()).then(|| make::section(title, blocks, node.span.clone())))
}

/// The entries of a list of objects (one object alone is read as a list of one).
fn entries(key: &str, node: &Node, cx: &mut Cx) -> Result<Vec<Block>, Diagnostic> {
    if matches!(node.kind(), Kind::Text | Kind::Number | Kind::Bool) {
        return Err(node.wrong_type(
            "a list of objects",
            Some("write it like [{ \"name\": \"…\" }, { … }]"),
        ));
    }
    let mut blocks = Vec::new();
    for item in node.items()? {
        if item.kind() == Kind::Null {
            continue;
        }
        let obj = item.object()?;
        let parts = match key {
            "work" => work(&obj, cx)?,
            "volunteer" => volunteer(&obj, cx)?,
            "education" => education(&obj, cx)?,
            "projects" => project(&obj, cx)?,
            "awards" => award(&obj, cx)?,
            "certificates" => certificate(&obj, cx)?,
            _ => publication(&obj, cx)?,
        };
        blocks.extend(parts.build(item.span.clone()).map(Block::Entry));
    }
    Ok(blocks)
}

/// An entry's parts as read, before they become an [`Entry`].
#[derive(Debug, Default)]
struct Parts {
    /// The role, degree or name.
    title: Option<Str>,
    /// The employer, school, issuer…
    organization: Option<Str>,
    /// The link target.
    url: Option<String>,
    /// Whether the link goes on the title rather than the organisation.
    link_title: bool,
    /// Where.
    place: Option<Str>,
    /// When.
    dates: Option<Dates>,
    /// Meta lines.
    details: Vec<Str>,
    /// Paragraphs, lists, field rows.
    body: Vec<Block>,
}

impl Parts {
    /// The entry, or `None` when nothing at all was given (`{}`).
    fn build(mut self, span: Span) -> Option<Entry> {
        if self.title.is_none() {
            self.title = self.organization.take();
            self.link_title = true;
        }
        if self.title.is_none()
            && self.place.is_none()
            && self.dates.is_none()
            && self.details.is_empty()
            && self.body.is_empty()
        {
            return None;
        }
        let (title_url, org_url) = if self.link_title {
            (self.url.as_deref(), None)
        } else {
            (None, self.url.as_deref())
        };
        let title = self
            .title
            .as_ref()
            .map_or_else(Text::default, |t| make::linked(t, title_url));
        let mut entry = make::entry(title, span);
        entry.organization = self.organization.as_ref().map(|o| make::linked(o, org_url));
        entry.place = self.place.as_ref().map(make::text);
        entry.dates = self.dates;
        entry.details = self.details.iter().map(make::text).collect();
        entry.body = self.body;
        Some(entry)
    }

    /// Reads the `url` (or `website`) of `obj` as the link.
    fn url(&mut self, obj: &Obj) -> Result<(), Diagnostic> {
        self.url = obj
            .text_of(&["url", "website"])?
            .and_then(|u| super::header::web(&u.text).1);
        Ok(())
    }

    /// Reads dates from `start` and `end` (if any); a value that is no date becomes a detail.
    fn dates(
        &mut self,
        obj: &Obj,
        start: &str,
        end: Option<&str>,
        open_ended: bool,
        cx: &mut Cx,
    ) -> Result<(), Diagnostic> {
        let start = obj.text(start)?;
        let end = match end {
            Some(key) => obj.text(key)?,
            None => None,
        };
        let (found, leftover) =
            dates::range(start.as_ref(), end.as_ref(), open_ended, &mut cx.warnings);
        self.dates = found;
        if let Some(text) = leftover {
            let span = start.or(end).map_or(0..0, |s| s.span);
            self.details.push(Str { text, span });
        }
        Ok(())
    }

    /// Reads `summary` (and the other `prose` keys) as paragraphs, then `highlights` as a list.
    fn body(&mut self, obj: &Obj, prose: &[&str]) -> Result<(), Diagnostic> {
        for key in prose {
            if let Some(text) = obj.text(key)? {
                self.body.extend(make::paragraphs(&text));
            }
        }
        let highlights = obj.texts("highlights")?;
        let span = obj.get("highlights").map_or(0..0, |n| n.span.clone());
        self.body.extend(make::bullets(&highlights, span));
        Ok(())
    }
}

/// A `work` item.
fn work(obj: &Obj, cx: &mut Cx) -> Result<Parts, Diagnostic> {
    cx.check_keys(obj, &schema::dated(schema::WORK));
    let mut parts = Parts {
        title: obj.text("position")?,
        organization: obj.text_of(&["name", "company"])?,
        place: location(obj.get("location"), cx)?,
        details: obj.text("description")?.into_iter().collect(),
        ..Parts::default()
    };
    parts.url(obj)?;
    parts.dates(obj, "startDate", Some("endDate"), true, cx)?;
    for key in ["keywords", "technologies"] {
        parts.details.extend(joined(&obj.texts(key)?));
    }
    parts.body(obj, &["summary"])?;
    Ok(parts)
}

/// A `volunteer` item.
fn volunteer(obj: &Obj, cx: &mut Cx) -> Result<Parts, Diagnostic> {
    cx.check_keys(obj, &schema::dated(schema::VOLUNTEER));
    let mut parts = Parts {
        title: obj.text("position")?,
        organization: obj.text_of(&["organization", "name"])?,
        place: location(obj.get("location"), cx)?,
        ..Parts::default()
    };
    parts.url(obj)?;
    parts.dates(obj, "startDate", Some("endDate"), true, cx)?;
    parts.body(obj, &["summary"])?;
    Ok(parts)
}

/// An `education` item.
fn education(obj: &Obj, cx: &mut Cx) -> Result<Parts, Diagnostic> {
    cx.check_keys(obj, &schema::dated(schema::EDUCATION));
    let title = match (obj.text("studyType")?, obj.text("area")?) {
        (Some(kind), Some(area)) => Some(Str {
            text: format!("{} in {}", kind.text, area.text),
            span: kind.span.start.min(area.span.start)..kind.span.end.max(area.span.end),
        }),
        (kind, area) => kind.or(area),
    };
    // A `qualification` is the degree under another name: the title when there is none, a
    // detail line when it says something else.
    let qualification = obj.text("qualification")?;
    let (title, qualification) = match (title, qualification) {
        (None, q) => (q, None),
        (Some(t), Some(q)) if q.text.trim() != t.text.trim() => (Some(t), Some(q)),
        (t, _) => (t, None),
    };
    let mut parts = Parts {
        title,
        organization: obj.text("institution")?,
        place: location(obj.get("location"), cx)?,
        ..Parts::default()
    };
    parts.url(obj)?;
    parts.dates(obj, "startDate", Some("endDate"), true, cx)?;
    parts.details.extend(qualification);
    if let Some(score) = obj.text_of(&["score", "percentage"])? {
        parts.details.push(score_line(score, false));
    } else if let Some(gpa) = obj.text("gpa")? {
        parts.details.push(score_line(gpa, true));
    }
    parts.body(obj, &["summary"])?;
    let courses = obj.texts("courses")?;
    if let Some(first) = courses.first() {
        let joined: Vec<&str> = courses.iter().map(|c| c.text.as_str()).collect();
        let span = obj
            .get("courses")
            .map_or(first.span.clone(), |n| n.span.clone());
        let row = make::field(
            Text::plain_run("Courses", span.start..span.start),
            Text::plain_run(joined.join(", "), span.clone()),
            span,
        );
        parts.body.push(Block::Fields(vec![row]));
    }
    Ok(parts)
}

/// The detail line for a score: "GPA: 3.8" for a `gpa` or a number-like score
/// ("3.8", "3.67/4.0"), other scores ("First Class Honours") as written.
fn score_line(score: Str, is_gpa: bool) -> Str {
    let numeric = score.text.chars().any(|c| c.is_ascii_digit())
        && score
            .text
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '/' | ' '));
    if is_gpa || numeric {
        Str {
            text: format!("GPA: {}", score.text),
            span: score.span,
        }
    } else {
        score
    }
}

/// A `projects` item.
fn project(obj: &Obj, cx: &mut Cx) -> Result<Parts, Diagnostic> {
    cx.check_keys(obj, &schema::dated(schema::PROJECT));
    let mut parts = Parts {
        title: obj.text("name")?,
        organization: obj.text("entity")?,
        link_title: true,
        ..Parts::default()
    };
    parts.url(obj)?;
    parts.dates(obj, "startDate", Some("endDate"), true, cx)?;
    for key in ["roles", "keywords", "technologies"] {
        parts.details.extend(joined(&obj.texts(key)?));
    }
    parts.body(obj, &["description", "summary"])?;
    Ok(parts)
}

/// An `awards` item.
fn award(obj: &Obj, cx: &mut Cx) -> Result<Parts, Diagnostic> {
    cx.check_keys(obj, schema::AWARD);
    let mut parts = Parts {
        title: obj.text("title")?,
        organization: obj.text("awarder")?,
        ..Parts::default()
    };
    parts.dates(obj, "date", None, false, cx)?;
    parts.body(obj, &["summary"])?;
    Ok(parts)
}

/// A `certificates` item.
fn certificate(obj: &Obj, cx: &mut Cx) -> Result<Parts, Diagnostic> {
    cx.check_keys(obj, schema::CERTIFICATE);
    let mut parts = Parts {
        title: obj.text("name")?,
        organization: obj.text("issuer")?,
        link_title: true,
        ..Parts::default()
    };
    parts.url(obj)?;
    parts.dates(obj, "date", None, false, cx)?;
    Ok(parts)
}

/// A `publications` item.
fn publication(obj: &Obj, cx: &mut Cx) -> Result<Parts, Diagnostic> {
    cx.check_keys(obj, schema::PUBLICATION);
    let mut parts = Parts {
        title: obj.text("name")?,
        organization: obj.text("publisher")?,
        link_title: true,
        ..Parts::default()
    };
    parts.url(obj)?;
    if parts.url.is_none() {
        parts.url = obj
            .text("link")?
            .and_then(|u| super::header::web(&u.text).1);
    }
    parts.dates(obj, "releaseDate", None, false, cx)?;
    parts.body(obj, &["summary", "details"])?;
    Ok(parts)
}

/// The values joined by ", " as one line spanning them, or `None` for none.
pub(super) fn joined(values: &[Str]) -> Option<Str> {
    let first = values.first()?;
    let last = values.last()?;
    let texts: Vec<&str> = values.iter().map(|v| v.text.as_str()).collect();
    Some(Str {
        text: texts.join(", "),
        span: first.span.start..last.span.end,
    })
}
