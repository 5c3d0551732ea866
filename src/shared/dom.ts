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

/**
 * Adds `<tag>` to the end of the page (its body, or its root element when it has none) with an
 * open shadow root holding `css` and `children`, so that no page CSS reaches in and none of ours
 * reaches out. Returns the host.
 */
export function mountShadowHost(doc: Document, tag: string, css: string, ...children: Node[]): HTMLElement {
  const host = doc.createElement(tag);
  const style = doc.createElement('style');
  style.textContent = css;
  host.attachShadow({ mode: 'open' }).append(style, ...children);
  (doc.body ?? doc.documentElement).append(host);
  return host;
}

/** A walker over the text nodes under `root`. */
export function textWalker(root: Element): TreeWalker {
  return root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
}
