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
  if (!alias.includes('{') && !alias.includes("'")) return [alias];
  let forms = [''];
  // Plain loops, not a split on a pattern: the full stage expands every alias when it starts.
  for (let at = 0; at < alias.length; ) {
    const open = alias.indexOf('{', at);
    const end = open < 0 ? alias.length : alias.indexOf('}', open);
    const choices = open < 0 ? [''] : alias.slice(open + 1, end).split(',');
    const head = alias.slice(at, open < 0 ? end : open);
    const next: string[] = [];
    for (const form of forms) for (const choice of choices) next.push(form + head + choice);
    forms = next;
    at = end + 1;
  }
  if (!alias.includes("'")) return forms;
  return forms.flatMap((form) => (form.includes("'") ? [form, form.replace(/'/g, '’')] : [form]));
}
