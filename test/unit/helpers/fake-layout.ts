/**
 * jsdom has no layout: stepping to a mention scrolls, and the card is placed beside the mention's
 * box. This gives every element a no-op scrollIntoView and every range the same made-up box, so
 * those paths run; scrolling and placement themselves are covered by the browser tests.
 */
export function fakeLayout(): void {
  Element.prototype.scrollIntoView = () => undefined;
  Range.prototype.getBoundingClientRect = () => new DOMRect(10, 10, 50, 16);
}
