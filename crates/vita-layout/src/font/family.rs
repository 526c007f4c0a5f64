//! Families by name: a bundled family, or one found in a layout's font folder, in `--font-path`
//! or among the system's fonts, with a face chosen for each of the four styles.
//!
//! Each style takes the face of the family whose slant matches and whose weight is nearest
//! (400 for regular, 700 for bold), preferring normal widths (DejaVu Sans also holds
//! Condensed and ExtraLight faces). A variable font is set at the weight asked for. A style the
//! family lacks is made from another face: an italic by slanting the upright face, a bold by
//! thickening the regular one, each with a warning. The system's fonts are listed only when a
//! family is not bundled, so a build in a bundled family pays nothing for them.

use std::path::PathBuf;

use read_fonts::TableProvider;

use super::{AxisValue, FaceId, FontBook, Synthesis, Variant, bundled};

/// A family's faces, one per style.
#[derive(Debug, Clone, PartialEq)]
pub struct Family {
    /// The family's name as the font has it.
    pub name: String,
    /// The face for each style, in [`Variant::ALL`] order.
    pub faces: [FaceId; 4],
    /// Where the family was found.
    pub source: FamilySource,
    /// Styles made by slanting or thickening another face ("no italic in X; slanting Regular").
    pub warnings: Vec<String>,
}

/// Where a family comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum FamilySource {
    /// Compiled into Vita.
    Bundled,
    /// A file: in a layout's font folder, `--font-path` or the system's font folders.
    File(PathBuf),
}

/// No family of that name anywhere.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("unknown font family '{name}'")]
pub struct FamilyError {
    /// The name asked for.
    pub name: String,
    /// The nearest names there are, nearest first.
    pub nearest: Vec<String>,
}

/// A family that can be named, for listings (`vita fonts`).
#[derive(Debug, Clone, PartialEq)]
pub struct FamilyInfo {
    /// The family's name.
    pub name: String,
    /// Its styles' names ("Regular", "Bold Italic", "Variable", …), sorted.
    pub styles: Vec<String>,
    /// Where it comes from.
    pub source: FamilySource,
}

/// Families resolved so far, by lower-cased name and the folders searched.
pub(crate) type Resolved =
    std::collections::HashMap<(String, Vec<PathBuf>), Result<Family, FamilyError>>;

/// The weight asked for by each style.
fn target_weight(variant: Variant) -> f32 {
    if variant.bold { 700.0 } else { 400.0 }
}

impl FontBook {
    /// The family `name` (case-insensitive): bundled, else in `folders` (a layout's
    /// `fonts.path`), else in `--font-path` or among the system's fonts. Resolved once per
    /// name and folders.
    pub fn family(&self, name: &str, folders: &[PathBuf]) -> Result<Family, FamilyError> {
        let key = (name.trim().to_lowercase(), folders.to_vec());
        if let Some(known) = self.lock_families().get(&key) {
            return known.clone();
        }
        let found = self.find_family(name.trim(), folders);
        self.lock_families().insert(key, found.clone());
        found
    }

    fn lock_families(&self) -> std::sync::MutexGuard<'_, Resolved> {
        self.families.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn find_family(&self, name: &str, folders: &[PathBuf]) -> Result<Family, FamilyError> {
        if let Some(family) = bundled_family(name) {
            return Ok(family);
        }
        for folder in folders {
            let db = self.folder(folder);
            if let Some(family) = self.listed_family(&db, name) {
                return Ok(family);
            }
        }
        let fallback = self.fallback();
        if let Some(family) = self.listed_family(&fallback.db, name) {
            return Ok(family);
        }
        let mut names: Vec<String> = self.families().iter().map(|s| s.to_string()).collect();
        for folder in folders {
            names.extend(family_names(&self.folder(folder)));
        }
        names.extend(family_names(&fallback.db));
        Err(FamilyError {
            name: name.to_string(),
            nearest: nearest(name, names),
        })
    }

