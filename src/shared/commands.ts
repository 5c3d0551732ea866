/** The extension's keyboard commands (manifest.json `commands`), named once for the background and the popup. */

/** Shows or hides the panel on the page in front. */
export const TOGGLE_PANEL_COMMAND = 'toggle-panel';
