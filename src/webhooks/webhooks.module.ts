import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { WebhookDispatcherService } from './webhook-dispatcher.service';
import { WebhookEndpointsService } from './webhook-endpoints.service';
import { WebhookOutboxService } from './webhook-outbox.service';

/** Signed webhooks: endpoints, the outbox written with each change, the dispatcher. */
@Module({
  imports: [AuditModule],
  providers: [WebhookEndpointsService, WebhookOutboxService, WebhookDispatcherService],
  exports: [WebhookEndpointsService, WebhookOutboxService, WebhookDispatcherService],
})
export class WebhooksModule {}
