//! `prerender CONTENT_JSON INDEX_HTML`: renders the guide into the built page, in place.
//! Run by `tools/post-build.js` on trunk's staging directory after a release build.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use std::process::ExitCode;

    let args: Vec<String> = std::env::args().skip(1).collect();
    let [content_path, page_path] = args.as_slice() else {
        eprintln!("usage: prerender CONTENT_JSON INDEX_HTML");
        return ExitCode::from(2);
    };
    let read = |path: &str| {
        std::fs::read_to_string(path)
            .map_err(|error| format!("prerender: cannot read {path}: {error}"))
    };
    let result = read(content_path).and_then(|content| {
        let page = read(page_path)?;
        let finished = ketamine_guide::prerender::prerender_page(&page, &content)
            .map_err(|error| error.to_string())?;
        std::fs::write(page_path, &finished)
            .map_err(|error| format!("prerender: cannot write {page_path}: {error}"))?;
        Ok(finished.len())
    });
    match result {
        Ok(bytes) => {
            println!("prerender: wrote the guide into {page_path} ({bytes} bytes)");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

/// The prerender runs at build time only; a wasm build of it has nothing to do.
#[cfg(target_arch = "wasm32")]
fn main() {}
