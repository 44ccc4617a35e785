import { Module } from '@nestjs/common';
import { EditingModule } from '../editing/editing.module';
import { ReadModeModule } from '../read-mode/read-mode.module';
import { FieldPolicyEditingService } from './field-policy-editing.service';
import { OverrideEditingService } from './override-editing.service';

/**
 * Writing overrides and field policies. Apart from ContentResolutionModule
 * (delivery), so features that edit local content (FAQs) can use it without
 * importing delivery in a circle.
 */
@Module({
  imports: [EditingModule, ReadModeModule],
  providers: [OverrideEditingService, FieldPolicyEditingService],
  exports: [OverrideEditingService, FieldPolicyEditingService],
})
export class OverridesModule {}