    /// The family `name` among the faces of `db`, with a face for every style.
    fn listed_family(&self, db: &fontdb::Database, name: &str) -> Option<Family> {
        let mut members: Vec<Member<'_>> = db
            .faces()
            .filter(|f| f.families.iter().any(|(n, _)| n.eq_ignore_ascii_case(name)))
            .map(|info| Member {
                info,
                wght: weight_range(db, info.id),
            })
            .collect();
        if members.is_empty() {
            return None;
        }
        // A stable order whatever order the folders were listed in.
        members.sort_by_key(|m| (super::fallback::source_key(&m.info.source), m.info.index));
        let family_name = members[0]
            .info
            .families
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map_or_else(|| name.to_string(), |(n, _)| n.clone());
        let mut faces = [FaceId(0); 4];
        let mut warnings = Vec::new();
        let mut source = None;
        for variant in Variant::ALL {
            let (member, synthesis) = pick(&members, variant)?;
            let face = member.info;
            let variations = member
                .weight(target_weight(variant))
                .filter(|_| !synthesis.bold)
                .into_iter()
                .collect::<Vec<AxisValue>>();
            if synthesis.italic && !variant.bold {
                warnings.push(format!(
                    "no italic in {family_name}; slanting {}",
                    style_name(face)
                ));
            }
            if synthesis.bold && !variant.italic {
                warnings.push(format!(
                    "no bold in {family_name}; thickening {}",
                    style_name(face)
                ));
            }
            faces[variant.index()] = self.open_listed(db, face.id, variations, synthesis)?;
            if source.is_none()
                && let fontdb::Source::File(path) | fontdb::Source::SharedFile(path, _) =
                    &face.source
            {
                source = Some(path.clone());
            }
        }
        Some(Family {
            name: family_name,
            faces,
            source: FamilySource::File(source?),
            warnings,
        })
    }

    /// Every family that can be named: the bundled ones, then those in `--font-path` and on the
    /// system, sorted by name within each group.
    pub fn catalogue(&self) -> Vec<FamilyInfo> {
        let mut out: Vec<FamilyInfo> = self
            .families()
            .into_iter()
            .map(|name| FamilyInfo {
                name: name.to_string(),
                styles: bundled::FACES
                    .iter()
                    .filter(|f| f.family == name)
                    .map(|f| f.variant.label().to_string())
                    .collect(),
                source: FamilySource::Bundled,
            })
            .collect();
        let db = &self.fallback().db;
        let mut listed: std::collections::BTreeMap<String, FamilyInfo> = Default::default();
        for face in db.faces() {
            let Some((name, _)) = face.families.first() else {
                continue;
            };
            if self.has_family(name) {
                continue;
            }
            let path = match &face.source {
                fontdb::Source::File(p) | fontdb::Source::SharedFile(p, _) => p.clone(),
                fontdb::Source::Binary(_) => continue,
            };
            let entry = listed.entry(name.clone()).or_insert_with(|| FamilyInfo {
                name: name.clone(),
                styles: Vec::new(),
                source: FamilySource::File(path.parent().map(PathBuf::from).unwrap_or(path)),
            });
            let mut style = style_name(face);
            if weight_range(db, face.id).is_some() {
                style.push_str(" (variable)");
            }
            if !entry.styles.contains(&style) {
                entry.styles.push(style);
            }
        }
        for mut info in listed.into_values() {
            info.styles.sort();
            out.push(info);
        }
        out
    }
}

/// The bundled family `name`, if there is one.
fn bundled_family(name: &str) -> Option<Family> {
    let mut faces = [None; 4];
    let mut family_name = None;
    for (i, face) in bundled::FACES.iter().enumerate() {
        if face.family.eq_ignore_ascii_case(name) {
            faces[face.variant.index()] = Some(FaceId(i));
            family_name = Some(face.family);
        }
    }
    // A family of one face (the icons) uses it for every style.
    let regular = faces[0]?;
    Some(Family {
        name: family_name?.to_string(),
        faces: faces.map(|f| f.unwrap_or(regular)),
        source: FamilySource::Bundled,
        warnings: Vec::new(),
    })
}

/// A face of a family being matched, with its weight axis when it is a variable font.
struct Member<'a> {
    info: &'a fontdb::FaceInfo,
    /// The `wght` axis's range.
    wght: Option<(f32, f32)>,
}

impl Member<'_> {
    /// The `wght` setting for `weight` (clamped to the axis), for a variable font.
    fn weight(&self, weight: f32) -> Option<AxisValue> {
        self.wght
            .map(|(min, max)| (*b"wght", weight.clamp(min, max)))
    }
}

