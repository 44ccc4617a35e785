import { getMetadataStorage } from 'class-validator';

type Lookup = ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas'];

let installed = false;

/**
 * class-validator finds the rules of a class anew on every validation: it
 * walks every class it knows, with an `instanceof` each, for the inherited
 * ones. Nest's ValidationPipe asks twice per input (once for nested binary
 * values), and an override's value is validated by its field's input class
 * once more: about 2 % of an editor's save (docs/benchmarks.md, round 9).
 * The rules change only when a decorator registers more (as classes are
 * defined, at load), so each answer is kept per class and options until
 * then: any registration empties the memo, and the answer is exactly the
 * one class-validator would give. Its callers only read the list.
 */
export function memoizeValidationRules(): void {
  if (installed) return;
  installed = true;
  const storage = getMetadataStorage();
  const lookup: Lookup = storage.getTargetValidationMetadatas.bind(storage);
  let memo = new WeakMap<object, Map<string, ReturnType<Lookup>>>();
  const addValidation = storage.addValidationMetadata.bind(storage);
  const addConstraint = storage.addConstraintMetadata.bind(storage);
  storage.addValidationMetadata = (metadata) => {
    memo = new WeakMap();
    addValidation(metadata);
  };
  storage.addConstraintMetadata = (metadata) => {
    memo = new WeakMap();
    addConstraint(metadata);
  };
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    // Schemas (a string target) and odd targets are looked up as they come.
    if (typeof target !== 'function') return lookup(target, schema, always, strictGroups, groups);
    const key = `${schema}\n${always}\n${strictGroups}\n${groups?.join('\n') ?? ''}`;
    let byOptions = memo.get(target);
    if (!byOptions) memo.set(target, (byOptions = new Map()));
    let rules = byOptions.get(key);
    if (!rules) {
      rules = lookup(target, schema, always, strictGroups, groups);
      byOptions.set(key, rules);
    }
    return rules;
  };
}
