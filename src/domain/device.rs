//! What the citizen's history says about where a sign-in came from, in plain
//! words: the browser and operating system named by the `User-Agent` header
//! ("Firefox · Windows"), and the network of the address with its last part
//! hidden ("203.0.113.x"). The raw header and the full address are never shown
//! to anyone but the operator.
//!
//! The names come from a short list of tokens, in the order that tells the
//! browsers apart (Edge and Opera also say "Chrome", Chrome also says
//! "Safari"); a header that names none of them is "unknown", which the page
//! translates. A full parser's pattern database (hundreds of regular
//! expressions, megabytes of memory) would name rarer browsers, which a
//! citizen reading their own history does not need.

use std::net::IpAddr;

/// Longest header read; a longer one is read this far.
const MAX_HEADER: usize = 512;

/// Browsers, by the token that names them, most specific first.
const BROWSERS: [(&str, &str); 9] = [
    ("Edg/", "Edge"),
    ("EdgA/", "Edge"),
    ("OPR/", "Opera"),
    ("SamsungBrowser/", "Samsung Internet"),
    ("Firefox/", "Firefox"),
    ("FxiOS/", "Firefox"),
    ("CriOS/", "Chrome"),
    ("Chrome/", "Chrome"),
    ("Safari/", "Safari"),
];

/// Operating systems, by the token that names them, most specific first.
const SYSTEMS: [(&str, &str); 8] = [
    ("iPhone", "iOS"),
    ("iPad", "iPadOS"),
    ("Android", "Android"),
    ("CrOS", "ChromeOS"),
    ("Windows", "Windows"),
    ("Mac OS X", "macOS"),
    ("Macintosh", "macOS"),
    ("Linux", "Linux"),
];

/// A browser and its operating system, each `None` when the header does not
/// name one we know.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Device {
    /// The browser ("Firefox").
    pub browser: Option<&'static str>,
    /// The operating system ("Windows").
    pub os: Option<&'static str>,
}

impl Device {
    /// The device a `User-Agent` header names.
    pub fn from_user_agent(header: &str) -> Self {
        let header = match header.char_indices().nth(MAX_HEADER) {
            Some((end, _)) => &header[..end],
            None => header,
        };
        let find = |list: &[(&str, &'static str)]| {
            list.iter()
                .find(|(token, _)| header.contains(token))
                .map(|(_, name)| *name)
        };
        Self {
            browser: find(&BROWSERS),
            os: find(&SYSTEMS),
        }
    }

    /// The device of a request's headers.
    pub fn of(headers: &http::HeaderMap) -> Self {
        let header = headers
            .get(http::header::USER_AGENT)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        Self::from_user_agent(header)
    }

    /// What the trail stores: "Firefox · Windows", "Firefox", "· Windows", or
    /// "" when nothing is known (the page says "unknown browser").
    pub fn describe(&self) -> String {
        match (self.browser, self.os) {
            (Some(browser), Some(os)) => format!("{browser} · {os}"),
            (Some(browser), None) => browser.to_owned(),
            (None, Some(os)) => format!("· {os}"),
            (None, None) => String::new(),
        }
    }
}

/// The network of `ip` as shown to the citizen: an IPv4 address without its
/// last byte ("203.0.113.x"), an IPv6 address as its /48 ("2001:db8:1::/48").
/// Text that is not an address shows as nothing.
pub fn masked_network(ip: &str) -> String {
    match ip.parse::<IpAddr>() {
        Ok(IpAddr::V4(v4)) => {
            let [a, b, c, _] = v4.octets();
            format!("{a}.{b}.{c}.x")
        }
        Ok(IpAddr::V6(v6)) => match v6.to_ipv4_mapped() {
            Some(v4) => masked_network(&v4.to_string()),
            None => {
                let s = v6.segments();
                format!("{:x}:{:x}:{:x}::/48", s[0], s[1], s[2])
            }
        },
        Err(_) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_browsers_are_told_apart_by_their_most_specific_token() {
        let cases = [
            (
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 Edg/120.0",
                "Edge · Windows",
            ),
            (
                "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
                "Firefox · Linux",
            ),
            (
                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1",
                "Safari · iOS",
            ),
            (
                "Mozilla/5.0 (Linux; Android 14; SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/23.0 Chrome/115.0 Mobile Safari/537.36",
                "Samsung Internet · Android",
            ),
            (
                "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 OPR/105.0",
                "Opera · macOS",
            ),
            (
                "Mozilla/5.0 (X11; CrOS x86_64 15633.69.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0 Safari/537.36",
                "Chrome · ChromeOS",
            ),
        ];
        for (header, expected) in cases {
            assert_eq!(
                Device::from_user_agent(header).describe(),
                expected,
                "{header}"
            );
        }
    }

    #[test]
    fn an_unknown_or_huge_header_names_nothing_it_does_not_hold() {
        assert_eq!(Device::from_user_agent("curl/8.5.0").describe(), "");
        assert_eq!(Device::from_user_agent("").describe(), "");
        let huge = format!("{}Firefox/1", "é".repeat(10_000));
        assert_eq!(
            Device::from_user_agent(&huge).browser,
            None,
            "read no further than the cap"
        );
    }

    #[test]
    fn networks_hide_the_host_part() {
        assert_eq!(masked_network("203.0.113.77"), "203.0.113.x");
        assert_eq!(masked_network("2001:db8:1:2:3::9"), "2001:db8:1::/48");
        assert_eq!(masked_network("::ffff:198.51.100.9"), "198.51.100.x");
        assert_eq!(masked_network("not an address"), "");
    }
}
