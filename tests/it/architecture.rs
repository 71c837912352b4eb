//! The pipeline runs one way (load → validate → resolve → render →
//! output): no top-level module of `src/` may name, through a `crate::`
//! path in code that is not a test, a module that names it back, directly
//! or through others. A circle means a stage reaches into a later one;
//! ARCHITECTURE.md says where each piece belongs.
//!
//! The scan reads the source as text: comments, strings and character
//! literals are blanked first, then each `#[cfg(test)]` item (and a test
//! module's own file) is left out.

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::path::{Path, PathBuf};

/// Module → the modules it names → the files that name them.
type Graph = BTreeMap<String, BTreeMap<String, BTreeSet<PathBuf>>>;

#[test]
fn no_circle_between_top_level_modules() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let graph = module_graph(&root.join("src"));
    // The scan must see the tree at all: a stage that reads an earlier one.
    assert!(
        graph
            .get("site")
            .is_some_and(|deps| deps.contains_key("load")),
        "the scan found no `site → load`: {graph:?}"
    );
    let found = circles(&graph);
    assert!(
        found.is_empty(),
        "circles between the modules of src/ (each arrow: the files that make it):\n{}",
        describe(&found, &graph, root)
    );
}

#[test]
fn the_code_map_names_every_module() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("ARCHITECTURE.md")).unwrap();
    let code_map = text
        .split("## Code map")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .expect("ARCHITECTURE.md has a `## Code map`");
    let modules: Vec<String> = module_graph(&root.join("src")).into_keys().collect();
    let missing: Vec<&String> = modules
        .iter()
        .filter(|m| {
            !code_map.contains(&format!("`src/{m}.rs`"))
                && !code_map.contains(&format!("`src/{m}/`"))
        })
        .collect();
    assert!(
        missing.is_empty(),
        "ARCHITECTURE.md's code map names no `src/<module>.rs` or `src/<module>/` for {missing:?}: \
         say there what each does"
    );
}

/// Every top-level module of `src` (`x.rs` or `x/`; not `lib.rs` or
/// `main.rs`) and the modules its non-test code names.
fn module_graph(src: &Path) -> Graph {
    let mut graph = Graph::new();
    for entry in std::fs::read_dir(src).expect("src/ is readable") {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if path.is_dir() {
            graph.insert(name, BTreeMap::new());
        } else if let Some(stem) = name.strip_suffix(".rs") {
            if stem != "lib" && stem != "main" {
                graph.insert(stem.to_string(), BTreeMap::new());
            }
        }
    }
    // Blank every file first: a test module's file is only known from the
    // file that declares it.
    let mut files = BTreeMap::new();
    let mut test_files = BTreeSet::new();
    for entry in walkdir::WalkDir::new(src).sort_by_file_name() {
        let path = entry.unwrap().into_path();
        if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).unwrap();
            let (code, tests) = non_test_code(&text, &path);
            test_files.extend(tests);
            files.insert(path, code);
        }
    }
    let modules: BTreeSet<String> = graph.keys().cloned().collect();
    for (path, code) in &files {
        let Ok(rel) = path.strip_prefix(src) else {
            continue;
        };
        let top = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy();
        let module = top.strip_suffix(".rs").unwrap_or(&top);
        let is_test = test_files.iter().any(|t| path == t || path.starts_with(t));
        if is_test || !modules.contains(module) {
            continue;
        }
        for named in crate_paths(code) {
            if named != module && modules.contains(&named) {
                let deps = graph.get_mut(module).unwrap();
                deps.entry(named).or_default().insert(path.clone());
            }
        }
    }
    graph
}

