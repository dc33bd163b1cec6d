import { describe, expect, it } from 'vitest';
import { csvCell, csvDocument, isFormulaLike } from './csv';

describe('csvCell neutralises what a spreadsheet would evaluate', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+1+1', "'+1+1"],
    ['-2+3+cmd|\' /C calc\'!A0', "'-2+3+cmd|' /C calc'!A0"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=cmd|\' /C calc\'!A0', "'\t=cmd|' /C calc'!A0"],
    ['\tplain text after a tab', "'\tplain text after a tab"],
    ['  =HYPERLINK("http://x")', `"'  =HYPERLINK(""http://x"")"`],
    ['\u00a0@x', "'\u00a0@x"],
    ['\u3000\uff1d1+1', "'\u3000\uff1d1+1"],
    ['\uff0b1', "'\uff0b1"],
    ['-1e5', "'-1e5"],
    ['- 3', "'- 3"],
    ['-', "'-"],
  ])('%j -> %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('quotes a neutralised cell that starts with CR or LF, so it stays one cell', () => {
    expect(csvCell('\r=1+1')).toBe(`"'\r=1+1"`);
    expect(csvCell('\n=1+1')).toBe(`"'\n=1+1"`);
  });

  it('keeps plain decimal numbers, negative ones included, as numbers', () => {
    for (const n of ['-322.26', '45.00', '-10', '0', '3000', '0.015']) {
      expect(isFormulaLike(n)).toBe(false);
      expect(csvCell(n)).toBe(n);
    }
    expect(csvCell(-4)).toBe('-4');
    expect(csvCell(1400000001n)).toBe('1400000001');
  });

  it('leaves ordinary text alone and quotes what CSV needs quoted', () => {
    expect(csvCell('Lumen Games')).toBe('Lumen Games');
    expect(csvCell('星河互娱')).toBe('星河互娱');
    expect(csvCell('a, "b"')).toBe('"a, ""b"""');
    expect(csvCell('MAU 13,000; 3,000 over 10,000 free x 0.015')).toBe('"MAU 13,000; 3,000 over 10,000 free x 0.015"');
    expect(csvCell('Standard 2026-11-11..2026-11-30: -399 x 10/30 days')).toBe('Standard 2026-11-11..2026-11-30: -399 x 10/30 days');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });
});

describe('csvDocument', () => {
  it('writes a byte-order mark, CRLF line ends and safe cells', () => {
    expect(csvDocument([['a', 'b'], ['\t=x', '-1.50']])).toBe("\uFEFFa,b\r\n'\t=x,-1.50\r\n");
  });
});
