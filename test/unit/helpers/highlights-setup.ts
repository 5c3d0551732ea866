/**
 * jsdom has no CSS Custom Highlight API, which is how Backstory draws its marks in every supported
 * browser. This gives unit tests its part the extension uses: `CSS.highlights`, a registry of
 * named highlights that only takes `Highlight`s, and `Highlight`, a set of ranges that only takes
 * `AbstractRange`s (jsdom has `StaticRange` and `Range`). Nothing is drawn; tests read the ranges.
 */
class StubHighlight extends Set<AbstractRange> {
  priority = 0;
  type = 'highlight';
  override add(range: AbstractRange): this {
    if (!(range instanceof AbstractRange)) throw new TypeError('Highlight.add takes an AbstractRange');
    return super.add(range);
  }
}

class StubHighlightRegistry extends Map<string, StubHighlight> {
  override set(name: string, highlight: StubHighlight): this {
    if (!(highlight instanceof StubHighlight)) throw new TypeError('CSS.highlights.set takes a Highlight');
    return super.set(name, highlight);
  }
}

const api = globalThis as unknown as { CSS?: object; Highlight?: unknown };
api.CSS = Object.assign(api.CSS ?? {}, { highlights: new StubHighlightRegistry() });
api.Highlight = StubHighlight;
