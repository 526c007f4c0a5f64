//! Tests of the whole JSON Resume reader, on the fixtures in `tests/corpus/json/` and on small
//! inline files.

use crate::{
    Block, Code, ContactKind, Date, DateEnd, Entry, Field, Parsed, Section, line_col,
    parse_json_resume,
};

/// A fictional person with every v1 section and field.
const FULL_V1: &str = include_str!("../../../../tests/corpus/json/full-v1.json");
/// The same kind of file written with the older 0.x key names.
const OLDER_KEYS: &str = include_str!("../../../../tests/corpus/json/older-keys.json");

/// Parses `src`, which must not fail.
fn parse_ok(src: &str) -> Parsed {
    parse_json_resume(src).unwrap_or_else(|e| panic!("parse failed: {e:?}"))
}

/// The section titled `title`.
fn section<'a>(parsed: &'a Parsed, title: &str) -> &'a Section {
    parsed
        .resume
        .sections
        .iter()
        .find(|s| s.title.plain() == title)
        .unwrap_or_else(|| panic!("no section {title}"))
}

/// The entries of a section.
fn entries(section: &Section) -> Vec<&Entry> {
    section
        .blocks
        .iter()
        .map(|b| match b {
            Block::Entry(e) => e,
            other => panic!("not an entry: {other:?}"),
        })
        .collect()
}

/// The rows of a section's first block, as plain `(key, value)` pairs.
fn rows(section: &Section) -> Vec<(String, String)> {
    match &section.blocks[0] {
        Block::Fields(fields) => fields
            .iter()
            .map(|Field { key, value, .. }| (key.plain(), value.plain()))
            .collect(),
        other => panic!("not fields: {other:?}"),
    }
}

/// The plain text of each item of the list in `body`.
fn bullets(body: &[Block]) -> Vec<String> {
    body.iter()
        .find_map(|b| match b {
            Block::List(list) => Some(list.items.iter().map(|i| i.text.plain()).collect()),
            _ => None,
        })
        .unwrap_or_default()
}

/// The plain text of each paragraph in `blocks`.
fn paragraphs(blocks: &[Block]) -> Vec<String> {
    blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) => Some(p.text.plain()),
            _ => None,
        })
        .collect()
}

/// The link of a text's first run.
fn link(text: &crate::Text) -> Option<&str> {
    text.runs.first()?.link.as_deref()
}

#[test]
fn full_v1_header() {
    let parsed = parse_ok(FULL_V1);
    assert_eq!(parsed.warnings, []);
    let header = &parsed.resume.header;
    assert_eq!(
        header.name.as_ref().unwrap().plain(),
        "Marisol Quintero-Baptiste"
    );
    assert_eq!(header.headline[0].plain(), "Staff Software Engineer");
    let contacts: Vec<_> = header
        .contacts
        .iter()
        .map(|c| (c.kind, c.text.as_str(), c.url.as_deref()))
        .collect();
    assert_eq!(
        contacts,
        [
            (
                ContactKind::Email,
                "marisol.quintero@example.com",
                Some("mailto:marisol.quintero@example.com")
            ),
            (
                ContactKind::Phone,
                "+1 (555) 014-2871",
                Some("tel:+15550142871")
            ),
            (
                ContactKind::Url,
                "marisol.example.dev",
                Some("https://marisol.example.dev/")
            ),
            (ContactKind::Location, "Portland, Oregon, US", None),
            (
                ContactKind::Url,
                "github.com/mquintero",
                Some("https://github.com/mquintero")
            ),
            (
                ContactKind::Url,
                "linkedin.com/in/marisol-quintero",
                Some("https://linkedin.com/in/marisol-quintero")
            ),
            (
                ContactKind::Other,
                "Mastodon: @marisol@hachyderm.example",
                None
            ),
        ]
    );
    let name = header.name.as_ref().unwrap();
    assert_eq!(
        &FULL_V1[name.runs[0].span.clone()],
        "\"Marisol Quintero-Baptiste\""
    );
}

