//! Checks of the language files: every file has every key, in the right shape, and is listed;
//! no form means two things; what a language prints, it reads back.

use std::collections::{BTreeSet, HashMap};

use super::read::fold;
use super::*;

/// The keys of a TOML document.
fn keys(text: &str) -> BTreeSet<String> {
    let table: toml::Table = toml::from_str(text).unwrap_or_default();
    table.keys().cloned().collect()
}

/// Every file in `lang/`, English first, as (tag, text).
fn files() -> Vec<(String, String)> {
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("lang");
    let mut files: Vec<(String, String)> = std::fs::read_dir(&folder)
        .expect("lang/ is readable")
        .filter_map(|e| {
            let path = e.ok()?.path();
            let tag = path
                .file_name()?
                .to_str()?
                .strip_suffix(".toml")?
                .to_string();
            Some((tag, std::fs::read_to_string(&path).ok()?))
        })
        .collect();
    files.sort_by_key(|(tag, _)| (tag != "en", tag.clone()));
    files
}

#[test]
fn every_language_file_has_every_key() {
    let files = files();
    let (_, english) = &files[0];
    let wanted = keys(english);
    assert!(wanted.len() >= 15, "{wanted:?}");
    for (tag, text) in &files {
        let have = keys(text);
        let missing: Vec<_> = wanted.difference(&have).collect();
        let unknown: Vec<_> = have.difference(&wanted).collect();
        assert!(missing.is_empty(), "lang/{tag}.toml lacks {missing:?}");
        assert!(
            unknown.is_empty(),
            "lang/{tag}.toml has unknown keys {unknown:?}"
        );
    }
}

#[test]
fn every_file_in_the_folder_is_compiled_in() {
    let on_disk: Vec<String> = files().into_iter().map(|(tag, _)| tag).collect();
    let compiled: Vec<&str> = all().iter().map(|l| l.tag).collect();
    assert_eq!(on_disk, compiled);
    let german: toml::Table =
        toml::from_str(&files().iter().find(|(t, _)| t == "de").expect("de").1)
            .expect("de.toml is TOML");
    let de = Language::for_tag(Some("de"));
    assert_eq!(german["name"].as_str(), Some(de.name));
    assert_eq!(german["present"].as_str(), Some(de.present()));
}

#[test]
fn every_value_has_its_shape() {
    for l in all() {
        let tag = &l.tag;
        assert_eq!(l.months.len(), 12, "{tag}: months");
        assert_eq!(l.months_short.len(), 12, "{tag}: months_short");
        assert_eq!(l.month_forms.len(), 12, "{tag}: month_forms");
        for (key, value, holes) in [
            ("month_year", &l.month_year, &["{month}", "{year}"][..]),
            ("page", &l.page, &["{page}", "{pages}"][..]),
            ("photo", &l.photo, &["{name}"][..]),
        ] {
            for hole in holes {
                assert!(value.contains(hole), "{tag}: {key} has no {hole}");
            }
        }
        for (key, value) in [
            ("name", &l.name),
            ("present", &l.present),
            ("photo_untitled", &l.photo_untitled),
            ("resume", &l.resume),
        ] {
            assert!(!value.trim().is_empty(), "{tag}: {key} is empty");
        }
        assert!(!l.present_words.is_empty(), "{tag}: present_words");
        assert!(l.sections.len() >= 10, "{tag}: few sections");
        for list in [
            &l.documents,
            &l.roles,
            &l.name_keys,
            &l.details,
            &l.given_name_keys,
            &l.family_name_keys,
        ] {
            assert!(!list.is_empty(), "{tag}: an empty word list");
        }
    }
}

