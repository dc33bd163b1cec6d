/**
 * DOMAIN.md section 10, worked examples 1-4, through the simulator: golden inputs
 * and outputs in testdata/golden (the output files are byte-for-byte what
 * `npm run -s billing -- simulate FILE` prints), plus the numbers the spec states.
 */
import { describe, expect, it } from 'vitest';
import { type SimulatorOutput, formatSimulatorOutput, simulate } from './simulator';
import input1 from './testdata/golden/example-1.input.json';
import output1 from './testdata/golden/example-1.output.json';
import input2 from './testdata/golden/example-2.input.json';
import output2 from './testdata/golden/example-2.output.json';
import input3 from './testdata/golden/example-3.input.json';
import output3 from './testdata/golden/example-3.output.json';
import input4 from './testdata/golden/example-4.input.json';
import output4 from './testdata/golden/example-4.output.json';

const GOLDEN: Record<number, { input: unknown; output: unknown }> = {
  1: { input: input1, output: output1 },
  2: { input: input2, output: output2 },
  3: { input: input3, output: output3 },
  4: { input: input4, output: output4 },
};

/** The golden output files are written by the simulator's own formatter (2-space JSON, final newline). */
const golden = (n: number): string => `${JSON.stringify(GOLDEN[n]?.output, null, 2)}\n`;

function run(n: number): { text: string; output: SimulatorOutput } {
  const result = simulate(GOLDEN[n]?.input);
  if (!result.ok) throw new Error(result.error);
  return { text: formatSimulatorOutput(result.output), output: result.output };
}

const brief = (output: SimulatorOutput) =>
  output.invoices.map((inv) => ({
    month: inv.month,
    scheme: inv.scheme,
    currency: inv.currency,
    total: inv.total,
    lines: inv.lines.map((l) => [l.code, l.edition, l.from, l.to, l.quantity, l.unitPrice, l.amount]),
  }));

describe('DOMAIN.md section 10 worked examples', () => {
  it.each([1, 2, 3, 4])('example %i matches its golden output byte for byte', (n) => {
    expect(run(n).text).toBe(golden(n));
  });

  it('1. Professional from 2026-10-15, DAU 25,310: October 999.00 + 2000.00 = 2999.00', () => {
    expect(brief(run(1).output)).toEqual([
      {
        month: '2026-10', scheme: 'LEGACY', currency: 'CNY', total: '2999.00',
        lines: [
          ['PACKAGE', 'PROFESSIONAL', '2026-10-15', '2026-11-14', '1', '999', '999.00'],
          ['DAU_OVERAGE', undefined, '2026-10-15', '2026-10-31', '2', '1000', '2000.00'],
        ],
      },
    ]);
    const dau = run(1).output.invoices[0]?.lines[1];
    expect(dau?.explain).toContain('Peak DAU 25,310 on 2026-10-20');
    expect(dau?.explain).toContain('15,310 over 10,000 free -> 2 units');
  });

  it('2. upgrade to Flagship on 2026-11-05: November 2999.00 - 322.26 = 2676.74, no Professional cycle from 11-15', () => {
    const november = brief(run(2).output)[1];
    expect(november).toEqual({
      month: '2026-11', scheme: 'LEGACY', currency: 'CNY', total: '2676.74',
      lines: [
        ['PACKAGE', 'FLAGSHIP', '2026-11-05', '2026-12-04', '1', '2999', '2999.00'],
        ['PACKAGE_CREDIT', 'PROFESSIONAL', '2026-11-05', '2026-11-14', '-10', '999', '-322.26'],
      ],
    });
    expect(run(2).output.invoices[1]?.lines[1]?.explain).toBe(
      'Professional cycle 2026-10-15..2026-11-14 cut on 2026-11-05 by upgrade to Flagship: -999 x 10/31 days',
    );
  });

  it('3. CURRENT, Standard from 2026-11-11, MAU 13,000: 266.00 + 45.00 = 311.00 USD', () => {
    const [november] = brief(run(3).output);
    expect(november?.currency).toBe('USD');
    expect(november?.total).toBe('311.00');
    expect(november?.lines).toContainEqual(['PACKAGE', 'STANDARD', '2026-11-11', '2026-11-30', '20', '399', '266.00']);
    expect(november?.lines).toContainEqual(['MAU_OVERAGE', 'STANDARD', '2026-11-01', '2026-11-30', '3000', '0.015', '45.00']);
  });

  it('4. Flagship migrated on 2026-10-12 to Pro: October 1160.90 CNY (credit dated 10-31), November 699.00 USD', () => {
    expect(brief(run(4).output)).toEqual([
      {
        month: '2026-10', scheme: 'LEGACY', currency: 'CNY', total: '1160.90',
        lines: [
          ['PACKAGE', 'FLAGSHIP', '2026-10-20', '2026-11-19', '1', '2999', '2999.00'],
          ['PACKAGE_CREDIT', 'FLAGSHIP', '2026-11-01', '2026-11-19', '-19', '2999', '-1838.10'],
        ],
      },
      {
        month: '2026-11', scheme: 'CURRENT', currency: 'USD', total: '699.00',
        lines: [['PACKAGE', 'PRO', '2026-11-01', '2026-11-30', '30', '699', '699.00']],
      },
    ]);
  });
});
