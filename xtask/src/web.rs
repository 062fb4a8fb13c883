//! Building the web app into `web/dist`: cargo for wasm32, wasm-bindgen, content-hashed file names,
//! and `index.html` rendered from `web/index.html` (each `{{name}}` becomes `/<hashed name>`).

use std::{
    collections::BTreeMap,
    io::Write,
    path::{Path, PathBuf},
};

use sha2::{Digest, Sha256};

use crate::{root, step, tools};

/// Builds the app; with `report`, prints the download sizes.
pub fn build(report: bool) -> Result<WebSize, String> {
    tools::ensure_wasm_toolchain()?;
    step("Building the web app (wasm32, release)");
    tools::cargo(&[
        "build",
        "-p",
        "etakirjasto-web",
        "--bin",
        "web",
        "--target",
        "wasm32-unknown-unknown",
        "--profile",
        "wasm-release",
        // Leptos's `erase_components` makes every component return a type-erased view, so the
        // nested view types of pages are not monomorphised into one giant type each: the first
        // load is about 65 KB (gzip) smaller. Behaviour is the same. `--emit-relocs` keeps the
        // linker's symbols and relocations, from which the splitter works out what each lazy page
        // uses; the split output drops them again.
        "--config",
        r#"target.wasm32-unknown-unknown.rustflags=["--cfg", "erase_components", "-C", "link-arg=--emit-relocs"]"#,
    ])?;
    let root = root();
    let target = target_dir();
    let wasm = target.join("wasm32-unknown-unknown/wasm-release/web.wasm");

    // The pages marked `#[lazy_route]` (web/src/lazy_routes.rs) go into wasm files of their own,
    // fetched when first opened; `__wasm_split.js` loads them. This runs before wasm-bindgen, on
    // rustc's output, and wasm-bindgen then sees only the main part.
    step("Splitting the lazy pages out of the wasm");
    let split_dir = target.join("web-split");
    let _ = std::fs::remove_dir_all(&split_dir);
    let main_wasm = split_dir.join("web.wasm");
    let input = std::fs::read(&wasm).map_err(|e| format!("{}: {e}", wasm.display()))?;
    let (link_spec, glue_spec) = (format!("./{LINK}"), format!("./{GLUE}"));
    let split = wasm_split_cli_support::transform({
        let mut opts = wasm_split_cli_support::Options::new(&input);
        opts.output_dir = &split_dir;
        opts.main_out_path = &main_wasm;
        // Both the module name the main wasm imports the loaders from and the link file's name.
        opts.link_name = &link_spec;
        // Where the link module takes the running app's exports from (`initSync`).
        opts.main_module = &glue_spec;
        opts
    })
    .map_err(|e| format!("splitting the wasm: {e:?}"))?;
    drop(input);

    let bindgen_out = target.join("web-bindgen");
    let _ = std::fs::remove_dir_all(&bindgen_out);
    tools::run_in(
        tools::wasm_bindgen(),
        &[
            "--target",
            "web",
            "--no-typescript",
            // The link module reads `__indirect_function_table` from the app's exports.
            "--keep-lld-exports",
            "--out-dir",
            &bindgen_out.to_string_lossy(),
            "--out-name",
            "web",
            &main_wasm.to_string_lossy(),
        ],
        &root,
        &[],
    )?;
    let dist = root.join("web/dist");
    let _ = std::fs::remove_dir_all(&dist);
    std::fs::create_dir_all(&dist).map_err(|e| e.to_string())?;
    optimise_wasm(&bindgen_out.join("web_bg.wasm"))?;

    // Lazy files are named by their own content; the link module names them.
    let mut names = BTreeMap::new();
    let mut lazy = Vec::new();
    let mut link = read_text(&split_dir.join(LINK))?;
    let mut modules = split.split_modules.clone();
    modules.sort();
    for module in &modules {
        optimise_wasm(module)?;
        let bytes = std::fs::read(module).map_err(|e| e.to_string())?;
        let name = file_name(module)?;
        let hashed = hashed_name(&name, &bytes);
        link = replace_required(
            &link,
            &format!("\"./{name}\""),
            &format!("\"./{hashed}\""),
            LINK,
        )?;
        std::fs::write(dist.join(&hashed), &bytes).map_err(|e| e.to_string())?;
        lazy.push(hashed.clone());
        names.insert(name, hashed);
    }
    // The glue and the link module import each other, so they share one hash, of both texts.
    let glue = read_text(&bindgen_out.join(GLUE))?;
    let pair = [glue.as_bytes(), b"\0", link.as_bytes()].concat();
    let (glue_name, link_name) = (hashed_name(GLUE, &pair), hashed_name(LINK, &pair));
    // Only the `from` specifier: the import object's key must stay the module name in the wasm.
    let glue = replace_required(
        &glue,
        &format!("from \"./{LINK}\""),
        &format!("from \"./{link_name}\""),
        GLUE,
    )?;
    let link = replace_required(
        &link,
        &format!("from \"./{GLUE}\""),
        &format!("from \"./{glue_name}\""),
        LINK,
    )?;
    for (text, name, hashed) in [(glue, GLUE, glue_name), (link, LINK, link_name)] {
        let path = bindgen_out.join(name);
        std::fs::write(&path, text).map_err(|e| e.to_string())?;
        minify_js(&path)?;
        std::fs::copy(&path, dist.join(&hashed)).map_err(|e| e.to_string())?;
        names.insert(name.to_owned(), hashed);
    }
    let main_bytes = std::fs::read(bindgen_out.join("web_bg.wasm")).map_err(|e| e.to_string())?;
    let main_name = hashed_name("web_bg.wasm", &main_bytes);
    std::fs::write(dist.join(&main_name), &main_bytes).map_err(|e| e.to_string())?;
    names.insert("web_bg.wasm".to_owned(), main_name);

    // The static files, whose text may name the generated files.
    let statics = root.join("web/static");
    let mut paths: Vec<_> = std::fs::read_dir(&statics)
        .map_err(|e| format!("{}: {e}", statics.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    paths.sort();
    for path in paths {
        let mut bytes = std::fs::read(&path).map_err(|e| e.to_string())?;
        if path.extension().is_some_and(|e| e == "js" || e == "css") {
            let text = String::from_utf8(bytes).map_err(|e| e.to_string())?;
            bytes = fill_names(&text, &names, &path)?.into_bytes();
        }
        let name = file_name(&path)?;
        let hashed = hashed_name(&name, &bytes);
        std::fs::write(dist.join(&hashed), &bytes).map_err(|e| e.to_string())?;
        names.insert(name, hashed);
    }
    let template_path = root.join("web/index.html");
    let template =
        std::fs::read_to_string(&template_path).map_err(|e| format!("web/index.html: {e}"))?;
    std::fs::write(
        dist.join("index.html"),
        fill_names(&template, &names, &template_path)?,
    )
    .map_err(|e| e.to_string())?;
    let first = sizes(&dist, |name| !lazy.iter().any(|l| l == name))?;
    let later = sizes(&dist, |name| lazy.iter().any(|l| l == name))?;
    if report {
        eprintln!(
            "web/dist: first load {} bytes, {} bytes gzip -9; {} lazy files {} bytes, {} bytes gzip -9",
            first.0,
            first.1,
            lazy.len(),
            later.0,
            later.1
        );
    }
    Ok(WebSize {
        first_load_gzip: first.1,
        lazy_gzip: later.1,
        lazy_files: lazy.len(),
    })
}

/// The web app's download sizes.
pub struct WebSize {
    /// Everything but the lazy pages, gzip -9: what opening the front page downloads.
    pub first_load_gzip: u64,
    /// The lazy pages' files together, gzip -9.
    pub lazy_gzip: u64,
    /// How many lazy files there are.
    pub lazy_files: usize,
}

/// The names the splitter is given for wasm-bindgen's glue and for its own link module; both are
/// replaced by their hashed names once those are known.
const GLUE: &str = "web.js";
const LINK: &str = "__wasm_split.js";

fn read_text(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn file_name(path: &Path) -> Result<String, String> {
    path.file_name()
        .and_then(|n| n.to_str())
        .map(str::to_owned)
        .ok_or_else(|| format!("bad file name: {}", path.display()))
}

/// `text` with every `from` replaced by `to`; an error if `from` does not occur, so a change in the
/// generators' output fails the build instead of producing an app that cannot load.
fn replace_required(text: &str, from: &str, to: &str, what: &str) -> Result<String, String> {
    if !text.contains(from) {
        return Err(format!("{what}: expected `{from}` in the generated code"));
    }
    Ok(text.replace(from, to))
}

/// Cargo's target folder: `CARGO_TARGET_DIR` when set (relative to the repository root, as cargo
/// reads it when run there), otherwise `<repo>/target`.
fn target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) if !dir.is_empty() => root().join(dir),
        _ => root().join("target"),
    }
}

