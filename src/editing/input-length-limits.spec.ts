import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getMetadataStorage } from 'class-validator';
import { buildSchema, isInputObjectType } from 'graphql';

/*
 * Every length limit of a GraphQL input field is stated in its description
 * ("At most N characters." / "Each at most N characters."), so clients see the
 * limits in the schema and they cannot drift from the validation.
 * Inputs are found by walking src/**\/dtos/*.input(s).ts; the schema is the
 * committed schema.gql.
 */
const ROOT = join(__dirname, '..', '..');

function inputFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return inputFiles(path);
    return /\/dtos\/[^/]+\.inputs?\.ts$/.test(path) ? [path] : [];
  });
}

describe('length limits of input fields', () => {
  it('are stated in every field’s description', async () => {
    const schema = buildSchema(readFileSync(join(ROOT, 'schema.gql'), 'utf8'));
    const storage = getMetadataStorage();
    const checked: string[] = [];
    const problems: string[] = [];
    for (const file of inputFiles(join(ROOT, 'src'))) {
      const exported = Object.values(await import(file)) as unknown[];
      for (const target of exported) {
        if (typeof target !== 'function') continue;
        const type = schema.getType(target.name);
        if (!isInputObjectType(type)) continue;
        const fields = type.getFields();
        for (const meta of storage.getTargetValidationMetadatas(target, '', true, false)) {
          if (meta.name !== 'maxLength' && meta.name !== 'isLength') continue;
          const field = fields[meta.propertyName];
          if (!field) continue;
          const constraints = meta.constraints as number[];
          const max = meta.name === 'maxLength' ? constraints[0] : constraints[1];
          const stated = `${meta.each ? 'each at most' : 'at most'} ${max} characters`;
          checked.push(`${type.name}.${field.name}`);
          if (!field.description?.toLowerCase().includes(stated)) {
            problems.push(`${type.name}.${field.name}: "${field.description}" lacks "${stated}"`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toEqual(
      expect.arrayContaining(['UpdateProviderInput.bio', 'CreateFaqInput.answer']),
    );
  });
});
