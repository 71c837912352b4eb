//! The report of a planned import (`warta import libraries`, stdout): rows
//! added, updated, unchanged and missing, and the files it writes, in the
//! language of the run.

use super::merge::Entry;
use super::Import;
use crate::diag::{Catalog, Message};
use crate::msg;
use std::fmt::Write as _;

/// The report of a planned import, for people (stdout).
pub fn report(import: &Import, dry_run: bool, verbose_unchanged: bool, cat: &Catalog) -> String {
    let (plan, sheet) = (&import.plan, &import.sheet);
    let mut s = String::new();
    let mut source = sheet.label.clone();
    if let Some(name) = &sheet.sheet_name {
        source.push_str(&cat.text(&msg!("import-report-sheet", sheet = name)));
    }
    if let Some((sep, enc)) = sheet.csv {
        let sep = if sep == '\t' {
            cat.text(&msg!("import-report-tab"))
        } else {
            format!("`{sep}`")
        };
        source.push_str(&cat.text(&msg!(
            "import-report-csv",
            separator = sep,
            encoding = enc.to_string()
        )));
    }
    let _ = writeln!(
        s,
        "{}",
        cat.text(&msg!(
            "import-report-summary",
            source = source,
            rows = plan.rows,
            added = plan.added.len(),
            updated = plan.updated.len(),
            unchanged = plan.unchanged.len()
        ))
    );
    if !plan.errors.is_empty() {
        let _ = writeln!(s, "{}", cat.text(&msg!("import-report-once-fixed")));
    }
    let row = |e: &Entry| {
        e.row
            .map(|r| cat.text(&msg!("import-report-row", row = r)))
            .unwrap_or_default()
    };
    let heading = |m: Message| format!("\n{}:", cat.text(&m));
    if !plan.added.is_empty() {
        let _ = writeln!(s, "{}", heading(msg!("import-report-added")));
        for &i in &plan.added {
            let e = &plan.entries[i];
            let _ = writeln!(
                s,
                "  + {}  {} ({}, {})",
                e.rec.id,
                e.rec.name,
                row(e),
                e.dest
            );
        }
    }
    if !plan.updated.is_empty() {
        let _ = writeln!(s, "{}", heading(msg!("import-report-updated")));
        for (i, changes) in &plan.updated {
            let e = &plan.entries[*i];
            let _ = writeln!(s, "  ~ {} ({}, {})", e.rec.id, row(e), e.dest);
            for c in changes {
                let old = if c.old.is_empty() {
                    cat.text(&msg!("import-report-none"))
                } else {
                    format!("{:?}", c.old)
                };
                let _ = writeln!(s, "      {}: {old} → {:?}", c.field, c.new);
            }
        }
    }
    if verbose_unchanged && !plan.unchanged.is_empty() {
        let _ = writeln!(s, "{}", heading(msg!("import-report-unchanged")));
        for &i in &plan.unchanged {
            let e = &plan.entries[i];
            let _ = writeln!(s, "  = {} ({})", e.rec.id, row(e));
        }
    }
    if !plan.missing.is_empty() {
        let _ = writeln!(s, "{}", heading(msg!("import-report-missing")));
        for &i in &plan.missing {
            let e = &plan.entries[i];
            let _ = writeln!(
                s,
                "  ? {}  {} ({})",
                e.rec.id,
                e.rec.name,
                e.source.as_deref().unwrap_or("")
            );
        }
    }
    if plan.errors.is_empty() {
        s.push('\n');
        if import.files.is_empty() {
            let _ = writeln!(s, "{}", cat.text(&msg!("import-report-nothing")));
        } else {
            for (path, _) in &import.files {
                let line = if dry_run {
                    msg!("import-report-would-write", path = path)
                } else {
                    msg!("import-report-wrote", path = path)
                };
                let _ = writeln!(s, "{}", cat.text(&line));
            }
            if dry_run {
                let _ = writeln!(s, "{}", cat.text(&msg!("import-report-dry-run")));
            }
        }
    }
    s
}
