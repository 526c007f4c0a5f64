//! The JSON Resume schema as this reader knows it: the keys of each object and the title each
//! top-level section gets.
//!
//! Source: <https://github.com/jsonresume/resume-schema> `schema.json` (v1.0.0), plus keys from
//! the older 0.x schema still found in files: `company` (work `name`), `website` (`url`),
//! `picture` and `avatar` (`image`) and `gpa` (`score`); a `name`/`level` pair in `languages` is
//! read like `language`/`fluency`. Keys that themes and résumé builders add and that real files
//! use are read too: `keywords`/`technologies` of jobs and projects, an education's
//! `percentage` (a score) and `qualification` (the degree), a publication's `details` and
//! `link`, a language's `summary`, a reference's `relationship`, `email` and `phone`. Keys
//! close to a known key give a "did you mean" warning; any other unknown key holding text is
//! left out with a warning (once per key path).

/// Top-level keys.
pub(super) const TOP: &[&str] = &[
    "$schema",
    "basics",
    "work",
    "volunteer",
    "education",
    "awards",
    "certificates",
    "publications",
    "skills",
    "languages",
    "interests",
    "references",
    "projects",
    "meta",
];

/// Keys of `basics`.
pub(super) const BASICS: &[&str] = &[
    "name", "label", "image", "picture", "avatar", "email", "phone", "url", "website", "summary",
    "location", "profiles",
];

/// Keys of `basics.location` (and of a `location` object anywhere).
pub(super) const LOCATION: &[&str] = &[
    "address",
    "postalCode",
    "city",
    "countryCode",
    "country",
    "region",
];

/// Keys of a `basics.profiles` item.
pub(super) const PROFILE: &[&str] = &["network", "username", "url"];

/// Keys shared by the dated entries (`work`, `volunteer`, `education`, `projects`).
const DATED: &[&str] = &[
    "startDate",
    "endDate",
    "url",
    "website",
    "summary",
    "highlights",
];

/// Keys of a `work` item (with [`DATED`]).
pub(super) const WORK: &[&str] = &[
    "name",
    "company",
    "position",
    "location",
    "description",
    "keywords",
    "technologies",
];

/// Keys of a `volunteer` item (with [`DATED`]).
pub(super) const VOLUNTEER: &[&str] = &["organization", "name", "position", "location"];

/// Keys of an `education` item (with [`DATED`]).
pub(super) const EDUCATION: &[&str] = &[
    "institution",
    "area",
    "studyType",
    "score",
    "gpa",
    "courses",
    "location",
    "percentage",
    "qualification",
];

/// Keys of a `projects` item (with [`DATED`]).
pub(super) const PROJECT: &[&str] = &[
    "name",
    "description",
    "keywords",
    "technologies",
    "roles",
    "entity",
    "type",
];

/// Keys of an `awards` item.
pub(super) const AWARD: &[&str] = &["title", "date", "awarder", "summary"];

/// Keys of a `certificates` item.
pub(super) const CERTIFICATE: &[&str] = &["name", "date", "url", "issuer"];

/// Keys of a `publications` item.
pub(super) const PUBLICATION: &[&str] = &[
    "name",
    "publisher",
    "releaseDate",
    "url",
    "website",
    "summary",
    "details",
    "link",
];

/// Keys of a `skills` or `interests` item.
pub(super) const SKILL: &[&str] = &["name", "level", "keywords"];

/// Keys of a `languages` item.
pub(super) const LANGUAGE: &[&str] = &["language", "fluency", "name", "level", "summary"];

/// Keys of a `references` item.
pub(super) const REFERENCE: &[&str] = &["name", "reference", "relationship", "email", "phone"];

/// The keys of a dated entry: `own` and the shared ones.
pub(super) fn dated(own: &'static [&'static str]) -> Vec<&'static str> {
    own.iter().chain(DATED).copied().collect()
}

/// The section title for a top-level key, or `None` for keys that are not sections.
///
/// "Summary" is the title of the section made from `basics.summary`.
pub(super) fn title(key: &str) -> Option<&'static str> {
    Some(match key {
        "work" => "Experience",
        "volunteer" => "Volunteering",
        "education" => "Education",
        "awards" => "Awards",
        "certificates" => "Certificates",
        "publications" => "Publications",
        "skills" => "Skills",
        "languages" => "Languages",
        "interests" => "Interests",
        "references" => "References",
        "projects" => "Projects",
        _ => return None,
    })
}
