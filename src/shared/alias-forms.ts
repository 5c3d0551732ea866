/**
 * The written forms of an entity's alias (story.json). An alias is a proper name as pages write
 * it, with two conveniences so the forms other languages use fit on a line:
 * - `{a,b,c}` gives one form per choice (a choice may be empty): a stem with the endings it takes
 *   ("Kaspersk{y,ého,iego}") or words that change together ("Лаборатори{я,и} Касперского").
 *   Groups do not nest; an alias with two groups gives every pair.
 * - an apostrophe (') also stands for the typographic one (’): "Kaspersky'nin", "Kaspersky’nin".
 * Nothing else is special: scripts/lib/validate-story.ts allows only letters, digits, spaces and
 * a few name marks, so an alias can never be a pattern.
 */

/** Every form `alias` stands for, in the order written. */
export function aliasForms(alias: string): string[] {
  let forms = [''];
  for (const part of alias.split(/(\{[^{}]*\})/)) {
    const choices = part.startsWith('{') ? part.slice(1, -1).split(',') : [part];
    forms = forms.flatMap((form) => choices.map((choice) => form + choice));
  }
  return forms.flatMap((form) => (form.includes("'") ? [form, form.replace(/'/g, '’')] : [form]));
}
