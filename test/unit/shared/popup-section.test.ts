// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { SECTION_FRESH_MS, SECTION_KEY, requestedSection, sectionRequest } from '../../../src/shared/popup-section';

describe('popup section requests', () => {
  const now = 1_700_000_000_000;

  it('stores the section and when it was asked for under one key', () => {
    expect(sectionRequest('sources', now)).toEqual({ [SECTION_KEY]: { section: 'sources', at: now } });
  });

  it.each<[string, unknown, number, 'sources' | null]>([
    ['a fresh request', { section: 'sources', at: now }, now + 1_000, 'sources'],
    ['a request at the end of its time', { section: 'sources', at: now }, now + SECTION_FRESH_MS, 'sources'],
    ['a stale request', { section: 'sources', at: now }, now + SECTION_FRESH_MS + 1, null],
    ['a request from the future (a clock change)', { section: 'sources', at: now + 60_000 }, now, null],
    ['no request', undefined, now, null],
    ['an unknown section', { section: 'settings', at: now }, now, null],
    ['a request without its time', { section: 'sources' }, now, null],
    ['a string', 'sources', now, null],
  ])('reads %s', (_name, stored, at, expected) => {
    expect(requestedSection(stored, at)).toBe(expected);
  });
});
