//! The operator's side of `clave-idp citizen import-legacy FILE.csv`: a progress
//! bar while [`import_file`] runs, then the counts.
//!
//! The bar (indicatif) is drawn on stderr by bytes of the file, so it moves evenly
//! without counting the lines first; it is hidden with `--json` and when stderr is
//! not a terminal (scripts, CI logs). Refused lines go to stderr as
//! `line N: reason`, or into the `--json` object as `errors`. A file that cannot be
//! read or lacks the header is the operator's input to correct: exit status 2,
//! nothing written.

use std::io::IsTerminal;
use std::path::Path;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde_json::json;

use super::{CliError, Context};
use crate::legacy::{ImportError, ImportProgress, import_file};

/// Runs the import of `file` and prints its report.
pub(crate) async fn import_legacy(ctx: &Context, file: &Path) -> Result<(), CliError> {
    let bar = progress_bar(!ctx.json && std::io::stderr().is_terminal());
    let mut on_progress = |p: &ImportProgress| {
        bar.set_length(p.total_bytes);
        bar.set_position(p.bytes_read);
        bar.set_message(format!(
            "{} imported, {} unchanged, {} rejected",
            p.imported, p.unchanged, p.rejected
        ));
    };
    let operator = ctx.operator();
    let result = import_file(&ctx.db, file, ctx.now(), &operator, &mut on_progress).await;
    bar.finish_and_clear();
    let report = result.map_err(|error| match error {
        ImportError::Unreadable { .. } | ImportError::BadHeader { .. } => {
            CliError::Input(error.to_string())
        }
        other => CliError::Other(other.into()),
    })?;
    if !ctx.json {
        for error in &report.errors {
            eprintln!("line {}: {}", error.line, error.reason);
        }
        if report.errors_omitted > 0 {
            eprintln!("… and {} more rejected lines", report.errors_omitted);
        }
    }
    ctx.print(
        json!({
            "file": file.display().to_string(),
            "imported": report.imported,
            "unchanged": report.unchanged,
            "rejected": report.rejected,
            "errors": report.errors,
            "errors_omitted": report.errors_omitted,
        }),
        || {
            format!(
                "Legacy import of {}: {} imported, {} unchanged (already present), \
                 {} rejected.",
                file.display(),
                report.imported,
                report.unchanged,
                report.rejected
            )
        },
    );
    Ok(())
}

fn progress_bar(visible: bool) -> ProgressBar {
    if !visible {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
    if let Ok(style) =
        ProgressStyle::with_template("{bar:40} {binary_bytes}/{binary_total_bytes} {msg}")
    {
        bar.set_style(style);
    }
    bar
}