/// The member that best serves `variant`, and what must be synthesised. `None` only when
/// `members` is empty.
fn pick<'m, 'a>(
    members: &'m [Member<'a>],
    variant: Variant,
) -> Option<(&'m Member<'a>, Synthesis)> {
    let target = target_weight(variant);
    let slanted = |m: &Member<'_>| m.info.style != fontdb::Style::Normal;
    // Reach the target weight: exactly, through a weight axis, or nearest.
    let weight_gap = |m: &Member<'_>| -> u32 {
        if m.weight(target)
            .is_some_and(|(_, w)| (w - target).abs() < 1.0)
        {
            0
        } else {
            u32::from(m.info.weight.0.abs_diff(target as u16))
        }
    };
    let cost = |m: &Member<'_>| {
        (
            u32::from(m.info.stretch != fontdb::Stretch::Normal),
            weight_gap(m),
            // Italic before oblique.
            u32::from(m.info.style == fontdb::Style::Oblique),
        )
    };
    let matching = members.iter().filter(|m| slanted(m) == variant.italic);
    let (member, italic_missing) = match matching.min_by_key(|m| cost(m)) {
        Some(member) => (member, false),
        None => (members.iter().min_by_key(|m| cost(m))?, variant.italic),
    };
    // A bold that is not bold at all (nothing at 600 or more, and no weight axis reaching it).
    let bold_missing = variant.bold
        && member.info.weight.0 < 600
        && !member.weight(target).is_some_and(|(_, w)| w >= 600.0);
    Some((
        member,
        Synthesis {
            italic: italic_missing,
            bold: bold_missing,
        },
    ))
}

/// The range of face `id`'s `wght` axis, when it is a variable font with one.
fn weight_range(db: &fontdb::Database, id: fontdb::ID) -> Option<(f32, f32)> {
    db.with_face_data(id, |data, index| {
        let font = read_fonts::FontRef::from_index(data, index).ok()?;
        let fvar = font.fvar().ok()?;
        let axes = fvar.axes().ok()?;
        let axis = axes
            .iter()
            .find(|a| a.axis_tag().to_be_bytes() == *b"wght")?;
        Some((axis.min_value().to_f32(), axis.max_value().to_f32()))
    })
    .flatten()
}

/// "Bold Italic", "Regular", … for a listed face.
fn style_name(face: &fontdb::FaceInfo) -> String {
    let weight = match face.weight.0 {
        0..=149 => "Thin",
        150..=249 => "ExtraLight",
        250..=349 => "Light",
        350..=449 => "Regular",
        450..=549 => "Medium",
        550..=649 => "SemiBold",
        650..=749 => "Bold",
        750..=849 => "ExtraBold",
        _ => "Black",
    };
    let mut name = match face.style {
        fontdb::Style::Normal => weight.to_string(),
        fontdb::Style::Italic if weight == "Regular" => "Italic".to_string(),
        fontdb::Style::Oblique if weight == "Regular" => "Oblique".to_string(),
        fontdb::Style::Italic => format!("{weight} Italic"),
        fontdb::Style::Oblique => format!("{weight} Oblique"),
    };
    if face.stretch != fontdb::Stretch::Normal {
        name = format!("{name} ({:?})", face.stretch);
    }
    name
}

/// Every family name in `db`.
fn family_names(db: &fontdb::Database) -> Vec<String> {
    db.faces()
        .flat_map(|f| f.families.iter().map(|(n, _)| n.clone()))
        .collect()
}

