/**
 * The corpus of bad scenarios (testdata/bad/*.json; testdata/bad/expected.json
 * maps each file to its expected message): each is refused before anything is
 * rated, with one line naming the offending field.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from './simulator';
import expected from './testdata/bad/expected.json';

const cases = Object.entries(expected as Record<string, string>);

describe('bad scenarios', () => {
  it('the corpus covers the rules of DOMAIN.md section 9', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it.each(cases)('%s is refused with: %s', async (file, message) => {
    const scenario = ((await import(`./testdata/bad/${file}`)) as { default: unknown }).default;
    const result = simulate(scenario);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toContain(message);
    expect(result.error).not.toMatch(/[\r\n]/);
    expect(result.error).toMatch(/^[A-Za-z]\S*: /);
  });
});
