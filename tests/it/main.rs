//! warta's integration tests, one binary (one link, one copy of every
//! dependency on disk) with a module per area. `cargo test --test it NAME`
//! runs one area (`links`, `browser_search`, ...). The fuzzer keeps its own
//! binary (tests/fuzz.rs): it runs itself again as a worker process.

#[path = "../support/devtools.rs"]
mod devtools;
#[path = "../support/html.rs"]
mod html;
#[path = "../support/served.rs"]
mod served;
#[path = "../support/static_server.rs"]
mod static_server;
#[path = "../support/mod.rs"]
mod support;

mod architecture;
mod browser_charts;
mod browser_cms;
mod browser_material;
mod browser_reader_assets;
mod browser_readers;
mod browser_search;
mod build;
mod build_images;
mod charts;
mod check;
mod check_build;
mod cms;
mod cms_signin;
mod images;
mod import;
mod library_material;
mod link_safety;
mod links;
mod messages_id;
mod netlify;
mod new;
mod output_guard;
mod pagers;
mod reader_assets;
mod readers;
mod search;
mod serve;
mod serve_incremental;
mod template_errors;
mod text_rules;
mod theme_settings;
mod yaml_limits;