/// `text` with comments, strings and character literals blanked (line
/// breaks kept), then each `#[cfg(test)]` item; and the files of the test
/// modules it declares (`path` is the file's own path).
fn non_test_code(text: &str, path: &Path) -> (String, Vec<PathBuf>) {
    let original: Vec<char> = text.chars().collect();
    let mut code = blank_literals(&original);
    let mut test_files = Vec::new();
    let dir = path.parent().unwrap();
    let file = path.file_name().unwrap().to_string_lossy();
    // `mod x;` in `a/b.rs` is `a/b/x.rs`; in `mod.rs` (or the crate root)
    // it is beside it.
    let mod_dir = if ["mod.rs", "lib.rs", "main.rs"].contains(&file.as_ref()) {
        dir.to_path_buf()
    } else {
        dir.join(path.file_stem().unwrap())
    };
    let text_of = |cs: &[char]| cs.iter().collect::<String>();
    if text_of(&code).contains("#![cfg(test)]") {
        return (String::new(), vec![path.to_path_buf()]);
    }
    let attr: Vec<char> = "#[cfg(test)]".chars().collect();
    let mut at = 0;
    while let Some(start) = find(&code, &attr, at) {
        let end = item_end(&code, start + attr.len());
        let item = text_of(&original[start..end]);
        if let Some(name) = declared_file_module(&text_of(&code[start..end])) {
            test_files.push(match path_attribute(&item) {
                Some(p) => dir.join(p),
                None => mod_dir.join(&name),
            });
            test_files.push(mod_dir.join(format!("{name}.rs")));
        }
        for c in &mut code[start..end] {
            if *c != '\n' {
                *c = ' ';
            }
        }
        at = end;
    }
    (text_of(&code), test_files)
}

fn find(hay: &[char], needle: &[char], from: usize) -> Option<usize> {
    (from..hay.len().saturating_sub(needle.len() - 1)).find(|&i| hay[i..].starts_with(needle))
}

