// Starts the web app. A file of its own rather than an inline script, so the Content-Security-Policy
// can forbid inline scripts. `cargo xtask build-web` fills in the hashed file names.
import init from '{{web.js}}';

// Most pages' code is fetched when the page is first opened. If that fails because a newer version
// was deployed after this tab opened (the server answers 404 for the old file), the app stops with
// a WebAssembly error; load the current version of the page the reader was going to instead, at
// most once a minute so a real fault cannot loop.
let goingTo = null;
addEventListener('click', (event) => {
  const link = event.target instanceof Element && event.target.closest('a[href]');
  if (link && link.origin === location.origin) goingTo = link.href;
}, true);
function recover(event) {
  const error = event.reason || event.error;
  if (!(error instanceof WebAssembly.RuntimeError)) return;
  const last = Number(sessionStorage.getItem('etakirjasto-reloaded-at') || 0);
  if (Date.now() - last < 60000) return;
  sessionStorage.setItem('etakirjasto-reloaded-at', String(Date.now()));
  location.assign(goingTo || location.href);
}
addEventListener('unhandledrejection', recover);
addEventListener('error', recover);

init({ module_or_path: '{{web_bg.wasm}}' });