#[test]
fn full_v1_sections_in_file_order() {
    let parsed = parse_ok(FULL_V1);
    let titles: Vec<String> = parsed
        .resume
        .sections
        .iter()
        .map(|s| s.title.plain())
        .collect();
    assert_eq!(
        titles,
        [
            "Summary",
            "Experience",
            "Volunteering",
            "Education",
            "Awards",
            "Certificates",
            "Publications",
            "Skills",
            "Languages",
            "Interests",
            "References",
            "Projects"
        ]
    );
    let summary = paragraphs(&section(&parsed, "Summary").blocks);
    assert_eq!(summary.len(), 2);
    assert!(summary[0].starts_with("Backend engineer"));
    assert!(summary[0].contains("systems.\nI like"));
}

#[test]
fn full_v1_work() {
    let parsed = parse_ok(FULL_V1);
    let jobs = entries(section(&parsed, "Experience"));
    assert_eq!(jobs.len(), 3);
    let job = jobs[0];
    assert_eq!(job.title.plain(), "Staff Software Engineer");
    let org = job.organization.as_ref().unwrap();
    assert_eq!(org.plain(), "Ferngrove Logistics");
    assert_eq!(link(org), Some("https://ferngrove.example.com"));
    assert_eq!(job.place.as_ref().unwrap().plain(), "Portland, OR");
    let dates = job.dates.as_ref().unwrap();
    assert_eq!(dates.text, "Jun 2021 – Present");
    assert_eq!(
        dates.start,
        Date {
            year: 2021,
            month: Some(6)
        }
    );
    assert_eq!(dates.end, Some(DateEnd::Present));
    assert_eq!(
        job.details[0].plain(),
        "Freight routing platform, 400 employees"
    );
    assert_eq!(
        paragraphs(&job.body),
        ["Technical lead for the routing and billing backends."]
    );
    assert_eq!(bullets(&job.body).len(), 3);
    assert_eq!(jobs[1].dates.as_ref().unwrap().text, "Mar 2017 – May 2021");
    assert_eq!(jobs[2].dates.as_ref().unwrap().text, "2013 – 2017");
    assert!(FULL_V1[job.span.clone()].starts_with("{\n      \"name\": \"Ferngrove"));
}

#[test]
fn full_v1_other_entries() {
    let parsed = parse_ok(FULL_V1);
    let vol = entries(section(&parsed, "Volunteering"))[0];
    assert_eq!(vol.title.plain(), "Volunteer Instructor");
    assert_eq!(
        vol.organization.as_ref().unwrap().plain(),
        "Rose City Code Club"
    );
    assert_eq!(vol.dates.as_ref().unwrap().text, "Sep 2016 – Present");

    let edu = entries(section(&parsed, "Education"))[0];
    assert_eq!(edu.title.plain(), "Bachelor of Science in Computer Science");
    assert_eq!(
        edu.organization.as_ref().unwrap().plain(),
        "Oregon State University"
    );
    assert_eq!(edu.dates.as_ref().unwrap().text, "Sep 2009 – Jun 2013");
    assert_eq!(edu.details[0].plain(), "GPA: 3.7");
    let Block::Fields(courses) = &edu.body[0] else {
        panic!("{:?}", edu.body)
    };
    assert_eq!(courses[0].key.plain(), "Courses");
    assert!(
        courses[0]
            .value
            .plain()
            .starts_with("CS 261 - Data Structures, CS 440")
    );

    let award = entries(section(&parsed, "Awards"))[0];
    assert_eq!(award.title.plain(), "Engineering Excellence Award");
    assert_eq!(
        award.organization.as_ref().unwrap().plain(),
        "Ferngrove Logistics"
    );
    assert_eq!(award.dates.as_ref().unwrap().text, "Nov 2022");
    assert_eq!(award.dates.as_ref().unwrap().end, None);

    let cert = entries(section(&parsed, "Certificates"))[0];
    assert_eq!(cert.title.plain(), "Certified Kubernetes Administrator");
    assert_eq!(
        link(&cert.title),
        Some("https://certs.example.org/cka/12345")
    );
    assert_eq!(cert.dates.as_ref().unwrap().text, "Feb 2020");

    let publication = entries(section(&parsed, "Publications"))[0];
    assert_eq!(
        publication.organization.as_ref().unwrap().plain(),
        "Payments Engineering Quarterly"
    );
    assert_eq!(publication.dates.as_ref().unwrap().text, "Aug 2020");
    assert_eq!(paragraphs(&publication.body).len(), 1);

    let project = entries(section(&parsed, "Projects"))[0];
    assert_eq!(project.title.plain(), "pgshadow");
    assert_eq!(
        link(&project.title),
        Some("https://github.com/mquintero/pgshadow")
    );
    assert_eq!(project.organization.as_ref().unwrap().plain(), "Personal");
    let details: Vec<String> = project.details.iter().map(|d| d.plain()).collect();
    assert_eq!(details, ["Author, Maintainer", "Rust, PostgreSQL"]);
    assert!(paragraphs(&project.body)[0].starts_with("Open-source tool"));
    assert_eq!(bullets(&project.body).len(), 2);
}

