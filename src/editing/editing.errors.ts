import { DomainError } from '../common/domain-error';
import type { ContentType } from '../content-types/registry';

/** What an item is called in a refusal: its type and id. */
interface Named {
  type: ContentType;
  id: string;
}

const RELOAD = 'Reload it and apply your change again.';

/**
 * The editing area's refusals, each message written once: the client code
 * (`extensions.code`) and the words editors and the docs' examples see.
 * Writers throw these instead of building their own texts, so one conflict
 * reads the same whichever door the write came through.
 */
export const editingErrors = {
  /**
   * CONFLICT: the version the caller based a change on is not the item's. Names the item, so
   * a changeset's refusal says which of its items is stale; `advice` says what to do next.
   */
  staleVersion(item: Named, expected: number, current: number, advice = RELOAD): DomainError {
    return new DomainError(
      'CONFLICT',
      `${item.type} ${item.id}: version ${expected} is stale, the item is at version ${current}. ${advice}`,
      { currentVersion: current, type: item.type, id: item.id },
    );
  },

  /**
   * CONFLICT: a save that would create the item (no version given) found one already there,
   * e.g. `existing` "an override exists here".
   */
  versionRequired(existing: string, current: number): DomainError {
    return new DomainError(
      'CONFLICT',
      `version: ${existing} at version ${current}; send the version your change is based on`,
      { currentVersion: current },
    );
  },

  /** CONFLICT: the caller sent a version of an item (`what`) that is gone since. */
  basisGone(what: 'override' | 'policy'): DomainError {
    return new DomainError(
      'CONFLICT',
      `The ${what} your change is based on no longer exists. Reload and apply your change again.`,
      { currentVersion: null },
    );
  },

  /** CONFLICT: an item the caller selected was reset or deleted since they read it. */
  itemGone(item: Named): DomainError {
    return new DomainError(
      'CONFLICT',
      `${item.type} ${item.id} no longer exists: it was reset or deleted since you loaded it. Reload and choose again.`,
      { currentVersion: null, type: item.type, id: item.id },
    );
  },

  /**
   * FORBIDDEN: the caller may edit the item (it is theirs to read, so the refusal may say
   * why) but not change whether it is live.
   */
  statusChangeRefused(): DomainError {
    return new DomainError(
      'FORBIDDEN',
      'Only brand-wide editors may put this item live, take it off the site or delete it',
    );
  },

  /** BAD_USER_INPUT: a property the content type does not let anyone write. */
  notEditableField(type: ContentType, property: string): DomainError {
    return new DomainError('BAD_USER_INPUT', `${property}: is not an editable field of ${type}`, {
      argument: property,
    });
  },

  /** BAD_USER_INPUT (to brand-wide editors): a reference to a region, clinic … of no item of the brand. */
  foreignReference(argument: string): DomainError {
    return new DomainError('BAD_USER_INPUT', `${argument}: no such item in this brand`, {
      argument,
    });
  },

  /** BAD_USER_INPUT: a publish that names no item. */
  emptyChangeset(): DomainError {
    return new DomainError('BAD_USER_INPUT', 'items: give at least one item');
  },
};
