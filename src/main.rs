//! The `clave-idp` binary: everything lives in the library; see `clave_idp::cli`.
#![forbid(unsafe_code)]

fn main() -> std::process::ExitCode {
    clave_idp::cli::run()
}