#[test]
fn full_v1_rows_and_references() {
    let parsed = parse_ok(FULL_V1);
    let owned = |pairs: &[(&str, &str)]| -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    };
    assert_eq!(
        rows(section(&parsed, "Skills")),
        owned(&[
            ("Languages", "Rust, Go, Python, SQL (Expert)"),
            ("Data", "PostgreSQL, Kafka, Debezium"),
            ("Infrastructure", "Advanced"),
        ])
    );
    let languages = section(&parsed, "Languages");
    assert_eq!(
        rows(languages),
        owned(&[("English", "Native speaker"), ("Spanish", "Fluent")])
    );
    assert_eq!(paragraphs(&languages.blocks), ["Portuguese"]);
    let interests = section(&parsed, "Interests");
    assert_eq!(
        rows(interests),
        owned(&[("Cycling", "gravel, bike touring")])
    );
    assert_eq!(paragraphs(&interests.blocks), ["Woodworking"]);
    assert_eq!(
        paragraphs(&section(&parsed, "References").blocks),
        [
            "Marisol is the engineer I call when a migration cannot fail.",
            "— Dana Whitcombe, VP Engineering at Ferngrove"
        ]
    );
}

#[test]
fn older_keys() {
    let parsed = parse_ok(OLDER_KEYS);
    assert_eq!(parsed.warnings, []);
    let contacts: Vec<_> = parsed
        .resume
        .header
        .contacts
        .iter()
        .map(|c| (c.text.as_str(), c.url.as_deref()))
        .collect();
    assert_eq!(
        contacts,
        [
            (
                "tobias.lindqvist@example.se",
                Some("mailto:tobias.lindqvist@example.se")
            ),
            ("070-123 45 67", Some("tel:0701234567")),
            ("tobias.example.se", Some("https://tobias.example.se")),
            ("Göteborg, Västra Götaland, SE", None),
            (
                "github.com/tlindqvist",
                Some("https://github.com/tlindqvist")
            ),
            (
                "twitter.com/tobias_fw",
                Some("https://twitter.com/tobias_fw")
            ),
        ]
    );
    let jobs = entries(section(&parsed, "Experience"));
    let org = jobs[0].organization.as_ref().unwrap();
    assert_eq!(org.plain(), "Nordvind Robotics AB");
    assert_eq!(link(org), Some("https://nordvind.example.se"));
    assert_eq!(jobs[0].dates.as_ref().unwrap().text, "Jan 2018 – Present");
    assert_eq!(
        bullets(&jobs[0].body),
        ["Brought boot time from 9 s to 1.2 s on the main controller."]
    );
    assert_eq!(
        link(jobs[1].organization.as_ref().unwrap()),
        Some("https://kaffemaskin.example.se")
    );
    let vol = entries(section(&parsed, "Volunteering"))[0];
    assert_eq!(
        link(vol.organization.as_ref().unwrap()),
        Some("https://hackerspace.example.se")
    );
    let edu = entries(section(&parsed, "Education"))[0];
    assert_eq!(edu.title.plain(), "MSc in Electrical Engineering");
    assert_eq!(edu.details[0].plain(), "GPA: 4.6/5.0");
    let publication = entries(section(&parsed, "Publications"))[0];
    assert_eq!(
        link(&publication.title),
        Some("https://blog.example.se/fast-boot")
    );
    let skills = rows(section(&parsed, "Skills"));
    assert_eq!(skills[1], ("Hardware".into(), "KiCad".into()));
    assert_eq!(
        rows(section(&parsed, "Languages"))[0],
        ("Swedish".into(), "Native".into())
    );
}

