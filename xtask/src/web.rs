//! Building the web app into `web/dist`: cargo for wasm32, wasm-bindgen, content-hashed file names,
//! and `index.html` rendered from `web/index.html` (each `{{name}}` becomes `/<hashed name>`).

use std::{
    collections::BTreeMap,
    io::Write,
    path::{Path, PathBuf},
};

use sha2::{Digest, Sha256};

use crate::{root, step, tools};

/// Builds the app; with `report`, prints the download size.
pub fn build(report: bool) -> Result<u64, String> {
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
        // load is about 65 KB (gzip) smaller. Behaviour is the same.
        "--config",
        r#"target.wasm32-unknown-unknown.rustflags=["--cfg", "erase_components"]"#,
    ])?;
    let root = root();
    let target = target_dir();
    let bindgen_out = target.join("web-bindgen");
    let _ = std::fs::remove_dir_all(&bindgen_out);
    let wasm = target.join("wasm32-unknown-unknown/wasm-release/web.wasm");
    tools::run_in(
        tools::wasm_bindgen(),
        &[
            "--target",
            "web",
            "--no-typescript",
            "--out-dir",
            &bindgen_out.to_string_lossy(),
            "--out-name",
            "web",
            &wasm.to_string_lossy(),
        ],
        &root,
        &[],
    )?;
    let dist = root.join("web/dist");
    let _ = std::fs::remove_dir_all(&dist);
    std::fs::create_dir_all(&dist).map_err(|e| e.to_string())?;
    optimise_wasm(&bindgen_out.join("web_bg.wasm"))?;
    minify_js(&bindgen_out.join("web.js"))?;
    // The generated files first, then the static ones, whose text may name the generated files.
    let mut names = BTreeMap::new();
    for dir in [bindgen_out.clone(), root.join("web/static")] {
        let mut paths: Vec<_> = std::fs::read_dir(&dir)
            .map_err(|e| format!("{}: {e}", dir.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file())
            .collect();
        paths.sort();
        for path in paths {
            let mut bytes = std::fs::read(&path).map_err(|e| e.to_string())?;
            if path.extension().is_some_and(|e| e == "js" || e == "css") && dir != bindgen_out {
                let text = String::from_utf8(bytes).map_err(|e| e.to_string())?;
                bytes = fill_names(&text, &names, &path)?.into_bytes();
            }
            let name = path
                .file_name()
                .and_then(|n| n.to_str())
                .ok_or("bad file name")?
                .to_owned();
            let hashed = hashed_name(&name, &bytes);
            std::fs::write(dist.join(&hashed), &bytes).map_err(|e| e.to_string())?;
            names.insert(name, hashed);
        }
    }
    let template_path = root.join("web/index.html");
    let template =
        std::fs::read_to_string(&template_path).map_err(|e| format!("web/index.html: {e}"))?;
    std::fs::write(
        dist.join("index.html"),
        fill_names(&template, &names, &template_path)?,
    )
    .map_err(|e| e.to_string())?;
    let (raw, gzip) = sizes(&dist)?;
    if report {
        eprintln!("web/dist: {raw} bytes, {gzip} bytes gzip -9 (first load)");
    }
    Ok(gzip)
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

/// Total raw and gzip -9 size of everything in `dist`.
fn sizes(dist: &Path) -> Result<(u64, u64), String> {
    let (mut raw, mut gz) = (0u64, 0u64);
    for entry in std::fs::read_dir(dist).map_err(|e| e.to_string())? {
        let bytes =
            std::fs::read(entry.map_err(|e| e.to_string())?.path()).map_err(|e| e.to_string())?;
        raw += bytes.len() as u64;
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        enc.write_all(&bytes).map_err(|e| e.to_string())?;
        gz += enc.finish().map_err(|e| e.to_string())?.len() as u64;
    }
    Ok((raw, gz))
}
