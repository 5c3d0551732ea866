/**
 * The panel's stylesheet. `:host` declarations are !important because, for a shadow host, the
 * page's !important rules lose only to the shadow tree's own !important rules (CSS Scoping §3.3).
 * `all: initial` already resets margin, opacity, transform, filter and the rest; the lines after
 * it set only what differs from the initial values.
 */
export const PANEL_CSS = `
:host {
  all: initial !important;
  display: block !important;
  position: fixed !important;
  /* Against the visual viewport's edges (viewport.ts sets the --backstory-vv-* properties), not
     the layout viewport's: a page wider than the screen would otherwise push the panel off it.
     A tab placed clear of the article's text sits --backstory-lift above its place (panel.ts), never
     above the window's top, however the window is resized. */
  right: calc(100% - var(--backstory-vv-right, 100%) + max(16px, env(safe-area-inset-right))) !important;
  bottom: calc(100% - var(--backstory-vv-bottom, 100%) + max(16px, env(safe-area-inset-bottom))
    + max(0px, min(var(--backstory-lift, 0px), var(--backstory-vv-height, 100vh) - 32px - var(--backstory-tab-height, 0px)))) !important;
  z-index: 2147483647 !important;
  /* The open panel's width is its own (below); the tab is as wide as its header. */
  max-width: calc(var(--backstory-vv-width, 100vw) - max(16px, env(safe-area-inset-left)) - max(16px, env(safe-area-inset-right))) !important;
  max-height: min(600px, var(--backstory-vv-height, 100vh) - max(16px, env(safe-area-inset-top)) - max(16px, env(safe-area-inset-bottom))) !important;
  contain: layout style !important;
}
/* 380 px at the default text size (23.75em of the host's font: .panel sets no font size of its
   own, so it grows with the reader's text zoom, WCAG 1.4.4), or the width placement.ts found
   beside the article's text. */
.panel { max-width: 100%; }
.panel.open { width: var(--backstory-width, 23.75em); }
/* Phones, narrow windows, short windows and high zoom (viewport.ts SMALL_SCREEN): the tab opens as
   a sheet across the bottom, at most 40 % of the visible height. */
@media (width < 600px), (height < 500px) {
  :host {
    --backstory-sheet: calc(var(--backstory-vv-width, 100vw) - max(8px, env(safe-area-inset-left)) - max(8px, env(safe-area-inset-right))) !important;
    right: calc(100% - var(--backstory-vv-right, 100%) + max(8px, env(safe-area-inset-right))) !important;
    bottom: calc(100% - var(--backstory-vv-bottom, 100%) + max(8px, env(safe-area-inset-bottom))) !important;
    max-width: var(--backstory-sheet) !important;
    max-height: calc(var(--backstory-vv-height, 100vh) * .4) !important;
  }
  .panel { overflow-y: auto; overscroll-behavior: contain; }
  .panel.open { width: var(--backstory-sheet); }
  /* Room for the longest language's buttons (German "Ausblenden") beside the date at 320 px. */
  .panel.open header { padding: 10px 8px 8px 10px; }
  .date .when { white-space: normal; }
  .body { overflow: visible; }
}
/* Folded, on any screen, the panel is a small tab: the date, the name and its two buttons. */
.panel:not(.open) h2 { display: none; }
.panel:not(.open) header { padding: 6px 8px 6px 10px; border-bottom: 0; }
/* Until placement.ts has decided where it goes, the panel is laid out but not seen (and its slide-in waits). */
.panel.placing { visibility: hidden; animation: none; }
* { box-sizing: border-box; }
.panel {
  --bg: #fff; --fg: #1b1f24; --muted: #4a5360; --accent: #1a4f9c; --accent-fg: #fff;
  --line: #d5dae1; --soft: #eef3fb; --focus: #b3261e;
  display: flex; flex-direction: column; max-height: inherit; overflow-wrap: anywhere;
  font-family: system-ui, sans-serif; line-height: 1.45;
  color: var(--fg); background: var(--bg); border: 1px solid var(--line); border-radius: 10px;
  box-shadow: 0 6px 24px rgba(0, 0, 0, .25); overflow: hidden; text-align: left; direction: ltr;
  animation: arrive 180ms ease-out;
}
@media (prefers-color-scheme: dark) {
  .panel { --bg: #1f2329; --fg: #e9edf2; --muted: #b4bcc8; --accent: #8ab4f8; --accent-fg: #0d1b2e;
    --line: #3a414b; --soft: #273140; --focus: #ffb4ab; }
}
header, .body { font-size: 14px; }
header { display: grid; grid-template-columns: 1fr auto; gap: 4px 8px; padding: 12px 12px 10px 14px; border-bottom: 1px solid var(--line); }
.date { margin: 0; display: flex; flex-wrap: wrap; align-items: center; gap: 4px 8px; font-size: 12px; color: var(--muted); }
.when { display: inline-block; padding: 2px 8px; border-radius: 999px; background: var(--accent); color: var(--accent-fg);
  font-weight: 700; font-size: 13px; letter-spacing: .01em; white-space: nowrap; }
h2 { grid-column: 1 / -1; margin: 2px 0 0; font-size: 16px; line-height: 1.3; font-weight: 700; }
.actions { grid-column: 2; grid-row: 1; display: flex; gap: 4px; }
/* One word each ("Ausblenden"): never broken over two lines, the date and name beside them wrap instead. */
.actions button { white-space: nowrap; overflow-wrap: normal; }
button { font: inherit; font-size: 13px; color: var(--fg); background: transparent; border: 1px solid var(--line);
  border-radius: 6px; padding: 3px 8px; cursor: pointer; min-height: 28px; }
@media (hover: hover) { button:hover { background: var(--soft); } }
/* Touch screens: targets of at least 44 x 44 CSS px (WCAG 2.5.5; Apple asks 44 pt, Android 48 dp). */
@media (pointer: coarse) { button { min-height: 44px; min-width: 44px; padding: 6px 12px; } }
button:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.body { padding: 10px 14px 14px; overflow-y: auto; overscroll-behavior: contain; }
.why { margin: 0 0 8px; padding: 6px 8px; border-radius: 6px; background: var(--soft); font-weight: 600; }
.mention-line { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; margin: 0 0 4px; }
.said { margin: 0 0 8px; font-size: 13px; color: var(--muted); }
.said:empty { display: none; }
.old { margin: 0 0 8px; color: var(--muted); font-size: 13px; }
p { margin: 0 0 8px; }
h3 { margin: 12px 0 4px; font-size: 14px; }
ul { margin: 0; padding-left: 20px; }
li { margin: 0 0 4px; }
.quotes-line { margin-top: 12px; font-size: 13px; color: var(--muted); }
.quotes-button { font-weight: 700; color: var(--accent-fg); background: var(--accent); border-color: var(--accent); }
@media (hover: hover) { .quotes-button:hover { background: var(--accent); filter: brightness(1.1); } }
.source { margin-top: 12px; font-size: 12px; color: var(--muted); }
.arrived { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; margin: 0; }
@keyframes arrive { from { opacity: 0; transform: translateY(8px); } }
@media (prefers-reduced-motion: reduce) { .panel { animation: none; } }
`;