#[test]
fn missing_end_date_is_present() {
    let src = r#"{"basics": {"name": "A"}, "work": [{"position": "P", "startDate": "2020-02"}],
        "education": [{"institution": "U", "startDate": "2022"}],
        "projects": [{"name": "X", "startDate": "2023-01-09", "endDate": null}]}"#;
    let parsed = parse_ok(src);
    let texts: Vec<String> = parsed
        .resume
        .sections
        .iter()
        .map(|s| entries(s)[0].dates.as_ref().unwrap().text.clone())
        .collect();
    assert_eq!(
        texts,
        ["Feb 2020 – Present", "2022 – Present", "Jan 2023 – Present"]
    );
}

#[test]
fn date_formats() {
    let src = r#"{"basics": {"name": "A"}, "work": [
        {"position": "a", "startDate": "2019", "endDate": "2020"},
        {"position": "b", "startDate": "2019-03", "endDate": "2020-11-30"},
        {"position": "c", "startDate": "2019-03-01T00:00:00.000Z", "endDate": "Present"},
        {"position": "d", "endDate": "2018-06"},
        {"position": "e", "startDate": "Spring 2017", "endDate": "2018"}
    ]}"#;
    let parsed = parse_ok(src);
    let jobs = entries(&parsed.resume.sections[0]);
    let texts: Vec<Option<&str>> = jobs
        .iter()
        .map(|j| j.dates.as_ref().map(|d| d.text.as_str()))
        .collect();
    assert_eq!(
        texts,
        [
            Some("2019 – 2020"),
            Some("Mar 2019 – Nov 2020"),
            Some("Mar 2019 – Present"),
            Some("Jun 2018"),
            None
        ]
    );
    assert_eq!(jobs[4].details[0].plain(), "Spring 2017 – 2018");
    assert_eq!(parsed.warnings.len(), 1);
    let warning = &parsed.warnings[0];
    assert_eq!(&src[warning.range().unwrap()], "\"Spring 2017\"");
}

#[test]
fn syntax_error_position() {
    // Line 4 lacks its comma; serde_json notices at the next key, line 5 column 5.
    let src = "{\n  \"basics\": {\n    \"name\": \"Ada\",\n    \"label\": \"Analyst\"\n    \"email\": \"ada@example.com\"\n  }\n}\n";
    let err = parse_json_resume(src).unwrap_err();
    assert_eq!(err.code, Code::JsonSyntax);
    assert_eq!(line_col(src, err.range().unwrap().start), (5, 5));
    assert_eq!(err.message, "invalid JSON: expected `,` or `}`");
    assert!(err.hints.first().cloned().is_some());

    // The full fixture cut after its work list: the file ends inside the root object.
    let cut = FULL_V1.find("\"volunteer\"").unwrap();
    let err = parse_json_resume(&FULL_V1[..cut]).unwrap_err();
    assert_eq!(err.code, Code::JsonSyntax);
    // At the text's last character, where the file stops short.
    assert_eq!(err.range().unwrap().start, cut - 1, "{}", err.message);

    // A UTF-8 byte order mark is skipped, and positions still count it.
    let src = "\u{feff}{\"basics\": {\"name\": \"Ada\",}}";
    let err = parse_json_resume(src).unwrap_err();
    assert_eq!(&src[err.range().unwrap()], "}");
    assert!(
        parse_ok("\u{feff}{\"basics\": {\"name\": \"Ada\"}}")
            .resume
            .header
            .name
            .is_some()
    );
}

