//! The preview's HTTP server (tiny_http) on 127.0.0.1: the page, an event stream that sends
//! each new state (Server-Sent Events), and the pages of the last good build as SVG. Nothing
//! else is served, and no file is read from disk on a request's behalf. Requests naming another
//! host than the loopback address are refused, so a web page elsewhere cannot reach the preview
//! through a DNS name that points at 127.0.0.1.

use std::io::Write;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use tiny_http::{Header, Method, Request, Response, Server};

use super::state::{self, Shared};

/// The page: markup, style and script in one file.
const PAGE: &str = include_str!("page.html");

/// Most event streams open at once (each holds a thread).
const MAX_STREAMS: usize = 16;

/// A comment sent on an idle stream this often, so a closed tab ends its thread.
const KEEP_ALIVE: Duration = Duration::from_secs(15);

/// Answers requests until the process ends; each request gets its own thread.
pub fn serve(server: Server, shared: Arc<Shared>, port: u16) {
    let streams = Arc::new(AtomicUsize::new(0));
    for request in server.incoming_requests() {
        let shared = shared.clone();
        let streams = streams.clone();
        std::thread::spawn(move || answer(request, &shared, port, &streams));
    }
}

/// What a request asks for.
#[derive(Debug, PartialEq, Eq)]
enum Route {
    /// The page.
    Page,
    /// The event stream.
    Events,
    /// Page `index` (zero-based) of build `generation`.
    Svg { generation: u64, index: usize },
    /// Anything else.
    Unknown,
}

/// Reads a request's path (query strings are ignored).
fn route(url: &str) -> Route {
    let path = url.split(['?', '#']).next().unwrap_or("");
    match path {
        "/" | "/index.html" => Route::Page,
        "/events" => Route::Events,
        _ => {
            let Some(rest) = path.strip_prefix("/pages/") else {
                return Route::Unknown;
            };
            let Some((generation, file)) = rest.split_once('/') else {
                return Route::Unknown;
            };
            let number = file
                .strip_suffix(".svg")
                .and_then(|n| n.parse::<usize>().ok());
            match (generation.parse::<u64>(), number) {
                (Ok(generation), Some(n)) if n >= 1 => Route::Svg {
                    generation,
                    index: n - 1,
                },
                _ => Route::Unknown,
            }
        }
    }
}

/// True when the request's Host header names the loopback address on our port.
fn host_allowed(request: &Request, port: u16) -> bool {
    request
        .headers()
        .iter()
        .find(|h| h.field.equiv("Host"))
        .is_some_and(|h| {
            let host = h.value.as_str();
            host == format!("127.0.0.1:{port}") || host == format!("localhost:{port}")
        })
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("static header is valid")
}

/// A response with the headers every answer carries.
fn respond(request: Request, status: u16, content_type: &str, body: impl Into<Vec<u8>>) {
    let response = Response::from_data(body.into())
        .with_status_code(status)
        .with_header(header("Content-Type", content_type))
        .with_header(header("Cache-Control", "no-store"))
        .with_header(header("X-Content-Type-Options", "nosniff"))
        .with_header(header(
            "Content-Security-Policy",
            "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; connect-src 'self'",
        ));
    // The browser may have gone away; there is nobody to tell.
    let _ = request.respond(response);
}

fn answer(request: Request, shared: &Shared, port: u16, streams: &AtomicUsize) {
    const TEXT: &str = "text/plain; charset=utf-8";
    if !host_allowed(&request, port) {
        return respond(
            request,
            403,
            TEXT,
            "the preview answers only on 127.0.0.1\n",
        );
    }
    if *request.method() != Method::Get {
        return respond(request, 405, TEXT, "the preview only answers GET\n");
    }
    match route(request.url()) {
        Route::Page => respond(request, 200, "text/html; charset=utf-8", PAGE),
        Route::Svg { generation, index } => {
            let snapshot = shared.current();
            match snapshot.pages.get(index) {
                Some(svg) if snapshot.generation == generation => {
                    respond(request, 200, "image/svg+xml", svg.as_bytes())
                }
                _ => respond(request, 404, TEXT, "no such page in the current build\n"),
            }
        }
        Route::Events => {
            if streams.fetch_add(1, Ordering::SeqCst) >= MAX_STREAMS {
                streams.fetch_sub(1, Ordering::SeqCst);
                return respond(request, 503, TEXT, "too many preview tabs are open\n");
            }
            stream(request, shared);
            streams.fetch_sub(1, Ordering::SeqCst);
        }
        Route::Unknown => respond(request, 404, TEXT, "not found\n"),
    }
}

/// Sends the current state, then each new one, until the browser goes away.
fn stream(request: Request, shared: &Shared) {
    let mut out = request.into_writer();
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: close\r\n\r\nretry: 300\n\n";
    if out.write_all(head.as_bytes()).is_err() {
        return;
    }
    let mut snapshot = shared.current();
    let mut seen = None;
    loop {
        let message = if seen == Some(snapshot.version) {
            ": idle\n\n".to_string()
        } else {
            seen = Some(snapshot.version);
            format!("data: {}\n\n", state::to_json(&snapshot))
        };
        if out.write_all(message.as_bytes()).is_err() || out.flush().is_err() {
            return;
        }
        snapshot = shared.wait_past(snapshot.version, KEEP_ALIVE);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_previews_own_routes_exist() {
        assert_eq!(route("/"), Route::Page);
        assert_eq!(route("/events?x=1"), Route::Events);
        assert_eq!(
            route("/pages/3/2.svg"),
            Route::Svg {
                generation: 3,
                index: 1
            }
        );
        for url in [
            "/pages/3/0.svg",
            "/pages/x/1.svg",
            "/pages/3/../../etc/passwd",
            "/cv.md",
            "/../cv.md",
            "/pages/1/1.png",
        ] {
            assert_eq!(route(url), Route::Unknown, "{url}");
        }
    }
}
