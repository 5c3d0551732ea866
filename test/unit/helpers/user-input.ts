/**
 * Input as the browser dispatches it for a person (isTrusted true), which jsdom's click() and
 * dispatchEvent() cannot give: the extension ignores untrusted events, as a page's scripts send.
 * Uses jsdom's own "fire an event" helper, the one it uses for events it raises itself.
 */
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const jsdomLib = path.dirname(require.resolve('jsdom'));
const { fireAnEvent } = require(path.join(jsdomLib, 'jsdom/living/helpers/events.js')) as {
  fireAnEvent(type: string, target: EventTarget, eventInterface?: unknown, attributes?: object): boolean;
};
const { implForWrapper } = require(path.join(jsdomLib, 'generated/idl/utils.js')) as { implForWrapper(wrapper: object): EventTarget };
const MouseEventIdl = require(path.join(jsdomLib, 'generated/idl/MouseEvent.js'));
const KeyboardEventIdl = require(path.join(jsdomLib, 'generated/idl/KeyboardEvent.js'));

/** A person's click on `el`. */
export function userClick(el: Element): void {
  fireAnEvent('click', implForWrapper(el), MouseEventIdl, { bubbles: true, cancelable: true, composed: true, button: 0 });
}

/** A person pressing `key` while `el` has focus. */
export function userKey(el: Element, key: string): void {
  fireAnEvent('keydown', implForWrapper(el), KeyboardEventIdl, { bubbles: true, cancelable: true, composed: true, key });
}
