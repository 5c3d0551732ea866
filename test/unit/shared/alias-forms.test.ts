// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { aliasForms } from '../../../src/shared/alias-forms';

describe('aliasForms', () => {
  it.each<[string, string[]]>([
    ['Kaspersky Lab', ['Kaspersky Lab']],
    ['Kaspersk{y,ého,iego}', ['Kaspersky', 'Kasperského', 'Kasperskiego']],
    ['Zentrum{,s}', ['Zentrum', 'Zentrums']],
    ['Лаборатори{я,и} Касперского', ['Лаборатория Касперского', 'Лаборатории Касперского']],
    ['{A,B}x{1,2}', ['Ax1', 'Ax2', 'Bx1', 'Bx2']],
    ["Kaspersky{,'nin}", ['Kaspersky', "Kaspersky'nin", 'Kaspersky’nin']],
    ['Kaspersky’nin', ['Kaspersky’nin']],
  ])('%s', (alias, forms) => {
    expect(aliasForms(alias)).toEqual(forms);
  });
});
