import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { APP_CONFIG } from '../config/app-config';
import type { AppConfig } from '../config/app-config';
import { WebhookDispatcherService } from './webhook-dispatcher.service';
import { WebhookEndpointsService } from './webhook-endpoints.service';
import { WebhookOutboxService } from './webhook-outbox.service';
import { WEBHOOK_SECRET_BOX, webhookSecretBox } from './webhook-secret-key';

/** Signed webhooks: endpoints, the outbox written with each change, the dispatcher. */
@Module({
  imports: [AuditModule],
  providers: [
    WebhookEndpointsService,
    WebhookOutboxService,
    WebhookDispatcherService,
    {
      provide: WEBHOOK_SECRET_BOX,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => webhookSecretBox(config),
    },
  ],
  exports: [WebhookEndpointsService, WebhookOutboxService, WebhookDispatcherService],
})
export class WebhooksModule {}
