// Starts the web app. A file of its own rather than an inline script, so the Content-Security-Policy
// can forbid inline scripts. `cargo xtask build-web` fills in the hashed file names.
import init from '{{web.js}}';
init({ module_or_path: '{{web_bg.wasm}}' });
