//! warta: a static site generator for the TPBIS library programme.
//!
//! The pipeline runs one way: [`load`] → [`validate`] → [`site`] (resolve)
//! → render → output. See ARCHITECTURE.md.

pub mod atomic_file;
pub mod cli;
pub mod cli_lang;
pub mod cmd;
pub mod cms;
pub mod csp;
pub mod diag;
pub(crate) mod escape;
pub mod hash;
pub mod images;
pub mod import;
pub mod load;
pub mod model;
pub mod output;
pub mod percent;
pub mod pipeline;
pub mod render;
pub mod search;
pub mod serve;
pub mod site;
pub mod synth;
pub mod validate;
pub mod yaml;
