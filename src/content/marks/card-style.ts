/** The mention card's stylesheet (minified by the build, like every *-style.ts). */
export const CARD_CSS = `
:host { all: initial !important; position: fixed !important; inset: 0 auto auto 0 !important; width: 0 !important;
  height: 0 !important; z-index: 2147483647 !important; display: block !important; pointer-events: none !important; }
:host([hidden]) { display: none !important; }
.card { position: fixed; box-sizing: border-box; width: max-content; max-width: 320px; padding: 8px 10px; border-radius: 8px; border: 1px solid #d5dae1;
  background: #fff; color: #1b1f24; box-shadow: 0 4px 16px rgba(0,0,0,.22);
  font: 13px/1.4 system-ui, sans-serif; text-align: left; overflow-wrap: anywhere; }
.name { margin: 0 0 2px; font-weight: 700; }
.part { margin: 0; }
.from { margin: 4px 0 0; font-size: 12px; color: #4a5360; }
@media (prefers-color-scheme: dark) { .card { background: #1f2329; color: #e9edf2; border-color: #3a414b; } .from { color: #b4bcc8; } }
`;