#[test]
fn unknown_keys_holding_text_are_left_out_with_one_warning_each() {
    let plain = r#"{"basics": {"name": "A"}, "work": [{"position": "P", "name": "Q"}]}"#;
    let extra = r#"{"basics": {"name": "A", "pronouns": "she/her", "x-theme": {"color": [1, {}]}},
        "work": [{"position": "P", "name": "Q", "team": ["a", {"b": null}]},
                 {"position": "P2", "name": "Q2", "team": ["c"], "empty": [], "flag": true}],
        "customSection": [{"anything": true}], "meta": {"version": "v1"}}"#;
    let (plain, extra) = (parse_ok(plain), parse_ok(extra));
    // One warning per key path (`work[].team` once for two jobs); empty values, flags, `meta`
    // and a section of flags say nothing.
    let messages: Vec<&str> = extra.warnings.iter().map(|w| w.message.as_str()).collect();
    assert_eq!(messages.len(), 3, "{messages:?}");
    for key in ["`basics.pronouns`", "`basics.x-theme`", "`work[].team`"] {
        assert!(
            messages
                .iter()
                .any(|m| m.contains(key) && m.contains("left out")),
            "{key}: {messages:?}"
        );
    }
    // Every value left out is recorded, so `vita check` can excuse exactly those words.
    assert_eq!(extra.left_out.len(), 4);
    assert_eq!(plain.resume.sections.len(), extra.resume.sections.len());
    // Spans differ between the two files, so compare the text.
    let (a, b) = (
        entries(&plain.resume.sections[0])[0],
        entries(&extra.resume.sections[0])[0],
    );
    assert_eq!(a.title.plain(), b.title.plain());
    assert_eq!(
        a.organization.as_ref().map(|o| o.plain()),
        b.organization.as_ref().map(|o| o.plain())
    );
    assert_eq!(a.body, b.body);
}

#[test]
fn keys_themes_add_are_read() {
    let src = r#"{"basics": {"name": "A", "avatar": "https://x.com/a.png"},
        "work": [{"position": "Dev", "name": "Q", "technologies": ["Rust", "Go"]}],
        "projects": [{"name": "Pr", "technologies": ["Zig"]}],
        "education": [{"institution": "U", "qualification": "BSc Physics", "percentage": "85%"},
                      {"institution": "V", "studyType": "MSc", "qualification": "MSc"}],
        "publications": [{"name": "Paper", "details": "On things.", "link": "https://p.org"}],
        "languages": [{"language": "Rust", "summary": "Daily since 2019"}],
        "references": [{"name": "Bo", "relationship": "Manager", "email": "bo@x.com",
                        "phone": "+1 555 0100"}]}"#;
    let parsed = parse_ok(src);
    assert_eq!(parsed.warnings, []);
    assert!(parsed.left_out.is_empty());
    let job = entries(section(&parsed, "Experience"))[0];
    assert_eq!(job.details[0].plain(), "Rust, Go");
    let project = entries(section(&parsed, "Projects"))[0];
    assert_eq!(project.details[0].plain(), "Zig");
    let schools = entries(section(&parsed, "Education"));
    assert_eq!(schools[0].title.plain(), "BSc Physics");
    assert_eq!(schools[0].details[0].plain(), "85%");
    // The same degree under two keys is shown once.
    assert_eq!(schools[1].title.plain(), "MSc");
    assert!(schools[1].details.is_empty());
    let paper = entries(section(&parsed, "Publications"))[0];
    assert_eq!(paper.title.runs[0].link.as_deref(), Some("https://p.org"));
    let plain = |s: &Section| {
        s.blocks
            .iter()
            .map(|b| format!("{b:?}"))
            .collect::<String>()
    };
    assert!(plain(section(&parsed, "Publications")).contains("On things."));
    assert!(plain(section(&parsed, "Languages")).contains("Daily since 2019"));
    let references = plain(section(&parsed, "References"));
    for text in ["Bo, Manager", "bo@x.com · +1 555 0100"] {
        assert!(references.contains(text), "{text}: {references}");
    }
}

