import { describe, expect, it } from 'vitest';
import { splitCsv, validateUsageCsv } from './csv';

describe('splitCsv', () => {
  it('reads quoted cells with commas, quotes and line breaks, CRLF, a BOM, and skips blank lines', () => {
    const text = '\uFEFFa,b\r\n"1,5","say ""hi"""\r\n\r\n"multi\nline",x\n';
    expect(splitCsv(text)).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1,5', 'say "hi"'] },
      { line: 4, cells: ['multi\nline', 'x'] },
    ]);
  });

  it('keeps the last record without a final line break', () => {
    expect(splitCsv('a\n1')).toEqual([
      { line: 1, cells: ['a'] },
      { line: 2, cells: ['1'] },
    ]);
  });
});

describe('validateUsageCsv', () => {
  it('accepts header names in any case and with underscores', () => {
    const result = validateUsageCsv('SDK_APP_ID,Date,DAU\n1400000001,2026-10-01,5\n', { today: '2026-11-23' });
    expect(result.ok).toBe(true);
  });

  it('refuses an empty file and a file without rows', () => {
    expect(validateUsageCsv('', { today: '2026-11-23' })).toMatchObject({ ok: false, message: expect.stringMatching(/empty/) });
    expect(validateUsageCsv('sdkAppId,date\n', { today: '2026-11-23' })).toMatchObject({ ok: false, message: expect.stringMatching(/no rows/) });
  });

  it('refuses more than 10,000 rows', () => {
    const rows = Array.from({ length: 10_001 }, (_, i) => `1400000001,2026-10-01,${i}`).join('\n');
    expect(validateUsageCsv(`sdkAppId,date,dau\n${rows}`, { today: '2026-11-23' })).toMatchObject({ ok: false, message: expect.stringMatching(/at most 10,000 rows/) });
  });
});
