import { Column, Entity } from 'typeorm';

/** A refresh token already exchanged; seeing it again revokes its session. */
@Entity('retired_refresh_tokens')
export class RetiredRefreshTokenEntity {
  @Column({ name: 'token_hash', type: 'text', primary: true })
  tokenHash: string;

  @Column({ name: 'session_id', type: 'uuid' })
  sessionId: string;

  @Column({ name: 'retired_at', type: 'timestamptz', default: () => 'now()' })
  retiredAt: Date;
}
