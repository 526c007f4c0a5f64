//! The questions the Markdown reader asks of the words of every language — section titles,
//! document names, job-title words, labels of a name row — kept as data in the crate's `lang/`
//! files (one per language, see [`crate::lang`]). Headings are read with every language's
//! words at once: a résumé in German still has "Skills".
//!
//! Words in scripts written without spaces between words (Chinese, Japanese, Korean) match
//! anywhere in a text; the others match whole words or phrases, ignoring case and edge
//! punctuation.

use std::collections::HashSet;
use std::sync::OnceLock;

/// Every language's words merged, lower case.
#[derive(Debug, Default)]
struct Words {
    sections: Vec<String>,
    documents: Vec<String>,
    roles: Vec<String>,
    details: Vec<String>,
    /// The word lists read as labels, each word as [`label`] makes it: a row's label is looked
    /// up, not compared with every word of every language (every line near the top is asked).
    name_keys: HashSet<String>,
    given_name_keys: HashSet<String>,
    family_name_keys: HashSet<String>,
    details_labels: HashSet<String>,
}

fn words() -> &'static Words {
    static WORDS: OnceLock<Words> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut all = Words::default();
        for language in crate::lang::all() {
            let lower = |v: &[&str]| v.iter().map(|w| w.to_lowercase()).collect::<Vec<_>>();
            let labels = |v: &[&str]| v.iter().map(|w| label(w)).collect::<Vec<_>>();
            all.sections.extend(lower(language.sections));
            all.documents.extend(lower(language.documents));
            all.roles.extend(lower(language.roles));
            all.details.extend(lower(language.details));
            all.name_keys.extend(labels(language.name_keys));
            all.given_name_keys.extend(labels(language.given_name_keys));
            all.family_name_keys
                .extend(labels(language.family_name_keys));
            all.details_labels.extend(labels(language.details));
        }
        all
    })
}

/// True for characters of scripts written without spaces between words.
fn unspaced(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF      // Hiragana, Katakana
        | 0x3400..=0x4DBF    // CJK extension A
        | 0x4E00..=0x9FFF    // CJK unified ideographs
        | 0xAC00..=0xD7AF    // Hangul syllables
        | 0xF900..=0xFAFF) // CJK compatibility ideographs
}

/// `text` in lower case as words: letters, digits and inner `'`, `’`, `-`.
fn word_list(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !(c.is_alphanumeric() || matches!(c, '\'' | '’' | '-')))
        .map(|w| w.trim_matches(['\'', '’', '-']).replace('’', "'"))
        .filter(|w| !w.is_empty())
        .collect()
}

/// True when one of `list` is in `text`: as a substring for unspaced scripts, else as a whole
/// word or a run of whole words.
fn contains_any(list: &[String], text: &str) -> bool {
    let lower = text.to_lowercase();
    let words = word_list(text);
    list.iter().any(|entry| {
        if entry.chars().any(unspaced) {
            return lower.contains(entry.as_str());
        }
        let wanted = word_list(entry);
        !wanted.is_empty() && words.windows(wanted.len()).any(|w| w == wanted.as_slice())
    })
}

/// True when `text` has a section word or phrase in it ("Work Experience", "Ausbildung",
/// "教育背景"), or names the document ("Curriculum Vitae", "简历"): it is not a name.
pub(super) fn is_not_a_name(text: &str) -> bool {
    let w = words();
    contains_any(&w.sections, text)
        || contains_any(&w.documents, text)
        || contains_any(&w.details, text)
}

/// True when `text` has a section word or phrase in it.
pub(super) fn has_section_word(text: &str) -> bool {
    contains_any(&words().sections, text)
}

/// True when `text` names the document itself ("Resume", "Lebenslauf").
pub(super) fn names_the_document(text: &str) -> bool {
    contains_any(&words().documents, text)
}

/// True when `text` has a job-title word in it ("Senior Software Engineer").
pub(super) fn has_role_word(text: &str) -> bool {
    contains_any(&words().roles, text)
}

/// `text` as a label: its letters and digits in lower case, without spaces, punctuation or
/// emoji ("姓   名：" → "姓名", "**Full Name:**" → "fullname", "👤 Name" → "name").
fn label(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// True when `text`, read as a label, is one of `labels` (words made labels by [`label`]).
fn is_label(labels: &HashSet<String>, text: &str) -> bool {
    let text = label(text);
    !text.is_empty() && labels.contains(&text)
}

/// True when `key` (a row's label, colon removed) asks for the name ("Name", "姓名"). Spaces
/// inside the label are ignored: documents in CJK scripts pad labels to one width ("姓   名").
pub(super) fn is_name_key(key: &str) -> bool {
    is_label(&words().name_keys, key)
}

/// True when `key` labels a first name ("First name", "Vorname", "名").
pub(super) fn is_given_name_key(key: &str) -> bool {
    is_label(&words().given_name_keys, key)
}

/// True when `key` labels a last name ("Surname", "Nachname", "姓").
pub(super) fn is_family_name_key(key: &str) -> bool {
    is_label(&words().family_name_keys, key)
}

/// True when `title` is the title of a personal-details section ("Personal details",
/// "Personalien", "个人信息"), emoji and punctuation aside.
pub(super) fn is_details_title(title: &str) -> bool {
    is_label(&words().details_labels, title)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn section_words_in_many_languages_are_not_names() {
        for title in [
            "Education",
            "Work Experience",
            "SKILLS",
            "Berufserfahrung",
            "Compétences",
            "Experiencia laboral",
            "Formação Acadêmica",
            "教育背景",
            "경력 사항",
            "職務経歴",
            "Curriculum Vitae",
            "About Me",
            "Doświadczenie zawodowe",
            "Werkervaring",
            "ניסיון תעסוקתי",
            "الخبرة العملية",
            "Eğitim",
        ] {
            assert!(is_not_a_name(title), "{title}");
        }
        for name in [
            "Ada Lovelace",
            "Jane Doe",
            "María José Carreño",
            "王小明",
            "김민준",
        ] {
            assert!(!is_not_a_name(name), "{name}");
        }
    }

    #[test]
    fn roles_documents_and_name_keys() {
        assert!(has_role_word("Senior Software Engineer"));
        assert!(!has_role_word("Ada Lovelace"));
        assert!(names_the_document("Lebenslauf"));
        assert!(is_name_key("Name:") && is_name_key("姓名：") && !is_name_key("Email"));
        // CJK labels padded with spaces, and bold or emoji around a label.
        assert!(
            is_name_key("姓   名\t：") && is_name_key("**My name:**") && is_name_key("👤 Name")
        );
        assert!(!is_name_key("Father Name") && !is_name_key(""));
        assert!(is_given_name_key("Vorname") && is_family_name_key("Nachname"));
        assert!(is_given_name_key("First name") && is_family_name_key("Surname"));
        assert!(!is_given_name_key("Name") && !is_family_name_key("Name"));
        assert!(is_details_title("## Personalien") && is_details_title("개인 정보"));
        assert!(is_details_title("👤 Personal details") && !is_details_title("Education"));
        assert!(!is_details_title("基本情報技術者"));
    }
}
