//! Where links and images point: absolute links are kept, addresses written without a scheme
//! (`github.com/ada`) get `https://`, relative links are resolved against the front matter's
//! `base_url` (or lose their target), and image paths are sorted into local files inside the
//! résumé's folder and everything else.
//!
//! Nothing here touches the file system: whether a photo exists and how big it is is checked
//! by whoever reads the file.

use std::path::PathBuf;

use super::contact;

/// What a link's destination becomes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Target {
    /// An absolute address to link to.
    Link(String),
    /// No destination at all (`[text]()`): the text is kept, silently.
    None,
    /// A relative address and no `base_url` to resolve it against.
    Unresolved,
}

/// The target of a link written as `url`, with `base` the normalised `base_url` (ending in
/// `/`) if the front matter has one.
pub(super) fn target(url: &str, base: Option<&str>) -> Target {
    let url = url.trim();
    if url.is_empty() {
        return Target::None;
    }
    if has_scheme(url) {
        return Target::Link(url.to_string());
    }
    if let Some(rest) = url.strip_prefix("//") {
        return Target::Link(format!("https://{rest}"));
    }
    if let Some(web) = contact::web_url(url) {
        return Target::Link(web);
    }
    match base {
        Some(base) => Target::Link(join(base, url)),
        None => Target::Unresolved,
    }
}

/// `base_url` as written, checked and normalised: an `http(s)://` address ending in `/`.
pub(super) fn normalize_base(base: &str) -> Option<String> {
    let base = base.trim();
    let lower = base.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))?;
    if rest.is_empty() || base.contains(char::is_whitespace) {
        return None;
    }
    let base = base.split(['?', '#']).next().unwrap_or(base);
    Some(if base.ends_with('/') {
        base.to_string()
    } else {
        format!("{base}/")
    })
}

/// True when `url` starts with a scheme (`https:`, `mailto:`, `tel:`).
fn has_scheme(url: &str) -> bool {
    let Some(colon) = url.find(':') else {
        return false;
    };
    let scheme = &url[..colon];
    scheme.len() >= 2
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '.' | '-'))
}

/// `relative` resolved against the folder `base` (which ends in `/`): `/x` from the host,
/// `./x` and `x` from the folder, each `../` one folder up (never above the host).
fn join(base: &str, relative: &str) -> String {
    let scheme_end = base.find("://").map_or(0, |i| i + 3);
    let host_end = base[scheme_end..]
        .find('/')
        .map_or(base.len(), |i| scheme_end + i);
    let origin = &base[..host_end];
    if relative.starts_with('/') {
        return format!("{origin}{relative}");
    }
    let mut folders: Vec<&str> = base[host_end..]
        .split('/')
        .filter(|s| !s.is_empty())
        .collect();
    let mut rest = relative;
    loop {
        if let Some(r) = rest.strip_prefix("./") {
            rest = r;
        } else if let Some(r) = rest.strip_prefix("../") {
            folders.pop();
            rest = r;
        } else {
            break;
        }
    }
    let mut out = origin.to_string();
    for folder in folders {
        out.push('/');
        out.push_str(folder);
    }
    out.push('/');
    out.push_str(rest);
    out
}

/// What an image's source is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum ImageSource {
    /// A PNG or JPEG file inside the résumé's folder, relative to it.
    Photo(PathBuf),
    /// An `http(s)://` address (badges, hosted pictures).
    Remote,
    /// A `data:` URL with the picture inside it.
    Embedded,
    /// An absolute path, a `file:` URL or a path with `..`: outside the résumé's folder.
    Outside,
    /// A local file of another kind (SVG, GIF, WebP …), by its extension.
    OtherKind(String),
}

/// Sorts an image source. `?raw=true` and `#…` after a local path are dropped (GitHub's way of
/// linking a picture in a repository), and `%20`-style escapes are decoded.
pub(super) fn image_source(url: &str) -> ImageSource {
    let url = url.trim();
    let lower = url.to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("//") {
        return ImageSource::Remote;
    }
    if lower.starts_with("data:") {
        return ImageSource::Embedded;
    }
    if has_scheme(url) {
        return ImageSource::Outside;
    }
    let path = url.split(['?', '#']).next().unwrap_or_default();
    let path = percent_decode(path).replace('\\', "/");
    let drive = path.as_bytes().get(1) == Some(&b':');
    if path.starts_with('/') || drive || path.split('/').any(|part| part == "..") {
        return ImageSource::Outside;
    }
    let path = path.trim_start_matches("./");
    let extension = path
        .rsplit_once('.')
        .map(|(_, ext)| ext.to_ascii_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "png" | "jpg" | "jpeg" if !path.is_empty() => ImageSource::Photo(PathBuf::from(path)),
        _ => ImageSource::OtherKind(extension),
    }
}

/// `%XX` escapes decoded where they form UTF-8; anything else is kept as written.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_targets() {
        let base = normalize_base("https://ada.dev/cv").unwrap();
        assert_eq!(base, "https://ada.dev/cv/");
        let cases = [
            ("https://x.org/a", "https://x.org/a"),
            ("mailto:a@b.co", "mailto:a@b.co"),
            ("github.com/ada", "https://github.com/ada"),
            ("//cdn.example.com/x", "https://cdn.example.com/x"),
            (
                "projects/vita.html",
                "https://ada.dev/cv/projects/vita.html",
            ),
            ("./talk.pdf", "https://ada.dev/cv/talk.pdf"),
            ("../blog/", "https://ada.dev/blog/"),
            ("../../../x", "https://ada.dev/x"),
            ("/about", "https://ada.dev/about"),
            ("#projects", "https://ada.dev/cv/#projects"),
        ];
        for (url, want) in cases {
            assert_eq!(target(url, Some(&base)), Target::Link(want.into()), "{url}");
        }
        assert_eq!(target("projects/vita.html", None), Target::Unresolved);
        assert_eq!(target("resume.pdf", None), Target::Unresolved);
        assert_eq!(target("  ", None), Target::None);
        assert_eq!(normalize_base("ada.dev"), None);
        assert_eq!(normalize_base("ftp://ada.dev"), None);
    }

    #[test]
    fn image_sources() {
        let photo = |p: &str| ImageSource::Photo(PathBuf::from(p));
        assert_eq!(image_source("photo.jpg"), photo("photo.jpg"));
        assert_eq!(image_source("./img/Me.PNG?raw=true"), photo("img/Me.PNG"));
        assert_eq!(image_source("my%20photo.jpeg"), photo("my photo.jpeg"));
        assert_eq!(
            image_source("https://img.shields.io/badge/x.svg"),
            ImageSource::Remote
        );
        assert_eq!(
            image_source("data:image/png;base64,AAA"),
            ImageSource::Embedded
        );
        for outside in [
            "../x.png",
            "img/../../x.png",
            "/etc/x.png",
            "C:\\x.png",
            "file:///x.png",
            "..\\x.png",
        ] {
            assert_eq!(image_source(outside), ImageSource::Outside, "{outside}");
        }
        assert_eq!(
            image_source("logo.svg"),
            ImageSource::OtherKind("svg".into())
        );
        assert_eq!(image_source("noext"), ImageSource::OtherKind(String::new()));
    }
}
