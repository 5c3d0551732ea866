/** The one prefix of everything the extension puts into a page: element names, attributes, ids. */
export const PREFIX = 'backstory-';
