/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  query Me {\n    me {\n      id\n      brand {\n        slug\n        name\n      }\n    }\n  }\n": typeof types.MeDocument,
    "\n  query EditableDrafts {\n    editableDrafts {\n      type\n      id\n      version\n      values\n      clinicIds\n      viewerCan {\n        publish {\n          allowed\n          reason\n        }\n      }\n    }\n  }\n": typeof types.EditableDraftsDocument,
    "\n  mutation PublishChanges($input: PublishInput!) {\n    publish(input: $input) {\n      id\n    }\n  }\n": typeof types.PublishChangesDocument,
    "\n  query ClinicItem($id: ID!) {\n    item(type: CLINIC, id: $id) {\n      id\n      version\n      values\n      viewerCan {\n        edit {\n          allowed\n          reason\n        }\n      }\n    }\n  }\n": typeof types.ClinicItemDocument,
    "\n  mutation UpdateClinicDetails($input: UpdateClinicInput!) {\n    updateClinic(input: $input) {\n      id\n      version\n    }\n  }\n": typeof types.UpdateClinicDetailsDocument,
    "\n  mutation CreateClinicFaq($input: CreateFaqInput!) {\n    createFaq(input: $input) {\n      id\n      version\n    }\n  }\n": typeof types.CreateClinicFaqDocument,
    "\n  mutation UpdateClinicFaq($input: UpdateFaqInput!) {\n    updateFaq(input: $input) {\n      id\n      version\n    }\n  }\n": typeof types.UpdateClinicFaqDocument,
    "\n  query PreviewMarkdown($text: String!, $clinicId: ID) {\n    previewMarkdown(text: $text, clinicId: $clinicId)\n  }\n": typeof types.PreviewMarkdownDocument,
    "\n  mutation SaveOverride($input: SetOverrideInput!) {\n    setOverride(input: $input) {\n      outcome\n      item {\n        type\n        id\n        version\n      }\n    }\n  }\n": typeof types.SaveOverrideDocument,
    "\n  query CurrentOverride($clinicId: ID!, $treatmentId: ID!) {\n    overrides(clinicId: $clinicId, entityType: TREATMENT, entityId: $treatmentId) {\n      id\n      version\n      values\n    }\n  }\n": typeof types.CurrentOverrideDocument,
    "\n  query PublicAndPreview($brand: String!, $clinic: String!, $treatment: String!) {\n    live: clinic(brand: $brand, slug: $clinic) {\n      id\n      treatment(slug: $treatment) {\n        id\n        disclaimerHtml\n        prices {\n          id\n          label\n          isFromPrice\n          amount {\n            formatted\n          }\n        }\n      }\n    }\n    preview: clinic(brand: $brand, slug: $clinic, preview: true) {\n      id\n      treatment(slug: $treatment) {\n        id\n        disclaimerHtml\n        prices {\n          id\n          label\n          isFromPrice\n          amount {\n            formatted\n          }\n        }\n      }\n    }\n  }\n": typeof types.PublicAndPreviewDocument,
    "\n  query PriceItem($id: ID!) {\n    item(type: PRICE_ITEM, id: $id) {\n      id\n      version\n      values\n    }\n  }\n": typeof types.PriceItemDocument,
    "\n  mutation UpdatePrice($input: UpdatePriceItemInput!) {\n    updatePriceItem(input: $input) {\n      id\n      version\n      hasDraft\n    }\n  }\n": typeof types.UpdatePriceDocument,
    "\n  query Schedules {\n    scheduledPublications {\n      id\n      status\n      publishAt\n      createdBy\n      # Ids only: which drafts it publishes (the query stays within the cost limit).\n      items {\n        id\n      }\n      viewerCan {\n        cancel {\n          allowed\n          reason\n        }\n      }\n    }\n  }\n": typeof types.SchedulesDocument,
    "\n  mutation SchedulePublish($input: SchedulePublishInput!) {\n    schedulePublish(input: $input) {\n      id\n      publishAt\n    }\n  }\n": typeof types.SchedulePublishDocument,
    "\n  mutation CancelSchedule($id: ID!) {\n    cancelScheduledPublication(id: $id) {\n      id\n      status\n    }\n  }\n": typeof types.CancelScheduleDocument,
    "\n  query LatestItem($type: ContentType!, $id: ID!) {\n    item(type: $type, id: $id) {\n      id\n      version\n      values\n    }\n    revisions(type: $type, id: $id, first: 1) {\n      edges {\n        node {\n          id\n          actorLabel\n          createdAt\n        }\n      }\n    }\n  }\n": typeof types.LatestItemDocument,
    "\n  query PlacesOfEditor {\n    editableClinics {\n      id\n      itemId\n      name\n      timezone\n    }\n  }\n": typeof types.PlacesOfEditorDocument,
    "\n  query ClinicWorkspace($brand: String!, $slug: String!) {\n    clinic(brand: $brand, slug: $slug, preview: true) {\n      id\n      itemId\n      slug\n      name\n      phone\n      email\n      timezone\n      status\n      address {\n        line1\n        line2\n        city\n        region\n        postalCode\n        country\n      }\n      openingHours {\n        day\n        opens\n        closes\n      }\n      viewerCan {\n        edit {\n          allowed\n          reason\n        }\n      }\n      workSummary {\n        draftCount\n        staleOverrideCount\n        missingRequiredCount\n      }\n      treatments {\n        id\n        slug\n        name\n        fieldSources {\n          field\n          stale\n          missing\n        }\n      }\n    }\n  }\n": typeof types.ClinicWorkspaceDocument,
    "\n  query EditableClinics($search: String) {\n    editableClinics(search: $search) {\n      id\n      slug\n      name\n      address {\n        city\n      }\n      region {\n        name\n      }\n      workSummary {\n        draftCount\n        staleOverrideCount\n        missingRequiredCount\n      }\n    }\n  }\n": typeof types.EditableClinicsDocument,
    "\n  query ClinicFaqs($brand: String!, $slug: String!) {\n    clinic(brand: $brand, slug: $slug, preview: true) {\n      id\n      itemId\n      slug\n      name\n      timezone\n      viewerCan {\n        edit {\n          allowed\n          reason\n        }\n        publish {\n          allowed\n          reason\n        }\n      }\n      treatments {\n        id\n        itemId\n        name\n      }\n      faqs {\n        id\n        itemId\n        scope\n        question\n        editable {\n          id\n          version\n          values\n          viewerCan {\n            edit {\n              allowed\n              reason\n            }\n          }\n        }\n      }\n    }\n    brandFaqs: faqs(brand: $brand, preview: true, first: 100) {\n      edges {\n        node {\n          id\n          itemId\n          question\n        }\n      }\n    }\n  }\n": typeof types.ClinicFaqsDocument,
    "\n  query FaqOverrides($clinicId: ID!) {\n    overrides(clinicId: $clinicId, entityType: FAQ) {\n      id\n      version\n      values\n    }\n  }\n": typeof types.FaqOverridesDocument,
    "\n  mutation HideFaq($input: HideFaqInput!) {\n    hideFaq(input: $input) {\n      outcome\n    }\n  }\n": typeof types.HideFaqDocument,
    "\n  mutation ShowFaq($input: ShowFaqInput!) {\n    showFaq(input: $input) {\n      outcome\n    }\n  }\n": typeof types.ShowFaqDocument,
    "\n  mutation ReorderFaqs($input: ReorderFaqsInput!) {\n    reorderFaqs(input: $input) {\n      faqId\n      position\n    }\n  }\n": typeof types.ReorderFaqsDocument,
    "\n  query ItemHistory($brand: String!, $clinic: String!, $type: ContentType!, $id: ID!) {\n    clinic(brand: $brand, slug: $clinic, preview: true) {\n      id\n      slug\n      name\n      timezone\n    }\n    item(type: $type, id: $id) {\n      id\n      type\n      version\n      values\n      viewerCan {\n        edit {\n          allowed\n          reason\n        }\n      }\n    }\n    revisions(type: $type, id: $id, first: 50) {\n      totalCount\n      edges {\n        node {\n          id\n          action\n          actorLabel\n          createdAt\n          changedFields\n          version\n        }\n      }\n    }\n  }\n": typeof types.ItemHistoryDocument,
    "\n  query RevisionDiff($from: ID!, $to: ID!) {\n    revisionDiff(from: $from, to: $to) {\n      field\n      from\n      to\n    }\n  }\n": typeof types.RevisionDiffDocument,
    "\n  mutation RestoreRevision($input: RestoreRevisionInput!) {\n    restoreRevision(input: $input) {\n      id\n      version\n    }\n  }\n": typeof types.RestoreRevisionDocument,
    "\n  query ClinicProviders($brand: String!, $slug: String!) {\n    clinic(brand: $brand, slug: $slug, preview: true) {\n      id\n      itemId\n      slug\n      name\n      timezone\n      viewerCan {\n        edit {\n          allowed\n          reason\n        }\n      }\n      treatments {\n        id\n        itemId\n        name\n      }\n      providers {\n        id\n        itemId\n        name\n        credentials\n        title\n        photoUrl\n        treatments {\n          id\n          itemId\n          name\n        }\n        editable {\n          id\n          version\n          values\n          viewerCan {\n            edit {\n              allowed\n              reason\n            }\n            editBrandFields {\n              allowed\n              reason\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.ClinicProvidersDocument,
    "\n  mutation UpdateClinicProvider($input: UpdateProviderInput!) {\n    updateProvider(input: $input) {\n      id\n      version\n    }\n  }\n": typeof types.UpdateClinicProviderDocument,
    "\n  mutation StartBrowserSession($input: LoginInput!) {\n    startBrowserSession(input: $input) {\n      accessToken\n      accessTokenExpiresAt\n      user {\n        id\n        email\n        role\n        displayName\n      }\n    }\n  }\n": typeof types.StartBrowserSessionDocument,
    "\n  query ResolvedTreatment($brand: String!, $clinic: String!, $treatment: String!) {\n    clinic(brand: $brand, slug: $clinic, preview: true) {\n      id\n      itemId\n      slug\n      name\n      timezone\n      viewerCan {\n        edit {\n          allowed\n          reason\n        }\n        publish {\n          allowed\n          reason\n        }\n      }\n      treatment(slug: $treatment) {\n        id\n        itemId\n        ...TreatmentContent\n        prices {\n          id\n          itemId\n          label\n          kind\n          sessions\n          isFromPrice\n          validFrom\n          validUntil\n          amount {\n            amountMinor\n            currency\n            formatted\n          }\n        }\n        fieldSources {\n          field\n          scope\n          stale\n          missing\n        }\n      }\n    }\n    brandTreatment: treatment(brand: $brand, slug: $treatment, preview: true) {\n      id\n      ...TreatmentContent\n    }\n  }\n\n  # The fields a clinic may override, read at the clinic and at the brand alike.\n  fragment TreatmentContent on Treatment {\n    name\n    summary\n    disclaimer\n    aliases\n    contraindications\n    aftercare\n    combinesWith\n  }\n": typeof types.ResolvedTreatmentDocument,
    "\n  query ClinicOverrides($clinicId: ID!, $treatmentId: ID!) {\n    overrides(clinicId: $clinicId, entityType: TREATMENT, entityId: $treatmentId) {\n      id\n      version\n      values\n      viewerCan {\n        edit {\n          allowed\n          reason\n        }\n      }\n    }\n  }\n": typeof types.ClinicOverridesDocument,
    "\n  mutation KeepOverride($input: SetOverrideInput!) {\n    setOverride(input: $input) {\n      outcome\n      item {\n        type\n        id\n        version\n      }\n    }\n  }\n": typeof types.KeepOverrideDocument,
    "\n  mutation ClearOverride($input: ClearOverrideInput!) {\n    clearOverride(input: $input) {\n      outcome\n    }\n  }\n": typeof types.ClearOverrideDocument,
};
const documents: Documents = {
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  query Me {\n    me {\n      id\n      brand {\n        slug\n        name\n      }\n    }\n  }\n": types.MeDocument,
    "\n  query EditableDrafts {\n    editableDrafts {\n      type\n      id\n      version\n      values\n      clinicIds\n      viewerCan {\n        publish {\n          allowed\n          reason\n        }\n      }\n    }\n  }\n": types.EditableDraftsDocument,
    "\n  mutation PublishChanges($input: PublishInput!) {\n    publish(input: $input) {\n      id\n    }\n  }\n": types.PublishChangesDocument,
    "\n  query ClinicItem($id: ID!) {\n    item(type: CLINIC, id: $id) {\n      id\n      version\n      values\n      viewerCan {\n        edit {\n          allowed\n          reason\n        }\n      }\n    }\n  }\n": types.ClinicItemDocument,
    "\n  mutation UpdateClinicDetails($input: UpdateClinicInput!) {\n    updateClinic(input: $input) {\n      id\n      version\n    }\n  }\n": types.UpdateClinicDetailsDocument,
    "\n  mutation CreateClinicFaq($input: CreateFaqInput!) {\n    createFaq(input: $input) {\n      id\n      version\n    }\n  }\n": types.CreateClinicFaqDocument,
    "\n  mutation UpdateClinicFaq($input: UpdateFaqInput!) {\n    updateFaq(input: $input) {\n      id\n      version\n    }\n  }\n": types.UpdateClinicFaqDocument,
    "\n  query PreviewMarkdown($text: String!, $clinicId: ID) {\n    previewMarkdown(text: $text, clinicId: $clinicId)\n  }\n": types.PreviewMarkdownDocument,
    "\n  mutation SaveOverride($input: SetOverrideInput!) {\n    setOverride(input: $input) {\n      outcome\n      item {\n        type\n        id\n        version\n      }\n    }\n  }\n": types.SaveOverrideDocument,
    "\n  query CurrentOverride($clinicId: ID!, $treatmentId: ID!) {\n    overrides(clinicId: $clinicId, entityType: TREATMENT, entityId: $treatmentId) {\n      id\n      version\n      values\n    }\n  }\n": types.CurrentOverrideDocument,
    "\n  query PublicAndPreview($brand: String!, $clinic: String!, $treatment: String!) {\n    live: clinic(brand: $brand, slug: $clinic) {\n      id\n      treatment(slug: $treatment) {\n        id\n        disclaimerHtml\n        prices {\n          id\n          label\n          isFromPrice\n          amount {\n            formatted\n          }\n        }\n      }\n    }\n    preview: clinic(brand: $brand, slug: $clinic, preview: true) {\n      id\n      treatment(slug: $treatment) {\n        id\n        disclaimerHtml\n        prices {\n          id\n          label\n          isFromPrice\n          amount {\n            formatted\n          }\n        }\n      }\n    }\n  }\n": types.PublicAndPreviewDocument,
    "\n  query PriceItem($id: ID!) {\n    item(type: PRICE_ITEM, id: $id) {\n      id\n      version\n      values\n    }\n  }\n": types.PriceItemDocument,
    "\n  mutation UpdatePrice($input: UpdatePriceItemInput!) {\n    updatePriceItem(input: $input) {\n      id\n      version\n      hasDraft\n    }\n  }\n": types.UpdatePriceDocument,
    "\n  query Schedules {\n    scheduledPublications {\n      id\n      status\n      publishAt\n      createdBy\n      # Ids only: which drafts it publishes (the query stays within the cost limit).\n      items {\n        id\n      }\n      viewerCan {\n        cancel {\n          allowed\n          reason\n        }\n      }\n    }\n  }\n": types.SchedulesDocument,
    "\n  mutation SchedulePublish($input: SchedulePublishInput!) {\n    schedulePublish(input: $input) {\n      id\n      publishAt\n    }\n  }\n": types.SchedulePublishDocument,
    "\n  mutation CancelSchedule($id: ID!) {\n    cancelScheduledPublication(id: $id) {\n      id\n      status\n    }\n  }\n": types.CancelScheduleDocument,
    "\n  query LatestItem($type: ContentType!, $id: ID!) {\n    item(type: $type, id: $id) {\n      id\n      version\n      values\n    }\n    revisions(type: $type, id: $id, first: 1) {\n      edges {\n        node {\n          id\n          actorLabel\n          createdAt\n        }\n      }\n    }\n  }\n": types.LatestItemDocument,
    "\n  query PlacesOfEditor {\n    editableClinics {\n      id\n      itemId\n      name\n      timezone\n    }\n  }\n": types.PlacesOfEditorDocument,
    "\n  query ClinicWorkspace($brand: String!, $slug: String!) {\n    clinic(brand: $brand, slug: $slug, preview: true) {\n      id\n      itemId\n      slug\n      name\n      phone\n      email\n      timezone\n      status\n      address {\n        line1\n        line2\n        city\n        region\n        postalCode\n        country\n      }\n      openingHours {\n        day\n        opens\n        closes\n      }\n      viewerCan {\n        edit {\n          allowed\n          reason\n        }\n      }\n      workSummary {\n        draftCount\n        staleOverrideCount\n        missingRequiredCount\n      }\n      treatments {\n        id\n        slug\n        name\n        fieldSources {\n          field\n          stale\n          missing\n        }\n      }\n    }\n  }\n": types.ClinicWorkspaceDocument,
    "\n  query EditableClinics($search: String) {\n    editableClinics(search: $search) {\n      id\n      slug\n      name\n      address {\n        city\n      }\n      region {\n        name\n      }\n      workSummary {\n        draftCount\n        staleOverrideCount\n        missingRequiredCount\n      }\n    }\n  }\n": types.EditableClinicsDocument,
    "\n  query ClinicFaqs($brand: String!, $slug: String!) {\n    clinic(brand: $brand, slug: $slug, preview: true) {\n      id\n      itemId\n      slug\n      name\n      timezone\n      viewerCan {\n        edit {\n          allowed\n          reason\n        }\n        publish {\n          allowed\n          reason\n        }\n      }\n      treatments {\n        id\n        itemId\n        name\n      }\n      faqs {\n        id\n        itemId\n        scope\n        question\n        editable {\n          id\n          version\n          values\n          viewerCan {\n            edit {\n              allowed\n              reason\n            }\n          }\n        }\n      }\n    }\n    brandFaqs: faqs(brand: $brand, preview: true, first: 100) {\n      edges {\n        node {\n          id\n          itemId\n          question\n        }\n      }\n    }\n  }\n": types.ClinicFaqsDocument,
    "\n  query FaqOverrides($clinicId: ID!) {\n    overrides(clinicId: $clinicId, entityType: FAQ) {\n      id\n      version\n      values\n    }\n  }\n": types.FaqOverridesDocument,
    "\n  mutation HideFaq($input: HideFaqInput!) {\n    hideFaq(input: $input) {\n      outcome\n    }\n  }\n": types.HideFaqDocument,
    "\n  mutation ShowFaq($input: ShowFaqInput!) {\n    showFaq(input: $input) {\n      outcome\n    }\n  }\n": types.ShowFaqDocument,
    "\n  mutation ReorderFaqs($input: ReorderFaqsInput!) {\n    reorderFaqs(input: $input) {\n      faqId\n      position\n    }\n  }\n": types.ReorderFaqsDocument,
    "\n  query ItemHistory($brand: String!, $clinic: String!, $type: ContentType!, $id: ID!) {\n    clinic(brand: $brand, slug: $clinic, preview: true) {\n      id\n      slug\n      name\n      timezone\n    }\n    item(type: $type, id: $id) {\n      id\n      type\n      version\n      values\n      viewerCan {\n        edit {\n          allowed\n          reason\n        }\n      }\n    }\n    revisions(type: $type, id: $id, first: 50) {\n      totalCount\n      edges {\n        node {\n          id\n          action\n          actorLabel\n          createdAt\n          changedFields\n          version\n        }\n      }\n    }\n  }\n": types.ItemHistoryDocument,
    "\n  query RevisionDiff($from: ID!, $to: ID!) {\n    revisionDiff(from: $from, to: $to) {\n      field\n      from\n      to\n    }\n  }\n": types.RevisionDiffDocument,
    "\n  mutation RestoreRevision($input: RestoreRevisionInput!) {\n    restoreRevision(input: $input) {\n      id\n      version\n    }\n  }\n": types.RestoreRevisionDocument,
    "\n  query ClinicProviders($brand: String!, $slug: String!) {\n    clinic(brand: $brand, slug: $slug, preview: true) {\n      id\n      itemId\n      slug\n      name\n      timezone\n      viewerCan {\n        edit {\n          allowed\n          reason\n        }\n      }\n      treatments {\n        id\n        itemId\n        name\n      }\n      providers {\n        id\n        itemId\n        name\n        credentials\n        title\n        photoUrl\n        treatments {\n          id\n          itemId\n          name\n        }\n        editable {\n          id\n          version\n          values\n          viewerCan {\n            edit {\n              allowed\n              reason\n            }\n            editBrandFields {\n              allowed\n              reason\n            }\n          }\n        }\n      }\n    }\n  }\n": types.ClinicProvidersDocument,
    "\n  mutation UpdateClinicProvider($input: UpdateProviderInput!) {\n    updateProvider(input: $input) {\n      id\n      version\n    }\n  }\n": types.UpdateClinicProviderDocument,
    "\n  mutation StartBrowserSession($input: LoginInput!) {\n    startBrowserSession(input: $input) {\n      accessToken\n      accessTokenExpiresAt\n      user {\n        id\n        email\n        role\n        displayName\n      }\n    }\n  }\n": types.StartBrowserSessionDocument,
    "\n  query ResolvedTreatment($brand: String!, $clinic: String!, $treatment: String!) {\n    clinic(brand: $brand, slug: $clinic, preview: true) {\n      id\n      itemId\n      slug\n      name\n      timezone\n      viewerCan {\n        edit {\n          allowed\n          reason\n        }\n        publish {\n          allowed\n          reason\n        }\n      }\n      treatment(slug: $treatment) {\n        id\n        itemId\n        ...TreatmentContent\n        prices {\n          id\n          itemId\n          label\n          kind\n          sessions\n          isFromPrice\n          validFrom\n          validUntil\n          amount {\n            amountMinor\n            currency\n            formatted\n          }\n        }\n        fieldSources {\n          field\n          scope\n          stale\n          missing\n        }\n      }\n    }\n    brandTreatment: treatment(brand: $brand, slug: $treatment, preview: true) {\n      id\n      ...TreatmentContent\n    }\n  }\n\n  # The fields a clinic may override, read at the clinic and at the brand alike.\n  fragment TreatmentContent on Treatment {\n    name\n    summary\n    disclaimer\n    aliases\n    contraindications\n    aftercare\n    combinesWith\n  }\n": types.ResolvedTreatmentDocument,
    "\n  query ClinicOverrides($clinicId: ID!, $treatmentId: ID!) {\n    overrides(clinicId: $clinicId, entityType: TREATMENT, entityId: $treatmentId) {\n      id\n      version\n      values\n      viewerCan {\n        edit {\n          allowed\n          reason\n        }\n      }\n    }\n  }\n": types.ClinicOverridesDocument,
    "\n  mutation KeepOverride($input: SetOverrideInput!) {\n    setOverride(input: $input) {\n      outcome\n      item {\n        type\n        id\n        version\n      }\n    }\n  }\n": types.KeepOverrideDocument,
    "\n  mutation ClearOverride($input: ClearOverrideInput!) {\n    clearOverride(input: $input) {\n      outcome\n    }\n  }\n": types.ClearOverrideDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): (typeof documents)["\n  mutation Logout {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      id\n      brand {\n        slug\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      id\n      brand {\n        slug\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EditableDrafts {\n    editableDrafts {\n      type\n      id\n      version\n      values\n      clinicIds\n      viewerCan {\n        publish {\n          allowed\n          reason\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query EditableDrafts {\n    editableDrafts {\n      type\n      id\n      version\n      values\n      clinicIds\n      viewerCan {\n        publish {\n          allowed\n          reason\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishChanges($input: PublishInput!) {\n    publish(input: $input) {\n      id\n    }\n  }\n"): (typeof documents)["\n  mutation PublishChanges($input: PublishInput!) {\n    publish(input: $input) {\n      id\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClinicItem($id: ID!) {\n    item(type: CLINIC, id: $id) {\n      id\n      version\n      values\n      viewerCan {\n        edit {\n          allowed\n          reason\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ClinicItem($id: ID!) {\n    item(type: CLINIC, id: $id) {\n      id\n      version\n      values\n      viewerCan {\n        edit {\n          allowed\n          reason\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateClinicDetails($input: UpdateClinicInput!) {\n    updateClinic(input: $input) {\n      id\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateClinicDetails($input: UpdateClinicInput!) {\n    updateClinic(input: $input) {\n      id\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateClinicFaq($input: CreateFaqInput!) {\n    createFaq(input: $input) {\n      id\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation CreateClinicFaq($input: CreateFaqInput!) {\n    createFaq(input: $input) {\n      id\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateClinicFaq($input: UpdateFaqInput!) {\n    updateFaq(input: $input) {\n      id\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateClinicFaq($input: UpdateFaqInput!) {\n    updateFaq(input: $input) {\n      id\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PreviewMarkdown($text: String!, $clinicId: ID) {\n    previewMarkdown(text: $text, clinicId: $clinicId)\n  }\n"): (typeof documents)["\n  query PreviewMarkdown($text: String!, $clinicId: ID) {\n    previewMarkdown(text: $text, clinicId: $clinicId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveOverride($input: SetOverrideInput!) {\n    setOverride(input: $input) {\n      outcome\n      item {\n        type\n        id\n        version\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SaveOverride($input: SetOverrideInput!) {\n    setOverride(input: $input) {\n      outcome\n      item {\n        type\n        id\n        version\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CurrentOverride($clinicId: ID!, $treatmentId: ID!) {\n    overrides(clinicId: $clinicId, entityType: TREATMENT, entityId: $treatmentId) {\n      id\n      version\n      values\n    }\n  }\n"): (typeof documents)["\n  query CurrentOverride($clinicId: ID!, $treatmentId: ID!) {\n    overrides(clinicId: $clinicId, entityType: TREATMENT, entityId: $treatmentId) {\n      id\n      version\n      values\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PublicAndPreview($brand: String!, $clinic: String!, $treatment: String!) {\n    live: clinic(brand: $brand, slug: $clinic) {\n      id\n      treatment(slug: $treatment) {\n        id\n        disclaimerHtml\n        prices {\n          id\n          label\n          isFromPrice\n          amount {\n            formatted\n          }\n        }\n      }\n    }\n    preview: clinic(brand: $brand, slug: $clinic, preview: true) {\n      id\n      treatment(slug: $treatment) {\n        id\n        disclaimerHtml\n        prices {\n          id\n          label\n          isFromPrice\n          amount {\n            formatted\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PublicAndPreview($brand: String!, $clinic: String!, $treatment: String!) {\n    live: clinic(brand: $brand, slug: $clinic) {\n      id\n      treatment(slug: $treatment) {\n        id\n        disclaimerHtml\n        prices {\n          id\n          label\n          isFromPrice\n          amount {\n            formatted\n          }\n        }\n      }\n    }\n    preview: clinic(brand: $brand, slug: $clinic, preview: true) {\n      id\n      treatment(slug: $treatment) {\n        id\n        disclaimerHtml\n        prices {\n          id\n          label\n          isFromPrice\n          amount {\n            formatted\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PriceItem($id: ID!) {\n    item(type: PRICE_ITEM, id: $id) {\n      id\n      version\n      values\n    }\n  }\n"): (typeof documents)["\n  query PriceItem($id: ID!) {\n    item(type: PRICE_ITEM, id: $id) {\n      id\n      version\n      values\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdatePrice($input: UpdatePriceItemInput!) {\n    updatePriceItem(input: $input) {\n      id\n      version\n      hasDraft\n    }\n  }\n"): (typeof documents)["\n  mutation UpdatePrice($input: UpdatePriceItemInput!) {\n    updatePriceItem(input: $input) {\n      id\n      version\n      hasDraft\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Schedules {\n    scheduledPublications {\n      id\n      status\n      publishAt\n      createdBy\n      # Ids only: which drafts it publishes (the query stays within the cost limit).\n      items {\n        id\n      }\n      viewerCan {\n        cancel {\n          allowed\n          reason\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Schedules {\n    scheduledPublications {\n      id\n      status\n      publishAt\n      createdBy\n      # Ids only: which drafts it publishes (the query stays within the cost limit).\n      items {\n        id\n      }\n      viewerCan {\n        cancel {\n          allowed\n          reason\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SchedulePublish($input: SchedulePublishInput!) {\n    schedulePublish(input: $input) {\n      id\n      publishAt\n    }\n  }\n"): (typeof documents)["\n  mutation SchedulePublish($input: SchedulePublishInput!) {\n    schedulePublish(input: $input) {\n      id\n      publishAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelSchedule($id: ID!) {\n    cancelScheduledPublication(id: $id) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation CancelSchedule($id: ID!) {\n    cancelScheduledPublication(id: $id) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LatestItem($type: ContentType!, $id: ID!) {\n    item(type: $type, id: $id) {\n      id\n      version\n      values\n    }\n    revisions(type: $type, id: $id, first: 1) {\n      edges {\n        node {\n          id\n          actorLabel\n          createdAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query LatestItem($type: ContentType!, $id: ID!) {\n    item(type: $type, id: $id) {\n      id\n      version\n      values\n    }\n    revisions(type: $type, id: $id, first: 1) {\n      edges {\n        node {\n          id\n          actorLabel\n          createdAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlacesOfEditor {\n    editableClinics {\n      id\n      itemId\n      name\n      timezone\n    }\n  }\n"): (typeof documents)["\n  query PlacesOfEditor {\n    editableClinics {\n      id\n      itemId\n      name\n      timezone\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClinicWorkspace($brand: String!, $slug: String!) {\n    clinic(brand: $brand, slug: $slug, preview: true) {\n      id\n      itemId\n      slug\n      name\n      phone\n      email\n      timezone\n      status\n      address {\n        line1\n        line2\n        city\n        region\n        postalCode\n        country\n      }\n      openingHours {\n        day\n        opens\n        closes\n      }\n      viewerCan {\n        edit {\n          allowed\n          reason\n        }\n      }\n      workSummary {\n        draftCount\n        staleOverrideCount\n        missingRequiredCount\n      }\n      treatments {\n        id\n        slug\n        name\n        fieldSources {\n          field\n          stale\n          missing\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ClinicWorkspace($brand: String!, $slug: String!) {\n    clinic(brand: $brand, slug: $slug, preview: true) {\n      id\n      itemId\n      slug\n      name\n      phone\n      email\n      timezone\n      status\n      address {\n        line1\n        line2\n        city\n        region\n        postalCode\n        country\n      }\n      openingHours {\n        day\n        opens\n        closes\n      }\n      viewerCan {\n        edit {\n          allowed\n          reason\n        }\n      }\n      workSummary {\n        draftCount\n        staleOverrideCount\n        missingRequiredCount\n      }\n      treatments {\n        id\n        slug\n        name\n        fieldSources {\n          field\n          stale\n          missing\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EditableClinics($search: String) {\n    editableClinics(search: $search) {\n      id\n      slug\n      name\n      address {\n        city\n      }\n      region {\n        name\n      }\n      workSummary {\n        draftCount\n        staleOverrideCount\n        missingRequiredCount\n      }\n    }\n  }\n"): (typeof documents)["\n  query EditableClinics($search: String) {\n    editableClinics(search: $search) {\n      id\n      slug\n      name\n      address {\n        city\n      }\n      region {\n        name\n      }\n      workSummary {\n        draftCount\n        staleOverrideCount\n        missingRequiredCount\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClinicFaqs($brand: String!, $slug: String!) {\n    clinic(brand: $brand, slug: $slug, preview: true) {\n      id\n      itemId\n      slug\n      name\n      timezone\n      viewerCan {\n        edit {\n          allowed\n          reason\n        }\n        publish {\n          allowed\n          reason\n        }\n      }\n      treatments {\n        id\n        itemId\n        name\n      }\n      faqs {\n        id\n        itemId\n        scope\n        question\n        editable {\n          id\n          version\n          values\n          viewerCan {\n            edit {\n              allowed\n              reason\n            }\n          }\n        }\n      }\n    }\n    brandFaqs: faqs(brand: $brand, preview: true, first: 100) {\n      edges {\n        node {\n          id\n          itemId\n          question\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ClinicFaqs($brand: String!, $slug: String!) {\n    clinic(brand: $brand, slug: $slug, preview: true) {\n      id\n      itemId\n      slug\n      name\n      timezone\n      viewerCan {\n        edit {\n          allowed\n          reason\n        }\n        publish {\n          allowed\n          reason\n        }\n      }\n      treatments {\n        id\n        itemId\n        name\n      }\n      faqs {\n        id\n        itemId\n        scope\n        question\n        editable {\n          id\n          version\n          values\n          viewerCan {\n            edit {\n              allowed\n              reason\n            }\n          }\n        }\n      }\n    }\n    brandFaqs: faqs(brand: $brand, preview: true, first: 100) {\n      edges {\n        node {\n          id\n          itemId\n          question\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FaqOverrides($clinicId: ID!) {\n    overrides(clinicId: $clinicId, entityType: FAQ) {\n      id\n      version\n      values\n    }\n  }\n"): (typeof documents)["\n  query FaqOverrides($clinicId: ID!) {\n    overrides(clinicId: $clinicId, entityType: FAQ) {\n      id\n      version\n      values\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation HideFaq($input: HideFaqInput!) {\n    hideFaq(input: $input) {\n      outcome\n    }\n  }\n"): (typeof documents)["\n  mutation HideFaq($input: HideFaqInput!) {\n    hideFaq(input: $input) {\n      outcome\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ShowFaq($input: ShowFaqInput!) {\n    showFaq(input: $input) {\n      outcome\n    }\n  }\n"): (typeof documents)["\n  mutation ShowFaq($input: ShowFaqInput!) {\n    showFaq(input: $input) {\n      outcome\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReorderFaqs($input: ReorderFaqsInput!) {\n    reorderFaqs(input: $input) {\n      faqId\n      position\n    }\n  }\n"): (typeof documents)["\n  mutation ReorderFaqs($input: ReorderFaqsInput!) {\n    reorderFaqs(input: $input) {\n      faqId\n      position\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ItemHistory($brand: String!, $clinic: String!, $type: ContentType!, $id: ID!) {\n    clinic(brand: $brand, slug: $clinic, preview: true) {\n      id\n      slug\n      name\n      timezone\n    }\n    item(type: $type, id: $id) {\n      id\n      type\n      version\n      values\n      viewerCan {\n        edit {\n          allowed\n          reason\n        }\n      }\n    }\n    revisions(type: $type, id: $id, first: 50) {\n      totalCount\n      edges {\n        node {\n          id\n          action\n          actorLabel\n          createdAt\n          changedFields\n          version\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ItemHistory($brand: String!, $clinic: String!, $type: ContentType!, $id: ID!) {\n    clinic(brand: $brand, slug: $clinic, preview: true) {\n      id\n      slug\n      name\n      timezone\n    }\n    item(type: $type, id: $id) {\n      id\n      type\n      version\n      values\n      viewerCan {\n        edit {\n          allowed\n          reason\n        }\n      }\n    }\n    revisions(type: $type, id: $id, first: 50) {\n      totalCount\n      edges {\n        node {\n          id\n          action\n          actorLabel\n          createdAt\n          changedFields\n          version\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RevisionDiff($from: ID!, $to: ID!) {\n    revisionDiff(from: $from, to: $to) {\n      field\n      from\n      to\n    }\n  }\n"): (typeof documents)["\n  query RevisionDiff($from: ID!, $to: ID!) {\n    revisionDiff(from: $from, to: $to) {\n      field\n      from\n      to\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RestoreRevision($input: RestoreRevisionInput!) {\n    restoreRevision(input: $input) {\n      id\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation RestoreRevision($input: RestoreRevisionInput!) {\n    restoreRevision(input: $input) {\n      id\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClinicProviders($brand: String!, $slug: String!) {\n    clinic(brand: $brand, slug: $slug, preview: true) {\n      id\n      itemId\n      slug\n      name\n      timezone\n      viewerCan {\n        edit {\n          allowed\n          reason\n        }\n      }\n      treatments {\n        id\n        itemId\n        name\n      }\n      providers {\n        id\n        itemId\n        name\n        credentials\n        title\n        photoUrl\n        treatments {\n          id\n          itemId\n          name\n        }\n        editable {\n          id\n          version\n          values\n          viewerCan {\n            edit {\n              allowed\n              reason\n            }\n            editBrandFields {\n              allowed\n              reason\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ClinicProviders($brand: String!, $slug: String!) {\n    clinic(brand: $brand, slug: $slug, preview: true) {\n      id\n      itemId\n      slug\n      name\n      timezone\n      viewerCan {\n        edit {\n          allowed\n          reason\n        }\n      }\n      treatments {\n        id\n        itemId\n        name\n      }\n      providers {\n        id\n        itemId\n        name\n        credentials\n        title\n        photoUrl\n        treatments {\n          id\n          itemId\n          name\n        }\n        editable {\n          id\n          version\n          values\n          viewerCan {\n            edit {\n              allowed\n              reason\n            }\n            editBrandFields {\n              allowed\n              reason\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateClinicProvider($input: UpdateProviderInput!) {\n    updateProvider(input: $input) {\n      id\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateClinicProvider($input: UpdateProviderInput!) {\n    updateProvider(input: $input) {\n      id\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartBrowserSession($input: LoginInput!) {\n    startBrowserSession(input: $input) {\n      accessToken\n      accessTokenExpiresAt\n      user {\n        id\n        email\n        role\n        displayName\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation StartBrowserSession($input: LoginInput!) {\n    startBrowserSession(input: $input) {\n      accessToken\n      accessTokenExpiresAt\n      user {\n        id\n        email\n        role\n        displayName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ResolvedTreatment($brand: String!, $clinic: String!, $treatment: String!) {\n    clinic(brand: $brand, slug: $clinic, preview: true) {\n      id\n      itemId\n      slug\n      name\n      timezone\n      viewerCan {\n        edit {\n          allowed\n          reason\n        }\n        publish {\n          allowed\n          reason\n        }\n      }\n      treatment(slug: $treatment) {\n        id\n        itemId\n        ...TreatmentContent\n        prices {\n          id\n          itemId\n          label\n          kind\n          sessions\n          isFromPrice\n          validFrom\n          validUntil\n          amount {\n            amountMinor\n            currency\n            formatted\n          }\n        }\n        fieldSources {\n          field\n          scope\n          stale\n          missing\n        }\n      }\n    }\n    brandTreatment: treatment(brand: $brand, slug: $treatment, preview: true) {\n      id\n      ...TreatmentContent\n    }\n  }\n\n  # The fields a clinic may override, read at the clinic and at the brand alike.\n  fragment TreatmentContent on Treatment {\n    name\n    summary\n    disclaimer\n    aliases\n    contraindications\n    aftercare\n    combinesWith\n  }\n"): (typeof documents)["\n  query ResolvedTreatment($brand: String!, $clinic: String!, $treatment: String!) {\n    clinic(brand: $brand, slug: $clinic, preview: true) {\n      id\n      itemId\n      slug\n      name\n      timezone\n      viewerCan {\n        edit {\n          allowed\n          reason\n        }\n        publish {\n          allowed\n          reason\n        }\n      }\n      treatment(slug: $treatment) {\n        id\n        itemId\n        ...TreatmentContent\n        prices {\n          id\n          itemId\n          label\n          kind\n          sessions\n          isFromPrice\n          validFrom\n          validUntil\n          amount {\n            amountMinor\n            currency\n            formatted\n          }\n        }\n        fieldSources {\n          field\n          scope\n          stale\n          missing\n        }\n      }\n    }\n    brandTreatment: treatment(brand: $brand, slug: $treatment, preview: true) {\n      id\n      ...TreatmentContent\n    }\n  }\n\n  # The fields a clinic may override, read at the clinic and at the brand alike.\n  fragment TreatmentContent on Treatment {\n    name\n    summary\n    disclaimer\n    aliases\n    contraindications\n    aftercare\n    combinesWith\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClinicOverrides($clinicId: ID!, $treatmentId: ID!) {\n    overrides(clinicId: $clinicId, entityType: TREATMENT, entityId: $treatmentId) {\n      id\n      version\n      values\n      viewerCan {\n        edit {\n          allowed\n          reason\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ClinicOverrides($clinicId: ID!, $treatmentId: ID!) {\n    overrides(clinicId: $clinicId, entityType: TREATMENT, entityId: $treatmentId) {\n      id\n      version\n      values\n      viewerCan {\n        edit {\n          allowed\n          reason\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation KeepOverride($input: SetOverrideInput!) {\n    setOverride(input: $input) {\n      outcome\n      item {\n        type\n        id\n        version\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation KeepOverride($input: SetOverrideInput!) {\n    setOverride(input: $input) {\n      outcome\n      item {\n        type\n        id\n        version\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClearOverride($input: ClearOverrideInput!) {\n    clearOverride(input: $input) {\n      outcome\n    }\n  }\n"): (typeof documents)["\n  mutation ClearOverride($input: ClearOverrideInput!) {\n    clearOverride(input: $input) {\n      outcome\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;