/// Replaces each `{{name}}` with `/<hashed name>`; a name that was not built is an error.
fn fill_names(text: &str, names: &BTreeMap<String, String>, path: &Path) -> Result<String, String> {
    let mut out = text.to_owned();
    for (name, hashed) in names {
        out = out.replace(&format!("{{{{{name}}}}}"), &format!("/{hashed}"));
    }
    if let Some(start) = out.find("{{") {
        let end = out[start..]
            .find("}}")
            .map(|e| start + e + 2)
            .unwrap_or(out.len());
        return Err(format!(
            "{} names a file that is not built: {}",
            path.display(),
            &out[start..end]
        ));
    }
    Ok(out)
}

/// `stem-<16 hex>.ext` (or `stem-<hash>_bg.wasm`) from the content's SHA-256.
fn hashed_name(name: &str, bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let hash: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
    match name.split_once('.') {
        Some((stem, ext)) => match stem.strip_suffix("_bg") {
            Some(base) => format!("{base}-{hash}_bg.{ext}"),
            None => format!("{stem}-{hash}.{ext}"),
        },
        None => format!("{name}-{hash}"),
    }
}

/// Shrinks the wasm with binaryen's wasm-opt from npm (version 132, pinned in `web/package.json`,
/// which also pins terser for [`minify_js`]).
/// Debian's binaryen 108 is not used: its output crashes at start-up in Chromium.
fn optimise_wasm(wasm: &Path) -> Result<(), String> {
    let web = root().join("web");
    let bin = web.join("node_modules/.bin/wasm-opt");
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    let installed = modified(&web.join("node_modules/.package-lock.json"));
    if !bin.exists() || installed < modified(&web.join("package-lock.json")) {
        step("Installing binaryen's wasm-opt from npm (npm ci in web)");
        tools::run_in("npm", &["ci", "--no-fund", "--no-audit"], &web, &[])?;
    }
    step("Optimising the wasm for size (wasm-opt -Oz)");
    let out = wasm.with_extension("opt.wasm");
    tools::run_in(
        &bin,
        &[
            "-Oz",
            "--enable-bulk-memory",
            "--enable-nontrapping-float-to-int",
            "--enable-reference-types",
            "--enable-sign-ext",
            "--enable-mutable-globals",
            "-o",
            &out.to_string_lossy(),
            &wasm.to_string_lossy(),
        ],
        &root(),
        &[],
    )?;
    std::fs::rename(&out, wasm).map_err(|e| e.to_string())
}

