//! Styles as constructable stylesheets (adoptedStyleSheets): nothing is injected as a <style>
//! element or a style attribute, so a page with `style-src 'self'` needs no 'unsafe-inline'.
//! Theme with CSS custom properties on any ancestor (they inherit into the shadow roots):
//! `--pii-airlock-bg`, `-fg`, `-muted`, `-accent`, `-accent-fg`, `-border`, `-radius`, `-font`,
//! `-backdrop`, and for the highlights (mark_state.rs) `-mark-replace`, `-mark-ask`,
//! `-mark-block`, `-mark-shown` (backgrounds, each falling back to `-mark`; `-shown` first to
//! the older `-mark-allowed`) and `-mark-replace-line` … `-mark-shown-line` (underlines).

use std::cell::RefCell;
use wasm_bindgen::UnwrapThrowExt;
use web_sys::CssStyleSheet;

macro_rules! theme {
    () => {
        "
  --_bg: var(--pii-airlock-bg, Canvas);
  --_fg: var(--pii-airlock-fg, CanvasText);
  --_muted: var(--pii-airlock-muted, GrayText);
  --_accent: var(--pii-airlock-accent, #0b57d0);
  --_accent-fg: var(--pii-airlock-accent-fg, #fff);
  --_border: var(--pii-airlock-border, color-mix(in srgb, CanvasText 20%, transparent));
  --_radius: var(--pii-airlock-radius, 8px);
  --_font: var(--pii-airlock-font, system-ui, sans-serif);
"
    };
}

/// The consent dialog's shadow root.
pub(crate) const DIALOG_CSS: &str = concat!(
    "
:host { all: initial; }
dialog {",
    theme!(),
    "  font: 15px/1.45 var(--_font); color: var(--_fg); background: var(--_bg);
  border: 1px solid var(--_border); border-radius: var(--_radius);
  max-width: min(40rem, calc(100vw - 2rem)); padding: 1.25rem 1.5rem;
  box-shadow: 0 10px 40px rgb(0 0 0 / .25);
}
dialog::backdrop { background: var(--pii-airlock-backdrop, rgb(0 0 0 / .4)); }
h2 { font-size: 1.15rem; margin: 0 0 .5rem; }
p { margin: .25rem 0 .75rem; }
ul { list-style: none; margin: 0 0 .75rem; padding: 0; max-height: 40vh; overflow: auto; }
li { padding: .4rem 0; border-bottom: 1px solid var(--_border); }
.entity { font-weight: 600; }
code { font-family: ui-monospace, monospace; overflow-wrap: anywhere; }
.effect, .why { color: var(--_muted); font-size: .9em; }
.preview-label { font-weight: 600; margin: .5rem 0 .25rem; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; max-height: 20vh; overflow: auto; margin: 0 0 1rem;
  padding: .5rem; border: 1px solid var(--_border); border-radius: calc(var(--_radius) / 2); font: .9em ui-monospace, monospace; }
.buttons { display: flex; flex-wrap: wrap; gap: .5rem; justify-content: flex-end; }
button { font: inherit; padding: .45rem .9rem; border-radius: calc(var(--_radius) / 2);
  border: 1px solid var(--_border); background: transparent; color: inherit; cursor: pointer; }
button.primary { background: var(--_accent); color: var(--_accent-fg); border-color: var(--_accent); }
button:focus-visible { outline: 3px solid var(--_accent); outline-offset: 2px; }
"
);

// Each state's background and underline colour: the page's custom property, else a default
// for light and one for dark pages (`light-dark()` follows the page's color-scheme). The
// defaults are translucent tints, so the text over them keeps its contrast (>= 4.5:1 with the
// page's own text colour on white or on a dark background); the underline colours reach 4.5:1
// against white (light) and #161b22 (dark). The underline style differs per state as well
// (solid, dashed, double, dotted), so telling the states apart never rests on colour alone.
macro_rules! replace_bg {
    () => {
        "var(--pii-airlock-mark-replace, var(--pii-airlock-mark, light-dark(rgb(16 185 129 / .22), rgb(16 185 129 / .3))))"
    };
}
macro_rules! ask_bg {
    () => {
        "var(--pii-airlock-mark-ask, var(--pii-airlock-mark, light-dark(rgb(245 158 11 / .3), rgb(245 158 11 / .3))))"
    };
}
macro_rules! block_bg {
    () => {
        "var(--pii-airlock-mark-block, var(--pii-airlock-mark, light-dark(rgb(239 68 68 / .22), rgb(239 68 68 / .32))))"
    };
}
macro_rules! shown_bg {
    () => {
        "var(--pii-airlock-mark-shown, var(--pii-airlock-mark-allowed, var(--pii-airlock-mark, light-dark(rgb(99 102 241 / .16), rgb(129 140 248 / .3)))))"
    };
}
macro_rules! replace_line {
    () => {
        "var(--pii-airlock-mark-replace-line, light-dark(#047857, #34d399))"
    };
}
macro_rules! ask_line {
    () => {
        "var(--pii-airlock-mark-ask-line, light-dark(#b45309, #fbbf24))"
    };
}
macro_rules! block_line {
    () => {
        "var(--pii-airlock-mark-block-line, light-dark(#b91c1c, #f87171))"
    };
}
macro_rules! shown_line {
    () => {
        "var(--pii-airlock-mark-shown-line, light-dark(#4338ca, #a5b4fc))"
    };
}

/// The mirror overlay behind a textarea or input. Its text is transparent (the field's own text
/// shows through), so the underline's colour is set explicitly and not skipped around glyphs.
pub(crate) const OVERLAY_CSS: &str = concat!(
    "
:host { all: initial; color-scheme: inherit; position: absolute; pointer-events: none; overflow: hidden; z-index: 1; }
.mirror { position: absolute; inset: 0; color: transparent; overflow: hidden; box-sizing: border-box; }
mark { color: transparent; border-radius: 2px; text-decoration-line: underline; text-decoration-thickness: 2px;
  text-underline-offset: 2px; text-decoration-skip-ink: none; }
mark[data-state=replace] { background: ",
    replace_bg!(),
    "; text-decoration-style: solid; text-decoration-color: ",
    replace_line!(),
    "; }
mark[data-state=ask] { background: ",
    ask_bg!(),
    "; text-decoration-style: dashed; text-decoration-color: ",
    ask_line!(),
    "; }
mark[data-state=block] { background: ",
    block_bg!(),
    "; text-decoration-style: double; text-decoration-color: ",
    block_line!(),
    "; }
mark[data-state=shown] { background: ",
    shown_bg!(),
    "; text-decoration-style: dotted; text-decoration-color: ",
    shown_line!(),
    "; }
"
);

/// The popover with one finding's type, reason and actions.
pub(crate) const POPOVER_CSS: &str = concat!(
    "
:host { all: initial; position: fixed; z-index: 2147483646; }
:host([hidden]) { display: none; }
.card {",
    theme!(),
    "  font: 13px/1.4 var(--_font); color: var(--_fg); background: var(--_bg);
  border: 1px solid var(--_border); border-radius: var(--_radius); padding: .5rem .65rem;
  box-shadow: 0 4px 16px rgb(0 0 0 / .2); max-width: 22rem;
}
.entity { font-weight: 600; }
.why { color: var(--_muted); }
.buttons { display: flex; flex-wrap: wrap; gap: .35rem; margin-top: .4rem; }
button { font: inherit; padding: .2rem .5rem; border-radius: 4px; border: 1px solid var(--_border);
  background: transparent; color: inherit; cursor: pointer; }
button[aria-pressed=\"true\"] { background: var(--_accent); color: var(--_accent-fg); border-color: var(--_accent); }
button:focus-visible { outline: 2px solid var(--_accent); outline-offset: 1px; }
"
);

/// Highlights of contenteditable elements, one per state (mark_state.rs). The highlight names
/// are global to the document, so they carry the package's prefix.
pub(crate) const HIGHLIGHT_CSS: &str = concat!(
    "
::highlight(pii-airlock-replace) { background-color: ",
    replace_bg!(),
    "; text-decoration: underline solid 2px ",
    replace_line!(),
    "; }
::highlight(pii-airlock-ask) { background-color: ",
    ask_bg!(),
    "; text-decoration: underline dashed 2px ",
    ask_line!(),
    "; }
::highlight(pii-airlock-block) { background-color: ",
    block_bg!(),
    "; text-decoration: underline double 2px ",
    block_line!(),
    "; }
::highlight(pii-airlock-shown) { background-color: ",
    shown_bg!(),
    "; text-decoration: underline dotted 2px ",
    shown_line!(),
    "; }
"
);

/// A live region for screen readers: present but invisible.
pub(crate) const LIVE_CSS: &str = "
:host { position: fixed; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
";

thread_local! {
    // Keyed by the constant's address: each is one of the few `&'static str` above.
    static SHEETS: RefCell<Vec<(usize, CssStyleSheet)>> = const { RefCell::new(Vec::new()) };
}

/// One shared sheet per stylesheet constant.
pub(crate) fn sheet(css: &'static str) -> CssStyleSheet {
    let key = css.as_ptr() as usize;
    SHEETS.with(|s| {
        if let Some((_, sh)) = s.borrow().iter().find(|(k, _)| *k == key) {
            return sh.clone();
        }
        let sh = own_sheet(css);
        s.borrow_mut().push((key, sh.clone()));
        sh
    })
}

/// A new sheet of its own (geometry that changes per element).
pub(crate) fn own_sheet(css: &str) -> CssStyleSheet {
    let sh = CssStyleSheet::new().unwrap_throw();
    let _ = sh.replace_sync(css);
    sh
}
