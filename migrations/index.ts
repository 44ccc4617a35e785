import { ContentModel1764057600000 } from './1764057600000-content-model';
import { Identity1764057700000 } from './1764057700000-identity';
import { Editing1764057800000 } from './1764057800000-editing';
import { FieldPolicyIds1764057900000 } from './1764057900000-field-policy-ids';
import { Syndication1764058100000 } from './1764058100000-syndication';
import { AccountSecurity1796354686529 } from './1796354686529-account-security';
import { ScheduleFailureReason1796355041019 } from './1796355041019-schedule-failure-reason';
import { DeploymentEpoch1796357460448 } from './1796357460448-deployment-epoch';
import { ContentChangesItemIndex1796358652774 } from './1796358652774-content-changes-item-index';
import { DeploymentIdentity1796360000000 } from './1796360000000-deployment-identity';
import { ClaimRules1796360000000 } from './1796360000000-claim-rules';
import { MedicalReview1796360100000 } from './1796360100000-medical-review';
import { ProviderLicences1796360200000 } from './1796360200000-provider-licences';
import { ClinicalSources1796360300000 } from './1796360300000-clinical-sources';
import { WebhookDeliveriesEndpointDueIndex1796368472000 } from './1796368472000-webhook-deliveries-endpoint-due-index';
import { ReviewRevisions1796370000000 } from './1796370000000-review-revisions';
import { OverridesBrandFieldIndex1796370100000 } from './1796370100000-overrides-brand-field-index';
import { RateLimitCounters1796370200000 } from './1796370200000-rate-limit-counters';
import { UserLastSignIn1796370320000 } from './1796370320000-user-last-sign-in';
import { AuditLogFilterIndexes1796370330001 } from './1796370330001-audit-log-filter-indexes';
import { ScheduledPublicationsPageIndex1796370340000 } from './1796370340000-scheduled-publications-page-index';
import { MarkdownRenderings1796370400000 } from './1796370400000-markdown-renderings';

/** Every migration, oldest first. A new migration file must be added here. */
export const MIGRATIONS = [
  ContentModel1764057600000,
  Identity1764057700000,
  Editing1764057800000,
  FieldPolicyIds1764057900000,
  Syndication1764058100000,
  AccountSecurity1796354686529,
  ScheduleFailureReason1796355041019,
  DeploymentEpoch1796357460448,
  ContentChangesItemIndex1796358652774,
  DeploymentIdentity1796360000000,
  ClaimRules1796360000000,
  MedicalReview1796360100000,
  ProviderLicences1796360200000,
  ClinicalSources1796360300000,
  WebhookDeliveriesEndpointDueIndex1796368472000,
  ReviewRevisions1796370000000,
  OverridesBrandFieldIndex1796370100000,
  RateLimitCounters1796370200000,
  UserLastSignIn1796370320000,
  AuditLogFilterIndexes1796370330001,
  ScheduledPublicationsPageIndex1796370340000,
  MarkdownRenderings1796370400000,
];
