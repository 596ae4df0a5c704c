//! `docker-compose.yml` cannot run here (no Docker engine), so this checks that
//! it agrees with the README and with the settings the provider accepts.

use std::collections::BTreeMap;

use clave_idp::settings::Settings;
use figment::providers::{Env, Serialized};

fn compose() -> serde_yaml::Value {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docker-compose.yml"))
        .unwrap();
    serde_yaml::from_str(&text).unwrap()
}

fn readme() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap()
}

fn provider_environment() -> BTreeMap<String, String> {
    let compose = compose();
    let env = &compose["services"]["clave-idp"]["environment"];
    serde_yaml::from_value(env.clone()).unwrap()
}

#[test]
fn compose_runs_postgres_redis_and_the_provider_on_their_usual_ports() {
    let compose = compose();
    let services = compose["services"].as_mapping().unwrap();
    for (service, port) in [
        ("postgres", "5432:5432"),
        ("redis", "6379:6379"),
        ("clave-idp", "8080:8080"),
    ] {
        let entry = services
            .get(service)
            .unwrap_or_else(|| panic!("service {service} missing"));
        let ports: Vec<String> = serde_yaml::from_value(entry["ports"].clone()).unwrap();
        assert!(
            ports.iter().any(|p| p == port),
            "{service} should publish {port}: {ports:?}"
        );
    }
    assert!(
        services.get("clave-idp").unwrap()["build"].is_string(),
        "the provider is built from the Dockerfile"
    );
}

#[test]
fn every_setting_compose_uses_is_documented_in_the_readme() {
    let readme = readme();
    let env = provider_environment();
    assert!(env.contains_key("CLAVE_DATABASE_URL") && env.contains_key("CLAVE_REDIS_URL"));
    for name in env.keys() {
        assert!(name.starts_with("CLAVE_"), "{name}");
        assert!(
            readme.contains(&format!("`{name}`")),
            "{name} is not in the README's settings table"
        );
    }
}

#[test]
fn the_provider_accepts_the_settings_compose_gives_it() {
    let env = provider_environment();
    let mut figment = figment::Figment::from(Serialized::defaults(Settings::default()));
    for (name, value) in &env {
        let key = name.trim_start_matches("CLAVE_").to_lowercase();
        figment = figment.merge(Serialized::default(&key, value));
    }
    let settings = Settings::from_figment(figment.merge(Env::prefixed("CLAVE_NOTHING_"))).unwrap();
    assert_eq!(settings.listen.port(), 8080);
    assert_eq!(settings.redis_url.as_deref(), Some("redis://redis:6379"));
    assert!(settings.database_url.contains("@postgres:5432/"));
}

#[test]
fn the_readme_documents_every_setting_the_provider_reads() {
    let readme = readme();
    let defaults = serde_json::to_value(Settings::default()).unwrap();
    for key in defaults.as_object().unwrap().keys() {
        let name = format!("CLAVE_{}", key.to_uppercase());
        assert!(readme.contains(&name), "{name} is missing from the README");
    }
}
