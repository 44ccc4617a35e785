import { Alert, Box, Button, Group, Loader, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useMutation, useQuery } from 'urql';
import { Link, Route, Switch } from 'wouter';
import { describeError } from './api/errors';
import { preloaded } from './api/preloaded';
import { type Session, session } from './api/session';
import { mayLeave } from './forms/unsaved-guard';
import { graphql } from './gql';
import { AdminLinks } from './pages/admin/AdminLinks';
import { ClinicsPage } from './pages/ClinicsPage';
import { NotFoundPage } from './pages/NotFoundPage';

// Each screen is its own chunk, loaded when first opened; the clinic
// workspace, every editor's first stop, loads at once.
const ClinicWorkspacePage = preloaded(() => import('./pages/ClinicWorkspacePage'));
const TreatmentPage = lazy(() => import('./pages/TreatmentPage'));
const FaqsPage = lazy(() => import('./pages/FaqsPage'));
const ChangesPage = lazy(() => import('./pages/ChangesPage'));
const ProvidersPage = lazy(() => import('./pages/ProvidersPage'));
const HistoryPage = lazy(() => import('./pages/HistoryPage'));
const FieldPoliciesPage = lazy(() => import('./pages/FieldPoliciesPage'));
const DriftReportPage = lazy(() => import('./pages/DriftReportPage'));
const BrandContentPage = lazy(() => import('./pages/BrandContentPage'));
const BrandTreatmentPage = lazy(() => import('./pages/BrandTreatmentPage'));
const PeoplePage = lazy(() => import('./pages/admin/PeoplePage'));
const ApiKeysPage = lazy(() => import('./pages/admin/ApiKeysPage'));
const WebhooksPage = lazy(() => import('./pages/admin/WebhooksPage'));
const WebhookDeliveriesPage = lazy(() => import('./pages/admin/WebhookDeliveriesPage'));
const AuditLogPage = lazy(() => import('./pages/admin/AuditLogPage'));

const Logout = graphql(`
  mutation Logout {
    logout
  }
`);

const Me = graphql(`
  query Me {
    me {
      id
      brand {
        slug
        name
        viewerCanSetFieldPolicies {
          allowed
        }
        viewerCanReviewDrift {
          allowed
        }
        viewerCanEditContent {
          allowed
        }
        viewerCanManageAccounts {
          allowed
        }
        viewerCanManageWebhooks {
          allowed
        }
        viewerCanReadAuditLog {
          allowed
        }
      }
    }
  }
`);

/** Everything behind sign-in, loaded as its own chunk. */
export default function SignedInApp({ session: current }: { session: Session }) {
  const [, logout] = useMutation(Logout);
  const [{ data, error }] = useQuery({ query: Me });
  const brand = data?.me?.brand;

  async function signOut() {
    if (!mayLeave()) return;
    await logout({});
    // Whatever the server answered, this tab forgets the session.
    session.set(null);
  }

  return (
    // Plain boxes, not AppShell: its responsive sizes are <style> tags, which the CSP refuses.
    <>
      <Box component="header" px="md" py="xs" className="console-header">
        <Group justify="space-between" wrap="wrap">
          <Link href="/" className="console-home-link">
            <Title order={2} size="h4">
              {brand ? `${brand.name} · ` : ''}Clinic console
            </Title>
          </Link>
          <Group gap="sm" wrap="wrap">
            {brand?.viewerCanEditContent.allowed && (
              <Link href="/brand" className="console-header-link">
                Brand content
              </Link>
            )}
            {brand?.viewerCanReviewDrift.allowed && (
              <Link href="/drift" className="console-header-link">
                Drift report
              </Link>
            )}
            {brand?.viewerCanSetFieldPolicies.allowed && (
              <Link href="/policies" className="console-header-link">
                Field policies
              </Link>
            )}
            <Link href="/changes" className="console-header-link">
              Your changes
            </Link>
            {brand && (
              <AdminLinks
                people={brand.viewerCanManageAccounts.allowed}
                webhooks={brand.viewerCanManageWebhooks.allowed}
                audit={brand.viewerCanReadAuditLog.allowed}
              />
            )}
            <Text size="sm" truncate>
              {current.user.displayName || current.user.email}
            </Text>
            <Button variant="default" size="xs" onClick={signOut}>
              Sign out
            </Button>
          </Group>
        </Group>
      </Box>
      <Box component="main" p="md">
        {error && (
          <Alert color="red" role="alert">
            {describeError(error)}
          </Alert>
        )}
        {!brand ? (
          !error && <Loader aria-label="Loading" />
        ) : (
          <Suspense fallback={<Loader aria-label="Loading" />}>
            <Switch>
              <Route path="/">
                <ClinicsPage />
              </Route>
              <Route path="/clinics/:slug">
                {(params) => <ClinicWorkspacePage brand={brand.slug} slug={params.slug} />}
              </Route>
              <Route path="/changes">
                <ChangesPage brand={brand.slug} />
              </Route>
              <Route path="/brand">
                <BrandContentPage brand={brand.slug} />
              </Route>
              <Route path="/brand/history/:type/:id">
                {(params) => <HistoryPage brand={brand.slug} type={params.type} id={params.id} />}
              </Route>
              <Route path="/brand/treatments/:slug">
                {(params) => <BrandTreatmentPage brand={brand.slug} slug={params.slug} />}
              </Route>
              <Route path="/policies">
                <FieldPoliciesPage />
              </Route>
              <Route path="/drift">
                <DriftReportPage />
              </Route>
              <Route path="/admin/people">
                <PeoplePage />
              </Route>
              <Route path="/admin/api-keys">
                <ApiKeysPage />
              </Route>
              {/* Admin screens only for those the API lets use them; "Not found" otherwise. */}
              <Route path="/admin/webhooks">
                {brand.viewerCanManageWebhooks.allowed ? <WebhooksPage /> : <NotFoundPage />}
              </Route>
              <Route path="/admin/webhooks/:id">
                {(params) =>
                  brand.viewerCanManageWebhooks.allowed ? (
                    <WebhookDeliveriesPage endpointId={params.id} />
                  ) : (
                    <NotFoundPage />
                  )
                }
              </Route>
              <Route path="/admin/audit">
                {brand.viewerCanReadAuditLog.allowed ? <AuditLogPage /> : <NotFoundPage />}
              </Route>
              <Route path="/clinics/:slug/providers">
                {(params) => <ProvidersPage brand={brand.slug} slug={params.slug} />}
              </Route>
              <Route path="/clinics/:slug/faqs">
                {(params) => <FaqsPage brand={brand.slug} slug={params.slug} />}
              </Route>
              <Route path="/clinics/:clinic/history/:type/:id">
                {(params) => (
                  <HistoryPage
                    brand={brand.slug}
                    clinic={params.clinic}
                    type={params.type}
                    id={params.id}
                  />
                )}
              </Route>
              <Route path="/clinics/:clinic/treatments/:treatment">
                {(params) => (
                  <TreatmentPage
                    brand={brand.slug}
                    clinic={params.clinic}
                    treatment={params.treatment}
                  />
                )}
              </Route>
              <Route>
                <NotFoundPage />
              </Route>
            </Switch>
          </Suspense>
        )}
      </Box>
    </>
  );
}
