//! Tagged PDF: the display list's structure tree becomes krilla's tag tree, and page furniture
//! becomes artifacts.
//!
//! Each item a structure node points at is drawn inside its own marked-content span, whose
//! identifier becomes a leaf of the tag tree; a link becomes a `Link` group holding its
//! annotation. Items under a [`StructKind::Artifact`] root are drawn as artifacts, and their
//! text as glyph outlines: a footer's "Page 1 of 2" then reaches no text extractor at all
//! (pdf.js, mutool, pypdf and poppler all ignore the artifact mark itself).

use std::num::NonZeroU16;

use krilla::tagging::{
    ArtifactType, ContentTag, Identifier, ListNumbering, Node, SpanTag, TableHeaderScope, Tag,
    TagGroup, TagKind, TagTree,
};
use vita_layout::{Document, Item, StructChild, StructKind, StructNode};

/// How one page item is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// Part of the résumé: a leaf of the tag tree.
    Content,
    /// Page furniture: an artifact, text drawn as outlines.
    Artifact,
    /// Not in the structure tree at all (a display list built without one): drawn as is.
    Untagged,
}

/// The role of every item, `[page][item]`.
pub(crate) fn roles(doc: &Document) -> Vec<Vec<Role>> {
    let mut roles: Vec<Vec<Role>> = doc
        .pages
        .iter()
        .map(|page| vec![Role::Untagged; page.items.len()])
        .collect();
    fn mark(node: &StructNode, role: Role, roles: &mut [Vec<Role>]) {
        let role = if node.kind == StructKind::Artifact {
            Role::Artifact
        } else {
            role
        };
        for child in &node.children {
            match child {
                StructChild::Node(inner) => mark(inner, role, roles),
                StructChild::Item(page, item) => {
                    if let Some(slot) = roles.get_mut(*page).and_then(|p| p.get_mut(*item)) {
                        *slot = role;
                    }
                }
            }
        }
    }
    for node in &doc.structure {
        mark(node, Role::Content, &mut roles);
    }
    roles
}

/// The content tag an item of `role` is drawn in, if any.
pub(crate) fn content_tag(role: Role) -> Option<ContentTag<'static>> {
    match role {
        Role::Content => Some(ContentTag::Span(SpanTag::empty())),
        Role::Artifact => Some(ContentTag::Artifact(krilla::tagging::Artifact::with_kind(
            ArtifactType::Other,
        ))),
        Role::Untagged => None,
    }
}

/// The identifiers drawing returned, `[page][item]`; each is taken once into the tree.
pub(crate) type Identifiers = Vec<Vec<Option<Identifier>>>;

/// Builds the tag tree from the structure, taking each item's identifier.
pub(crate) fn tree(doc: &Document, ids: &mut Identifiers) -> TagTree {
    let mut tree = TagTree::new();
    for root in &doc.structure {
        if root.kind == StructKind::Artifact {
            continue;
        }
        // The root section is the document itself: its children go straight under it.
        for child in &root.children {
            if let Some(node) = convert_child(doc, child, ids, false) {
                tree.push(node);
            }
        }
    }
    tree
}

/// A child of a node as a tag-tree node. A link's annotation inside a [`StructKind::Link`] node
/// is a leaf beside the link's text; elsewhere it gets a `Link` element of its own.
fn convert_child(
    doc: &Document,
    child: &StructChild,
    ids: &mut Identifiers,
    in_link: bool,
) -> Option<Node> {
    match child {
        StructChild::Node(node) => convert(doc, node, ids).map(Node::Group),
        StructChild::Item(page, item) => {
            let id = ids.get_mut(*page)?.get_mut(*item)?.take()?;
            match doc.pages.get(*page)?.items.get(*item)? {
                Item::Link(link) if !in_link => {
                    let tag = Tag::Link.with_alt_text(Some(link.url.clone()));
                    Some(Node::Group(TagGroup::with_children(tag, vec![id.into()])))
                }
                _ => Some(Node::Leaf(id)),
            }
        }
    }
}

fn convert(doc: &Document, node: &StructNode, ids: &mut Identifiers) -> Option<TagGroup> {
    let kind: TagKind = match node.kind {
        StructKind::Heading(level) => {
            let level = NonZeroU16::new(u16::from(level.max(1)))?;
            Tag::Hn(level, Some(text_of(doc, node))).into()
        }
        StructKind::Paragraph => Tag::P.into(),
        StructKind::List => Tag::L(ListNumbering::Disc).into(),
        StructKind::ListItem => Tag::LI.into(),
        StructKind::Label => Tag::Lbl.into(),
        StructKind::ListBody => Tag::LBody.into(),
        StructKind::Section => Tag::Section.into(),
        StructKind::Figure => Tag::Figure(Some(alt_of(doc, node))).into(),
        StructKind::Table => Tag::Table.into(),
        StructKind::TableRow => Tag::TR.into(),
        StructKind::TableHeader => Tag::TH(TableHeaderScope::Column).into(),
        StructKind::TableCell => Tag::TD.into(),
        StructKind::Link => Tag::Link.with_alt_text(url_of(doc, node)).into(),
        StructKind::Artifact => return None,
    };
    let in_link = node.kind == StructKind::Link;
    let children = node
        .children
        .iter()
        .filter_map(|child| convert_child(doc, child, ids, in_link))
        .collect();
    Some(TagGroup::with_children(kind, children))
}

/// The text a node's runs read as (a heading's title); a title set on several lines (in a
/// narrow column) reads with a space where its lines meet. A run whose ActualText goes on past
/// its own text (a title's last run also carrying the dates set flush right, for poppler's
/// reading order) counts as its own text only: the dates are not part of the title.
fn text_of(doc: &Document, node: &StructNode) -> String {
    let mut out = String::new();
    let mut baseline: Option<f32> = None;
    walk_items(doc, node, &mut |item| {
        if let Item::Text(run) = item {
            if baseline.is_some_and(|y| (y - run.origin.y).abs() > 0.5) {
                out.push(' ');
            }
            baseline = Some(run.origin.y);
            let bridge = |actual: &str| {
                let own = run.text.trim_end();
                !own.is_empty()
                    && actual
                        .strip_prefix(own)
                        .is_some_and(|rest| rest.starts_with(char::is_whitespace))
            };
            match run.actual_text.as_deref() {
                Some(actual) if !bridge(actual) => out.push_str(actual),
                _ => out.push_str(&run.text),
            }
        }
    });
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The URL of a link node's clickable area, its alternative text.
fn url_of(doc: &Document, node: &StructNode) -> Option<String> {
    let mut url = None;
    walk_items(doc, node, &mut |item| {
        if let Item::Link(link) = item {
            url.get_or_insert_with(|| link.url.clone());
        }
    });
    url
}

/// The alternative text of a figure's image.
fn alt_of(doc: &Document, node: &StructNode) -> String {
    let mut alt = String::new();
    walk_items(doc, node, &mut |item| {
        if let Item::Image(image) = item
            && alt.is_empty()
        {
            alt = image.alt.clone();
        }
    });
    if alt.trim().is_empty() {
        "Photo".to_string()
    } else {
        alt
    }
}

fn walk_items(doc: &Document, node: &StructNode, f: &mut impl FnMut(&Item)) {
    for child in &node.children {
        match child {
            StructChild::Node(inner) => walk_items(doc, inner, f),
            StructChild::Item(page, item) => {
                if let Some(item) = doc.pages.get(*page).and_then(|p| p.items.get(*item)) {
                    f(item);
                }
            }
        }
    }
}