/// Minifies wasm-bindgen's JavaScript glue with terser from npm (pinned in `web/package.json`,
/// installed by [`optimise_wasm`]); it is loaded on every first visit, and minified it is about a
/// quarter smaller after gzip.
fn minify_js(js: &Path) -> Result<(), String> {
    step("Minifying the JavaScript glue (terser)");
    let bin = root().join("web/node_modules/.bin/terser");
    let out = js.with_extension("min.js");
    tools::run_in(
        &bin,
        &[
            &js.to_string_lossy(),
            "--module",
            "--compress",
            "--mangle",
            "-o",
            &out.to_string_lossy(),
        ],
        &root(),
        &[],
    )?;
    std::fs::rename(&out, js).map_err(|e| e.to_string())
}

/// Total raw and gzip -9 size of the files in `dist` whose names pass `keep`.
fn sizes(dist: &Path, keep: impl Fn(&str) -> bool) -> Result<(u64, u64), String> {
    let (mut raw, mut gz) = (0u64, 0u64);
    for entry in std::fs::read_dir(dist).map_err(|e| e.to_string())? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if !keep(&file_name(&path)?) {
            continue;
        }
        let bytes = std::fs::read(&path).map_err(|e| e.to_string())?;
        raw += bytes.len() as u64;
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        enc.write_all(&bytes).map_err(|e| e.to_string())?;
        gz += enc.finish().map_err(|e| e.to_string())?.len() as u64;
    }
    Ok((raw, gz))
}
