//! Reading month names and "present" words of every language in dates: one table of folded
//! forms (lower case, accents and other combining marks dropped), looked up by the word at a
//! position, phrases ("bis heute", "tot heden", "كانون الثاني") matched word by word, the
//! longest first.

use std::collections::HashMap;
use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// What a date word means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DateWord {
    /// A month, 1 for January.
    Month(u8),
    /// The open end of a range ("present", "heute", "至今").
    Present,
}

/// One form of a date word: its folded words after the first, whether it is written with a
/// final dot ("janv."), and what it means.
#[derive(Debug)]
struct Form {
    rest: Vec<String>,
    dot: bool,
    meaning: DateWord,
}

/// `text` folded for comparison: lower case, combining marks (accents, Hebrew points, Arabic
/// vowel marks) dropped, dotless ı as i, ’ as '.
pub(crate) fn fold(text: &str) -> String {
    // Most words are ASCII (and every word of a date is tried): they only need lower case.
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    text.nfd()
        .filter(|&c| !is_combining_mark(c))
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'ı' => 'i',
            '’' => '\'',
            c => c,
        })
        .collect()
}

/// Every form of every language, by its folded first word.
fn table() -> &'static HashMap<String, Vec<Form>> {
    static TABLE: OnceLock<HashMap<String, Vec<Form>>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table: HashMap<String, Vec<Form>> = HashMap::new();
        let mut add = |form: &str, meaning: DateWord| {
            let dot = form.ends_with('.');
            let folded = fold(form.trim_end_matches('.'));
            let mut words = folded.split_whitespace().map(str::to_string);
            let Some(first) = words.next() else { return };
            table.entry(first).or_default().push(Form {
                rest: words.collect(),
                dot,
                meaning,
            });
        };
        for language in super::all() {
            let months = [language.months, language.months_short];
            for (index, forms) in language.month_forms.iter().enumerate() {
                let Ok(month) = u8::try_from(index + 1) else {
                    continue;
                };
                let names = months.iter().filter_map(|list| list.get(index));
                for form in names.chain(forms.iter()) {
                    add(form, DateWord::Month(month));
                }
            }
            for word in language.present_words {
                add(word, DateWord::Present);
            }
        }
        table
    })
}

/// The end of the word starting at `i`: letters (any script) with inner `'` or `’`.
fn word_end(s: &str, i: usize) -> Option<usize> {
    let rest = s.get(i..)?;
    let mut end = 0;
    let mut chars = rest.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let inner_quote = matches!(c, '\'' | '’')
            && end > 0
            && chars.peek().is_some_and(|&(_, next)| next.is_alphabetic());
        if c.is_alphabetic() || inner_quote {
            end = at + c.len_utf8();
        } else {
            break;
        }
    }
    (end > 0).then_some(i + end)
}

/// The month or "present" word of any language starting exactly at byte `i` of `s`, and the
/// byte where it ends (after its dot for a form written with one). Phrases may have any
/// spaces between their words; the longest phrase wins.
pub(crate) fn date_word_at(s: &str, i: usize) -> Option<(DateWord, usize)> {
    let first_end = word_end(s, i)?;
    let forms = table().get(&fold(&s[i..first_end]))?;
    let mut best: Option<(usize, DateWord, usize)> = None;
    'forms: for form in forms {
        let mut end = first_end;
        for word in &form.rest {
            let start = end + s[end..].len() - s[end..].trim_start().len();
            if start == end {
                continue 'forms;
            }
            match word_end(s, start) {
                Some(e) if fold(&s[start..e]) == *word => end = e,
                _ => continue 'forms,
            }
        }
        if form.dot {
            if !s[end..].starts_with('.') {
                continue;
            }
            end += 1;
        }
        let words = form.rest.len() + 1;
        if best.is_none_or(|(w, _, e)| (words, end) > (w, e)) {
            best = Some((words, form.meaning, end));
        }
    }
    best.map(|(_, meaning, end)| (meaning, end))
}
