import { DomainError } from '../common/domain-error';
import { editingErrors } from './editing.errors';

const FAQ = { type: 'FAQ' as const, id: 'f-1' };

/**
 * The catalogue's words are a contract: clients read the codes and details,
 * editors and the docs' examples the messages.
 */
describe('editingErrors', () => {
  it('names a stale item, its current version and what to do', () => {
    const error = editingErrors.staleVersion(FAQ, 2, 3);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: 'CONFLICT',
      message:
        'FAQ f-1: version 2 is stale, the item is at version 3. Reload it and apply your change again.',
      details: { currentVersion: 3, type: 'FAQ', id: 'f-1' },
    });
    expect(editingErrors.staleVersion(FAQ, 2, 3, 'Review its current draft.').message).toBe(
      'FAQ f-1: version 2 is stale, the item is at version 3. Review its current draft.',
    );
  });

  it('asks for the version when a save without one finds an item there', () => {
    expect(editingErrors.versionRequired('an override exists here', 4)).toMatchObject({
      code: 'CONFLICT',
      message:
        'version: an override exists here at version 4; send the version your change is based on',
      details: { currentVersion: 4 },
    });
  });

  it('says when what a change was based on is gone', () => {
    expect(editingErrors.basisGone('policy')).toMatchObject({
      code: 'CONFLICT',
      message:
        'The policy your change is based on no longer exists. Reload and apply your change again.',
      details: { currentVersion: null },
    });
    expect(editingErrors.itemGone({ type: 'OVERRIDE', id: 'o-1' })).toMatchObject({
      code: 'CONFLICT',
      message:
        'OVERRIDE o-1 no longer exists: it was reset or deleted since you loaded it. Reload and choose again.',
      details: { currentVersion: null, type: 'OVERRIDE', id: 'o-1' },
    });
  });

  it('names the argument of bad input', () => {
    expect(editingErrors.notEditableField('CLINIC', 'brandId')).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: 'brandId: is not an editable field of CLINIC',
      details: { argument: 'brandId' },
    });
    expect(editingErrors.foreignReference('regionId')).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: 'regionId: no such item in this brand',
      details: { argument: 'regionId' },
    });
    expect(editingErrors.emptyChangeset()).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: 'items: give at least one item',
    });
  });

  it('refuses a status change with FORBIDDEN', () => {
    expect(editingErrors.statusChangeRefused().code).toBe('FORBIDDEN');
  });
});
