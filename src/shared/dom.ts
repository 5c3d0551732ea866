/** A tiny element builder: every string becomes a text node, so no text is ever parsed as markup. */

type Child = Node | string | null | undefined | false;
type Attrs = Record<string, string | boolean | undefined>;

/** Creates `<tag>` in `doc` with attributes and children; strings are added as text nodes. */
export function h(doc: Document, tag: string, attrs: Attrs = {}, ...children: Child[]): HTMLElement {
  const el = doc.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    el.append(typeof child === 'string' ? doc.createTextNode(child) : child);
  }
  return el;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function parts(iso: string): { day: number; month: string; year: string } {
  const [year = '', month = '1', day = '1'] = iso.split('-');
  return { day: Number(day), month: MONTHS[Number(month) - 1] ?? '', year };
}

// Written out rather than through Intl: the first Intl.DateTimeFormat in a page loads locale data
// and cost 30-50 ms of the page's main thread in Chromium (npm run bench).

/** "5 December 2017" from "2017-12-05". */
export function formatDate(iso: string): string {
  const { day, month, year } = parts(iso);
  return `${day} ${month} ${year}`;
}

/** "December 2017" from "2017-12-05". */
export function formatMonth(iso: string): string {
  const { month, year } = parts(iso);
  return `${month} ${year}`;
}