/// The names nearest to `name`: those containing it (or contained in it) first, then by edit
/// distance, at most three, none further than half the name's length.
fn nearest(name: &str, mut names: Vec<String>) -> Vec<String> {
    names.sort();
    names.dedup();
    let wanted = name.to_lowercase();
    let limit = (wanted.chars().count() / 2).max(2);
    let mut ranked: Vec<(usize, String)> = names
        .into_iter()
        .filter_map(|n| {
            let lower = n.to_lowercase();
            let distance =
                if lower.contains(&wanted) || (!lower.is_empty() && wanted.contains(&lower)) {
                    0
                } else {
                    strsim::levenshtein(&wanted, &lower)
                };
            (distance <= limit).then_some((distance, n))
        })
        .collect();
    ranked.sort();
    ranked.into_iter().take(3).map(|(_, n)| n).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_families_have_four_faces_each() {
        let book = FontBook::with_fallback(Vec::new(), false);
        for name in book.families() {
            let family = book.family(name, &[]).expect(name);
            assert_eq!(family.source, FamilySource::Bundled);
            for variant in Variant::ALL {
                let face = book.face(family.faces[variant.index()]);
                assert!(face.name.starts_with(name), "{}", face.name);
                assert_eq!(face.variant, variant, "{}", face.name);
            }
        }
        assert_eq!(
            book.family("inter", &[]).map(|f| f.name),
            Ok("Inter".to_string())
        );
    }

    #[test]
    fn unknown_family_suggests_the_nearest_names() {
        let book = FontBook::with_fallback(Vec::new(), false);
        let err = book.family("Interr", &[]).unwrap_err();
        assert_eq!(err.nearest.first().map(String::as_str), Some("Inter"));
        let err = book.family("Noto", &[]).unwrap_err();
        assert_eq!(err.nearest.first().map(String::as_str), Some("Noto Sans"));
        let err = book.family("Quetzalcoatl Grotesk", &[]).unwrap_err();
        assert!(err.nearest.is_empty(), "{err:?}");
    }

    /// A font database holding the bundled file `name` alone, written to a scratch folder.
    fn lone_file(name: &str) -> (fontdb::Database, PathBuf) {
        let dir = std::env::temp_dir().join(format!("vita-family-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join(name);
        std::fs::write(&file, bundled::bundled_file(name).unwrap()).unwrap();
        let mut db = fontdb::Database::new();
        db.load_font_file(&file).unwrap();
        (db, dir)
    }

    #[test]
    fn missing_styles_are_synthesised_and_said() {
        let (db, dir) = lone_file("JetBrainsMono-Regular.ttf");
        let book = FontBook::with_fallback(Vec::new(), false);
        let family = book.listed_family(&db, "jetbrains mono").expect("found");
        assert_eq!(family.name, "JetBrains Mono");
        assert_eq!(
            family.warnings,
            vec![
                "no italic in JetBrains Mono; slanting Regular".to_string(),
                "no bold in JetBrains Mono; thickening Regular".to_string(),
            ]
        );
        let [regular, italic, bold, bold_italic] = family.faces.map(|id| book.face(id));
        assert_eq!(regular.synthesis, Synthesis::default());
        assert!(italic.synthesis.italic && !italic.synthesis.bold);
        assert!(bold.synthesis.bold && !bold.synthesis.italic);
        assert!(bold_italic.synthesis.bold && bold_italic.synthesis.italic);
        // Each style is its own face, all over one copy of the file.
        assert!(std::sync::Arc::ptr_eq(&regular.data, &bold.data));
        let table = book.font_table();
        assert!(table[family.faces[1].0].synthetic_italic);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_variable_font_is_set_at_the_weight_asked_for() {
        let (db, dir) = lone_file("Inter-roman.var.ttf");
        let book = FontBook::with_fallback(Vec::new(), false);
        let family = book.listed_family(&db, "Inter").expect("found");
        // Bold is the font at 700, not a thickened regular; only the italic is made up.
        assert_eq!(
            family.warnings,
            vec!["no italic in Inter; slanting Regular".to_string()]
        );
        let bold = book.face(family.faces[2]);
        assert_eq!(bold.variations, vec![(*b"wght", 700.0)]);
        assert_eq!(bold.synthesis, Synthesis::default());
        let regular = family.faces[0];
        // Bold glyphs are wider: the instance's metrics are used for shaping.
        let wide = book.shape(family.faces[2], false, "Widening").width;
        let narrow = book.shape(regular, false, "Widening").width;
        assert!(wide > narrow * 1.03, "{wide} vs {narrow}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_layout_folder_is_searched_after_the_bundled_families() {
        let (_, dir) = lone_file("JetBrainsMono-Regular.ttf");
        let book = FontBook::with_fallback(Vec::new(), false);
        let family = book.family("jetbrains mono", std::slice::from_ref(&dir));
        assert_eq!(family.map(|f| f.source), Ok(FamilySource::Bundled));
        let err = book.family("Nothing Like It", std::slice::from_ref(&dir));
        assert!(err.is_err());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