/// The end of the item whose attributes follow `at`: its `;`, or the brace
/// that closes its body.
fn item_end(code: &[char], at: usize) -> usize {
    let mut depth = 0usize;
    let mut i = at;
    while i < code.len() {
        match code[i] {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            ';' if depth == 0 => return i + 1,
            '{' if depth == 0 => {
                let mut braces = 0usize;
                while i < code.len() {
                    match code[i] {
                        '{' => braces += 1,
                        '}' => {
                            braces -= 1;
                            if braces == 0 {
                                return i + 1;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    code.len()
}

/// `x` of an item `mod x;` (a module in a file of its own).
fn declared_file_module(item: &str) -> Option<String> {
    let at = item.find("mod ")?;
    let name = item[at + 4..].trim().strip_suffix(';')?.trim();
    name.chars()
        .all(|c| c.is_alphanumeric() || c == '_')
        .then(|| name.to_string())
}

/// `p` of `#[path = "p"]`.
fn path_attribute(item: &str) -> Option<String> {
    let rest = &item[item.find("#[path")?..];
    let open = rest.find('"')? + 1;
    let close = open + rest[open..].find('"')?;
    Some(rest[open..close].to_string())
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The text with comments, string and character literals turned to spaces.
fn blank_literals(c: &[char]) -> Vec<char> {
    let mut out = c.to_vec();
    let blank = |out: &mut Vec<char>, from: usize, to: usize| {
        for ch in &mut out[from..to.min(c.len())] {
            if *ch != '\n' {
                *ch = ' ';
            }
        }
    };
    let mut i = 0;
    while i < c.len() {
        let next = c.get(i + 1).copied();
        let end = match c[i] {
            '/' if next == Some('/') => (i..c.len()).find(|&j| c[j] == '\n').unwrap_or(c.len()),
            '/' if next == Some('*') => {
                let (mut depth, mut j) = (0, i);
                while j < c.len() {
                    if c[j..].starts_with(&['/', '*']) {
                        depth += 1;
                        j += 2;
                    } else if c[j..].starts_with(&['*', '/']) {
                        depth -= 1;
                        j += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        j += 1;
                    }
                }
                j
            }
            '"' => {
                let mut j = i + 1;
                while j < c.len() && c[j] != '"' {
                    j += if c[j] == '\\' { 2 } else { 1 };
                }
                j + 1
            }
            'r' if i == 0 || !is_ident(c[i - 1]) || c[i - 1] == 'b' => {
                let hashes = c[i + 1..].iter().take_while(|&&h| h == '#').count();
                if c.get(i + 1 + hashes) != Some(&'"') {
                    i += 1;
                    continue;
                }
                let closing: Vec<char> = format!("\"{}", "#".repeat(hashes)).chars().collect();
                let body = i + 2 + hashes;
                find(c, &closing, body).map_or(c.len(), |j| j + closing.len())
            }
            // `'x'`, `'\n'`, `'\u{7f}'`; a lifetime (`'a`) has no closing quote.
            '\'' if next == Some('\\') => (i + 3..c.len())
                .find(|&j| c[j] == '\'')
                .map_or(c.len(), |j| j + 1),
            '\'' if c.get(i + 2) == Some(&'\'') => i + 3,
            _ => {
                i += 1;
                continue;
            }
        };
        blank(&mut out, i, end);
        i = end;
    }
    out
}

/// The first name after each `crate::` (each name of a `crate::{a, b::c}`).
fn crate_paths(code: &str) -> Vec<String> {
    let mut names = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        if code[..at].chars().next_back().is_some_and(is_ident) {
            continue;
        }
        let rest = code[at + "crate::".len()..].trim_start();
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 0;
            let mut start = 0;
            for (i, ch) in group.char_indices() {
                match ch {
                    '{' => depth += 1,
                    '}' if depth == 0 => {
                        names.push(leading_ident(&group[start..i]));
                        break;
                    }
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        names.push(leading_ident(&group[start..i]));
                        start = i + 1;
                    }
                    _ => {}
                }
            }
        } else {
            names.push(leading_ident(rest));
        }
    }
    names.retain(|n| !n.is_empty());
    names
}

fn leading_ident(s: &str) -> String {
    s.trim_start()
        .chars()
        .take_while(|&c| is_ident(c))
        .collect()
}

/// One circle per group of modules that reach each other: the shortest
/// one through the group's first module, as `a → b → a`.
fn circles(graph: &Graph) -> Vec<Vec<String>> {
    let mut found = Vec::new();
    let mut placed = BTreeSet::new();
    for start in graph.keys() {
        if placed.contains(start) {
            continue;
        }
        // The modules `start` reaches that reach `start` back.
        let ahead = reachable(graph, start, false);
        let group: BTreeSet<&String> = reachable(graph, start, true)
            .into_iter()
            .filter(|m| ahead.contains(m))
            .collect();
        placed.extend(group.iter().map(|m| m.to_string()));
        if let Some(circle) = shortest_way_back(graph, start, &group) {
            found.push(circle);
        }
    }
    found
}

/// The modules reached from `from` by one arrow or more (`back`: against
/// the arrows).
fn reachable<'g>(graph: &'g Graph, from: &str, back: bool) -> BTreeSet<&'g String> {
    let next = |m: &str| -> Vec<&'g String> {
        if back {
            graph
                .iter()
                .filter(|(_, deps)| deps.contains_key(m))
                .map(|(k, _)| k)
                .collect()
        } else {
            graph.get(m).map_or(vec![], |deps| deps.keys().collect())
        }
    };
    let mut seen = BTreeSet::new();
    let mut todo: Vec<&String> = next(from);
    while let Some(m) = todo.pop() {
        if seen.insert(m) {
            todo.extend(next(m));
        }
    }
    seen
}

/// The shortest path `start → … → start` inside `group`, breadth first.
fn shortest_way_back(graph: &Graph, start: &str, group: &BTreeSet<&String>) -> Option<Vec<String>> {
    let mut came_from: BTreeMap<&str, &str> = BTreeMap::new();
    let mut queue = VecDeque::from([start]);
    while let Some(m) = queue.pop_front() {
        for dep in graph[m].keys().filter(|d| group.contains(d)) {
            if dep == start {
                let mut way = vec![start.to_string()];
                let mut at = m;
                while at != start {
                    way.push(at.to_string());
                    at = came_from[at];
                }
                way.push(start.to_string());
                way.reverse();
                return Some(way);
            }
            if !came_from.contains_key(dep.as_str()) {
                came_from.insert(dep.as_str(), m);
                queue.push_back(dep.as_str());
            }
        }
    }
    None
}

fn describe(circles: &[Vec<String>], graph: &Graph, root: &Path) -> String {
    let mut out = String::new();
    for circle in circles {
        out.push_str(&format!("  {}\n", circle.join(" → ")));
        for pair in circle.windows(2) {
            let files: Vec<String> = graph[&pair[0]][&pair[1]]
                .iter()
                .map(|f| f.strip_prefix(root).unwrap_or(f).display().to_string())
                .collect();
            out.push_str(&format!(
                "    {} → {}: {}\n",
                pair[0],
                pair[1],
                files.join(", ")
            ));
        }
    }
    out
}

/// The check itself on hand-made graphs and a hand-made source tree.
mod checks_of_the_check {
    use super::*;

    fn graph(edges: &[(&str, &str)]) -> Graph {
        let mut g = Graph::new();
        for (from, to) in edges {
            g.entry(to.to_string()).or_default();
            g.entry(from.to_string())
                .or_default()
                .entry(to.to_string())
                .or_default()
                .insert(PathBuf::from(format!("src/{from}.rs")));
        }
        g
    }

    #[test]
    fn the_circle_finder_names_each_circle() {
        let g = graph(&[
            ("load", "validate"),
            ("validate", "cms"),
            ("cms", "site"),
            ("site", "load"),
            ("render", "site"),
            ("output", "render"),
            ("yaml", "diag"),
            ("diag", "yaml"),
        ]);
        let found: Vec<String> = circles(&g).iter().map(|c| c.join(" → ")).collect();
        assert_eq!(
            found,
            ["cms → site → load → validate → cms", "diag → yaml → diag"]
        );
        let text = describe(&circles(&g), &g, Path::new(""));
        assert!(text.contains("    site → load: src/site.rs\n"), "{text}");
        // A shortcut inside the circle gives the shortest way round.
        let g = graph(&[("a", "b"), ("b", "c"), ("c", "a"), ("b", "a")]);
        assert_eq!(circles(&g), [vec!["a", "b", "a"]]);
    }

    #[test]
    fn one_way_graphs_have_no_circle() {
        let diamond = graph(&[("a", "b"), ("a", "c"), ("b", "d"), ("c", "d")]);
        assert!(circles(&diamond).is_empty());
        assert!(circles(&Graph::new()).is_empty());
    }

    #[test]
    fn the_scan_reads_only_code_that_is_not_a_test() {
        let dir = tempfile::tempdir().unwrap();
        let src = dir.path().join("src");
        let write = |rel: &str, text: &str| {
            let path = src.join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        };
        write(
            "lib.rs",
            "pub mod a;\npub mod b;\npub fn f() { crate::c::x(); }\n",
        );
        write(
            "a.rs",
            "//! Names crate::c only where it does not count.\n\
             use crate::b::Thing; // crate::c\n\
             /* crate::c /* nested */ crate::c */\n\
             const S: &str = \"crate::c \\\" crate::c\";\n\
             #[cfg(test)]\n\
             fn helper() -> char { let _ = crate::c::f(); '}' }\n\
             pub fn g<'x>(s: &'x str) -> &'x str { crate::{b::h, d::{i, j}}(s) }\n",
        );
        write(
            "b/mod.rs",
            "pub mod inner;\n#[cfg(test)]\n#[path = \"b_tests.rs\"]\nmod tests;\n\
             #[cfg(test)]\nmod more;\n",
        );
        write("b/inner.rs", "pub fn h() { crate::a::g(\"\") }\n");
        write("b/b_tests.rs", "use crate::c;\n");
        write("b/more.rs", "use crate::c;\n");
        write("c.rs", "#[cfg(test)]\nmod tests {\n    use crate::a;\n}\n");
        write("d.rs", "const R: &str = r#\"crate::c \" crate::a\"#;\n");
        let g = module_graph(&src);
        let edges: Vec<(&str, &str)> = g
            .iter()
            .flat_map(|(m, deps)| deps.keys().map(move |d| (m.as_str(), d.as_str())))
            .collect();
        assert_eq!(edges, [("a", "b"), ("a", "d"), ("b", "a")]);
        assert_eq!(g.keys().collect::<Vec<_>>(), ["a", "b", "c", "d"]);
        let text = describe(&circles(&g), &g, dir.path());
        assert_eq!(
            text,
            "  a → b → a\n    a → b: src/a.rs\n    b → a: src/b/inner.rs\n"
        );
    }
}
