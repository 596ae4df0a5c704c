//! `GET /help`: the citizen's guide to Cl@ve Permanente (Cl@ve Permanente's own guidance in
//! plain words): activation, an SMS that does not arrive, a forgotten password
//! versus a lost activation code, the password rules and expiry, legacy Social
//! Security users, closing the account, where to register.
//!
//! The page is static text from `locales/*/help.ftl`; every section has a stable
//! anchor (`/help#sms`, `/help#forgot`, `/help#legacy`, …) that other pages and the
//! table of contents link to.

use super::page::{Page, PageContext};

/// The anchors of the help sections, in the order the page shows them.
pub const SECTIONS: &[&str] = &[
    "what",
    "activate",
    "sms",
    "forgot",
    "password",
    "legacy",
    "unsubscribe",
    "register",
    "question",
];

/// `GET /help`.
pub async fn show(ctx: PageContext) -> Page {
    ctx.page("help.html").title("help-title")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::settings::Settings;
    use crate::web::csrf::CsrfKey;
    use crate::web::page::base_context;
    use crate::web::request::RequestInfo;
    use crate::web::{Lang, Templates, Web};

    fn render(lang: Lang) -> String {
        let web = Web::new(
            Templates::new().unwrap(),
            CsrfKey::from_secret("k"),
            &Settings::default(),
        );
        let uri = format!("/help?lang={}", lang.code()).parse().unwrap();
        let info = RequestInfo::read(&axum::http::Method::GET, &uri, &Default::default());
        let mut context = base_context(&web, &info, "token");
        context.insert("title", &crate::web::tr(lang, "help-title"));
        web.templates().render("help.html", &context).unwrap()
    }

    #[test]
    fn every_section_has_a_heading_the_table_of_contents_links_to() {
        for &lang in Lang::ALL {
            let html = render(lang);
            for section in SECTIONS {
                assert!(
                    html.contains(&format!(r##"<li><a href="#{section}">"##)),
                    "{lang}: no contents entry for {section}"
                );
                assert!(
                    html.contains(&format!(r#"<h2 id="{section}""#)),
                    "{lang}: no heading for {section}"
                );
            }
        }
    }

    #[test]
    fn the_help_links_every_self_service_entry_page() {
        let html = render(Lang::Es);
        for path in [
            "/activate",
            "/password/forgot",
            "/password/change",
            "/unsubscribe",
            "/activation-code/regenerate",
        ] {
            assert!(html.contains(&format!(r#"href="{path}""#)), "{path}");
        }
    }

    #[test]
    fn the_citizen_guidance_is_there_in_both_languages() {
        let es = render(Lang::Es);
        for text in ["multiSIM", "24 horas", "código de activación", "2 años"] {
            assert!(es.contains(text), "es: {text}");
        }
        let en = render(Lang::En);
        for text in ["multi-SIM", "24 hours", "activation code", "2 years"] {
            assert!(en.contains(text), "en: {text}");
        }
    }
}