#[test]
fn near_misses_of_known_keys_are_warned_about() {
    let src = r#"{"basics": {"name": "A"}, "skils": [], "work": [{"position": "P", "startdate": "2020"}]}"#;
    let parsed = parse_ok(src);
    let hints: Vec<_> = parsed
        .warnings
        .iter()
        .map(|w| (w.message.as_str(), w.hints.first().map(String::as_str)))
        .collect();
    assert_eq!(
        hints,
        [
            (
                "`skils` is not a JSON Resume key and is ignored",
                Some("did you mean `skills`?")
            ),
            (
                "`work[0].startdate` is not a JSON Resume key and is ignored",
                Some("did you mean `startDate`?")
            ),
        ]
    );
}

#[test]
fn empty_object_is_an_empty_resume_with_a_warning() {
    let parsed = parse_ok("{}");
    assert_eq!(parsed.resume, crate::Resume::default());
    assert_eq!(parsed.warnings.len(), 1);
    assert!(parsed.warnings[0].code == crate::Code::NoName);
    let parsed = parse_ok(r#"{"basics": {"label": "Engineer"}, "work": [], "skills": null}"#);
    assert!(parsed.warnings[0].code == crate::Code::NoName);
    assert!(parsed.resume.sections.is_empty());
}

#[test]
fn strings_where_lists_are_expected_are_one_item() {
    let src = r#"{"basics": {"name": "A", "profiles": {"url": "https://github.com/a"}},
        "work": {"position": "P", "highlights": "Did a thing."},
        "skills": ["Rust", "Go"], "languages": "English", "interests": "Chess"}"#;
    let parsed = parse_ok(src);
    assert_eq!(parsed.resume.header.contacts[0].text, "github.com/a");
    let job = entries(&parsed.resume.sections[0])[0];
    assert_eq!(bullets(&job.body), ["Did a thing."]);
    assert_eq!(paragraphs(&section(&parsed, "Skills").blocks), ["Rust, Go"]);
    assert_eq!(
        paragraphs(&section(&parsed, "Languages").blocks),
        ["English"]
    );
    assert_eq!(paragraphs(&section(&parsed, "Interests").blocks), ["Chess"]);
}

#[test]
fn nonsense_types_are_errors_at_the_value() {
    let cases = [
        (
            "{\n  \"basics\": {\n    \"name\": {\"first\": \"Ada\"}\n  }\n}",
            "`basics.name` must be text, found an object",
            (3, 13),
        ),
        (
            "{\"work\": \"Acme\"}",
            "`work` must be a list of objects, found text",
            (1, 10),
        ),
        (
            "{\"work\": [{\"position\": \"P\",\n \"highlights\": {\"a\": 1}}]}",
            "`work[0].highlights` must be a list of text, found an object",
            (2, 16),
        ),
        (
            "{\"work\": [{\"highlights\": [\"ok\", [\"nested\"]]}]}",
            "`work[0].highlights[1]` must be text, found a list",
            (1, 33),
        ),
        (
            "{\"basics\": true}",
            "`basics` must be an object `{ … }`, found `true` or `false`",
            (1, 12),
        ),
        (
            "{\"skills\": [{\"keywords\": false}]}",
            "`skills[0].keywords` must be a list of text, found `true` or `false`",
            (1, 26),
        ),
        (
            "[{\"basics\": {}}]",
            "a JSON Resume file must be an object `{ … }`, found a list",
            (1, 1),
        ),
    ];
    for (src, message, pos) in cases {
        let err = parse_json_resume(src).unwrap_err();
        assert_eq!(err.code, Code::JsonField, "{src}");
        assert_eq!(err.message, message, "{src}");
        assert_eq!(line_col(src, err.range().unwrap().start), pos, "{src}");
        assert!(err.hints.first().cloned().is_some(), "{src}");
    }
    // Numbers are read as written where text is expected.
    let parsed = parse_ok(
        r#"{"basics": {"name": "A", "phone": 5550100}, "education": [{"institution": "U", "score": 3.90}]}"#,
    );
    assert_eq!(parsed.resume.header.contacts[0].text, "5550100");
    assert_eq!(
        entries(&parsed.resume.sections[0])[0].details[0].plain(),
        "GPA: 3.90"
    );
}

