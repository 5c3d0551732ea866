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

/** A walker over the text nodes under `root`. */
export function textWalker(root: Element): TreeWalker {
  return root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
}
