import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { DomainError } from '../../common/domain-error';
import { DraftWriterService } from '../../editing/draft-writer.service';
import { EditableItem, toEditableItem } from '../../editing/dtos/editable-item.object';
import { plain, setFields } from '../../editing/editable-values';
import type { OpeningHoursEntry } from '../../clinics/clinic.entity';
import { CreateClinicInput, UpdateClinicInput } from './dtos/clinic.inputs';
import { openingHoursProblems, sortOpeningHours } from '../../clinics/opening-hours';
import { WriteContext } from '../../graphql/context.decorators';

/**
 * Clinic details as drafts. Brand-wide editors create clinics; the editors
 * of a clinic and of its region keep its details and hours current, all but
 * the fields the CLINIC type def keeps for the brand (slug, region, currency).
 */
@Resolver()
export class ClinicEditingResolver {
  constructor(private readonly drafts: DraftWriterService) {}

  @Mutation(() => EditableItem, { description: 'Creates a clinic as a draft of your brand.' })
  async createClinic(
    @Args('input', { description: 'The operation’s fields; see the input type.' })
    input: CreateClinicInput,
    @WriteContext() write: WriteContext,
  ): Promise<EditableItem> {
    return toEditableItem(await this.drafts.createInOwnBrand(write, 'CLINIC', clinicValues(input)));
  }

  @Mutation(() => EditableItem, {
    description: 'Changes a clinic’s draft: details, location, hours, status.',
  })
  async updateClinic(
    @Args('input', { description: 'The operation’s fields; see the input type.' })
    input: UpdateClinicInput,
    @WriteContext() write: WriteContext,
  ): Promise<EditableItem> {
    return toEditableItem(
      await this.drafts.update(
        write,
        { type: 'CLINIC', id: input.id, version: input.version },
        clinicValues(input, ['id', 'version']),
      ),
    );
  }
}

/** The set fields, opening hours checked (opening-hours.ts) and stored in week order. */
function clinicValues<T extends CreateClinicInput | UpdateClinicInput>(
  input: T,
  omit: (keyof T)[] = [],
): Record<string, unknown> {
  const values = plain(setFields(input, omit));
  const hours = values.openingHours as OpeningHoursEntry[] | undefined;
  if (hours) {
    const problems = openingHoursProblems(hours, 'openingHours');
    if (problems.length) {
      throw new DomainError(
        'BAD_USER_INPUT',
        problems.map((problem) => `${problem.path}: ${problem.rule}`).join('; '),
        { argument: problems[0].path, problems },
      );
    }
    values.openingHours = sortOpeningHours(hours);
  }
  return values;
}