/// A small deterministic generator for the no-panic tests.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }
}

#[test]
fn garbage_never_panics() {
    let alphabet: Vec<char> = "{}[]\":,\\ \n0123456789-.eEtrufalsn \"ABé😀\u{feff}T"
        .chars()
        .collect();
    let mut rng = Lcg(7);
    for _ in 0..3000 {
        let len = rng.next() % 60;
        let src: String = (0..len)
            .map(|_| alphabet[rng.next() % alphabet.len()])
            .collect();
        check_no_panic(&src);
    }
    // Every prefix of a real file, and the file with one character replaced.
    let boundaries: Vec<usize> = FULL_V1.char_indices().map(|(i, _)| i).collect();
    for &i in boundaries.iter().step_by(3) {
        check_no_panic(&FULL_V1[..i]);
    }
    for _ in 0..1500 {
        let i = boundaries[rng.next() % boundaries.len()];
        let c = alphabet[rng.next() % alphabet.len()];
        let mut src = FULL_V1.to_string();
        let end = FULL_V1[i..]
            .chars()
            .next()
            .map_or(i, |ch| i + ch.len_utf8());
        src.replace_range(i..end, &c.to_string());
        check_no_panic(&src);
    }
}

/// Parses `src`; an error's span must lie inside it on character boundaries.
fn check_no_panic(src: &str) {
    if let Err(err) = parse_json_resume(src) {
        assert!(
            err.range().unwrap().start <= err.range().unwrap().end
                && err.range().unwrap().end <= src.len(),
            "{src:?}: {err:?}"
        );
        assert!(src.get(err.range().unwrap()).is_some(), "{src:?}: {err:?}");
    }
}

#[test]
fn deep_nesting_is_an_error_or_ignored_never_a_crash() {
    let depth = 100_000;
    let deep = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    // Under an unknown key it is never looked into.
    let parsed = parse_ok(&format!(
        "{{\"basics\": {{\"name\": \"A\"}}, \"x\": {deep}}}"
    ));
    assert!(parsed.warnings.is_empty());
    // Where text or objects are expected it is a type error.
    let err = parse_json_resume(&format!("{{\"work\": {deep}}}")).unwrap_err();
    assert_eq!(err.code, Code::JsonField);
    let err = parse_json_resume(&format!("{{\"basics\": {{\"name\": {deep}}}}}")).unwrap_err();
    assert_eq!(err.code, Code::JsonField);
    let err = parse_json_resume(&deep).unwrap_err();
    assert_eq!(err.code, Code::JsonField);
    // Unclosed, it is a syntax error at the end.
    let open = "{\"x\": ".to_string() + &"{\"a\": ".repeat(depth);
    let err = parse_json_resume(&open).unwrap_err();
    assert_eq!(err.code, Code::JsonSyntax);
}

#[test]
fn a_skill_without_a_name_is_no_row_with_an_empty_key() {
    let src = r#"{"basics": {"name": "A"}, "skills": [
        {"name": "", "level": "", "keywords": ["", "C/C++", ""]},
        {"name": "Web", "keywords": ["HTML", "CSS"]}]}"#;
    let parsed = parse_ok(src);
    let skills = section(&parsed, "Skills");
    assert_eq!(rows(skills), [("Web".to_string(), "HTML, CSS".to_string())]);
    assert_eq!(paragraphs(&skills.blocks), ["C/C++"]);
}
