import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The webhook worker claims each endpoint's earliest due deliveries, a few
 * per endpoint, so one slow receiver cannot take every send slot
 * (src/webhooks/webhook-dispatcher.service.ts): that lookup goes by endpoint
 * and due time, over pending deliveries only.
 */
export class WebhookDeliveriesEndpointDueIndex1796368472000 implements MigrationInterface {
  name = 'WebhookDeliveriesEndpointDueIndex1796368472000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX webhook_deliveries_endpoint_due_idx ON webhook_deliveries (endpoint_id, next_attempt_at, id) WHERE status = 'PENDING'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX webhook_deliveries_endpoint_due_idx`);
  }
}
