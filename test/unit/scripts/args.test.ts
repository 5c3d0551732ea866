// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parseScriptArgs, UsageError } from '../../../scripts/lib/args';

const USAGE = 'npm run bench [-- --quick] [--browser=NAME]';
const OPTIONS = { quick: { type: 'boolean' }, browser: { type: 'string' } } as const;

describe('parseScriptArgs', () => {
  it('reads flags and values, in either --name=value or --name value form', () => {
    expect(parseScriptArgs(USAGE, OPTIONS, ['--quick', '--browser=firefox']).values).toEqual({ quick: true, browser: 'firefox' });
    expect(parseScriptArgs(USAGE, OPTIONS, ['--browser', 'chromium']).values).toEqual({ browser: 'chromium' });
    expect(parseScriptArgs(USAGE, OPTIONS, []).values).toEqual({});
  });

  it('refuses an option the script does not know, naming it, with the usage', () => {
    const parse = () => parseScriptArgs(USAGE, OPTIONS, ['--quik']);
    expect(parse).toThrow(UsageError);
    expect(parse).toThrow(/'--quik'[\s\S]*\nusage: npm run bench \[-- --quick\]/);
  });

  it('refuses a value given to a flag and a missing value', () => {
    expect(() => parseScriptArgs(USAGE, OPTIONS, ['--quick=yes'])).toThrow(/--quick/);
    expect(() => parseScriptArgs(USAGE, OPTIONS, ['--browser'])).toThrow(/--browser/);
  });

  it('takes positional arguments only where the script allows them', () => {
    expect(parseScriptArgs('classify FILE...', {}, ['a.html', 'b.html'], true).positionals).toEqual(['a.html', 'b.html']);
    expect(() => parseScriptArgs(USAGE, OPTIONS, ['a.html'])).toThrow(UsageError);
  });
});
