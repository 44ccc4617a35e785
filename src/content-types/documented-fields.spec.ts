import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTENT_TYPE_DEFS, type ContentType } from './registry';

/**
 * The rules tables of docs/editing-reference-content.md name exactly the
 * fields a content type's definition lets editors change, and say which
 * are brand-wide only: a field added to a definition fails here until the
 * reference documents it.
 */
const DOC = readFileSync(join(__dirname, '../../docs/editing-reference-content.md'), 'utf8');

/** The section of each documented type, and fields set only at creation that its table lists too. */
const SECTIONS: { type: ContentType; heading: string; createOnly?: string[] }[] = [
  { type: 'CLINIC', heading: '## `createClinic`, `updateClinic`' },
  { type: 'PROVIDER', heading: '## `createProvider`, `updateProvider`' },
  {
    type: 'PRICE_ITEM',
    heading: '## `createPriceItem`, `updatePriceItem`',
    createOnly: ['clinicTreatmentId'],
  },
];

/** Each row of the section's first table: the backticked fields of its first cell, and its rule. */
function rulesTable(heading: string): { fields: string[]; rule: string }[] {
  const start = DOC.indexOf(`${heading}\n`);
  if (start < 0) throw new Error(`docs: no section ${heading}`);
  const lines = DOC.slice(start).split('\n').slice(1);
  const table = lines.slice(lines.findIndex((line) => line.startsWith('|')));
  return table
    .slice(
      2,
      table.findIndex((line) => !line.startsWith('|')),
    )
    .map((line) => {
      const [, first, rule] = line.split('|');
      return { fields: [...first.matchAll(/`([A-Za-z0-9]+)`/g)].map((m) => m[1]), rule };
    });
}

describe('the editing reference documents every editable field', () => {
  it.each(SECTIONS)('$type', ({ type, heading, createOnly = [] }) => {
    const def = CONTENT_TYPE_DEFS[type];
    const rows = rulesTable(heading);
    const documented = rows.flatMap((row) => row.fields).sort();
    const editable = [...Object.keys(def.columns), ...Object.keys(def.links ?? {}), ...createOnly];
    expect(documented).toEqual(editable.sort());
    const brandOnly = rows
      .filter((row) => row.rule.includes('Brand-wide editors only'))
      .flatMap((row) => row.fields)
      .sort();
    expect(brandOnly).toEqual([...(def.brandOnlyFields ?? [])].sort());
  });
});