#[test]
fn no_form_means_two_things() {
    let mut seen: HashMap<String, (DateWord, String)> = HashMap::new();
    for l in all() {
        let mut forms: Vec<(String, DateWord)> = Vec::new();
        for (i, list) in l.month_forms.iter().enumerate() {
            let month = DateWord::Month(u8::try_from(i + 1).unwrap_or(0));
            for form in [&l.months[i], &l.months_short[i]]
                .into_iter()
                .chain(list.iter())
            {
                forms.push((form.to_string(), month));
            }
        }
        forms.extend(
            l.present_words
                .iter()
                .map(|w| (w.to_string(), DateWord::Present)),
        );
        for (form, meaning) in forms {
            let key = fold(&form);
            if let Some((other, by)) = seen.get(&key) {
                assert_eq!(*other, meaning, "{form:?} in {} and {by}", l.tag);
            }
            seen.insert(key, (meaning, l.tag.to_string()));
        }
    }
}

#[test]
fn what_is_printed_is_read() {
    for l in all() {
        for (i, name) in l.months.iter().chain(l.months_short).enumerate() {
            if name.starts_with(|c: char| c.is_ascii_digit()) {
                continue;
            }
            let month = u8::try_from(i % 12 + 1).unwrap_or(0);
            let read = date_word_at(name, 0);
            assert_eq!(
                read,
                Some((DateWord::Month(month), name.len())),
                "{}: {name}",
                l.tag
            );
        }
        let present = l.present();
        assert_eq!(
            date_word_at(present, 0),
            Some((DateWord::Present, present.len())),
            "{}: {present}",
            l.tag
        );
    }
}

#[test]
fn words_are_read_in_any_case_and_without_accents() {
    for (text, meaning) in [
        ("Heute", DateWord::Present),
        ("heute", DateWord::Present),
        ("aujourd'hui", DateWord::Present),
        ("Aujourd’hui", DateWord::Present),
        ("présent", DateWord::Present),
        ("Present", DateWord::Present),
        ("PRÉSENT", DateWord::Present),
        ("actualidad", DateWord::Present),
        ("bis heute", DateWord::Present),
        ("Février", DateWord::Month(2)),
        ("fevrier", DateWord::Month(2)),
        ("März", DateWord::Month(3)),
        ("marz", DateWord::Month(3)),
        ("ARALIK", DateWord::Month(12)),
        ("Ağustos", DateWord::Month(8)),
        ("июня", DateWord::Month(6)),
        ("كانون الثاني", DateWord::Month(1)),
        ("كانون الأول", DateWord::Month(12)),
        ("حاليًا", DateWord::Present),
        ("עד היום", DateWord::Present),
    ] {
        assert_eq!(date_word_at(text, 0), Some((meaning, text.len())), "{text}");
    }
    // A dotted form needs its dot; a word inside a longer word is no date word.
    assert_eq!(
        date_word_at("déc 2020", 0).map(|w| w.0),
        Some(DateWord::Month(12))
    );
    assert_eq!(date_word_at("Maier", 0), None);
    assert_eq!(date_word_at("kwi 2020", 0), None);
    assert_eq!(date_word_at("kwi. 2020", 0), Some((DateWord::Month(4), 4)));
}

#[test]
fn tags_pick_their_language_and_english_is_the_default() {
    assert_eq!(Language::for_tag(Some("de")).present(), "heute");
    assert_eq!(
        Language::for_tag(Some("FR-ca")).page_of(2, 3),
        "Page 2 sur 3"
    );
    assert_eq!(Language::for_tag(Some("pt_BR")).tag, "pt");
    assert_eq!(Language::for_tag(Some("no")).tag, "nb");
    assert_eq!(Language::for_tag(None).tag, "en");
    assert_eq!(Language::for_tag(Some("tlh")).tag, "en");
    assert!(Language::for_tag(Some("he")).is_rtl() && !Language::for_tag(Some("en")).is_rtl());
    let de = Language::for_tag(Some("de"));
    assert_eq!(de.month_year(3, 2021, true), "März 2021");
    assert_eq!(de.month_year(10, 2021, false), "Okt. 2021");
    assert_eq!(de.month_year(13, 2021, false), "2021");
    assert_eq!(
        Language::for_tag(Some("ja")).month_year(6, 2021, true),
        "2021年6月"
    );
    assert_eq!(de.photo_alt(Some("Ada Lovelace")), "Foto von Ada Lovelace");
    assert_eq!(de.photo_alt(None), "Foto");
}
