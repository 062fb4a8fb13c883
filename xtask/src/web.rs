//! Building the web app into `web/dist`: cargo for wasm32, wasm-bindgen, content-hashed file names,
//! and `index.html` rendered from `web/index.html` (each `{{name}}` becomes `/<hashed name>`).

use std::{collections::BTreeMap, io::Write, path::Path};

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
    ])?;
    let root = root();
    let bindgen_out = root.join("target/web-bindgen");
    let _ = std::fs::remove_dir_all(&bindgen_out);
    let wasm = root.join("target/wasm32-unknown-unknown/wasm-release/web.wasm");
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
    let mut names = BTreeMap::new();
    for dir in [bindgen_out.clone(), root.join("web/static")] {
        for entry in std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))? {
            let path = entry.map_err(|e| e.to_string())?.path();
            if path.is_file() {
                let (name, hashed) = hashed_copy(&path, &dist)?;
                names.insert(name, hashed);
            }
        }
    }
    let template = std::fs::read_to_string(root.join("web/index.html"))
        .map_err(|e| format!("web/index.html: {e}"))?;
    let mut index = template;
    for (name, hashed) in &names {
        index = index.replace(&format!("{{{{{name}}}}}"), &format!("/{hashed}"));
    }
    if let Some(start) = index.find("{{") {
        let end = index[start..]
            .find("}}")
            .map(|e| start + e + 2)
            .unwrap_or(index.len());
        return Err(format!(
            "web/index.html names a file that is not built: {}",
            &index[start..end]
        ));
    }
    std::fs::write(dist.join("index.html"), index).map_err(|e| e.to_string())?;
    let (raw, gzip) = sizes(&dist)?;
    if report {
        eprintln!("web/dist: {raw} bytes, {gzip} bytes gzip -9 (first load)");
    }
    Ok(gzip)
}

/// Copies `path` into `dist` as `stem-<16 hex>.ext` (or `stem-<hash>_bg.wasm`).
fn hashed_copy(path: &Path, dist: &Path) -> Result<(String, String), String> {
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    let digest = Sha256::digest(&bytes);
    let hash: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .ok_or("bad file name")?
        .to_owned();
    let hashed = match name.split_once('.') {
        Some((stem, ext)) => match stem.strip_suffix("_bg") {
            Some(base) => format!("{base}-{hash}_bg.{ext}"),
            None => format!("{stem}-{hash}.{ext}"),
        },
        None => format!("{name}-{hash}"),
    };
    std::fs::write(dist.join(&hashed), &bytes).map_err(|e| e.to_string())?;
    Ok((name, hashed))
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
