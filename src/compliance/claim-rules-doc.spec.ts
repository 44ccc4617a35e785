import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_CLAIM_RULES } from './claim-rule-defaults';

describe('docs/compliance.md', () => {
  const doc = readFileSync(path.resolve(__dirname, '../../docs/compliance.md'), 'utf8');
  // The table escapes `|` inside code spans, as Markdown tables need.
  const cells = [...doc.matchAll(/^\| `(.+?)` \| (BLOCK|WARN) \|/gm)].map((m) => [
    m[1].replaceAll('\\|', '|'),
    m[2],
  ]);

  it('lists every default claim rule with its severity, in order', () => {
    expect(cells).toEqual(
      DEFAULT_CLAIM_RULES.map((rule) => [rule.phrase ?? rule.pattern, rule.severity]),
    );
  });
});
