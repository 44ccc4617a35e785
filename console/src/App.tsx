import { Center, Loader } from '@mantine/core';
import { lazy, Suspense, useEffect, useState } from 'react';
import { Route, Router, Switch } from 'wouter';
import { preloaded } from './api/preloaded';
import { session, type Session } from './api/session';
import { mayLeave } from './forms/unsaved-guard';
import { SignInPage } from './pages/SignInPage';

// Route-level splitting: sign-in loads nothing of the screens behind it
// before it shows; the signed-in shell loads beside it, as nearly every
// visit needs it next.
const SignedInApp = preloaded(() => import('./SignedInApp'));
const SetPasswordPage = lazy(() => import('./pages/SetPasswordPage'));

function useSession(): { current: Session | null; resuming: boolean } {
  const [current, setCurrent] = useState(session.get());
  const [resuming, setResuming] = useState(true);
  useEffect(() => {
    const unsubscribe = session.subscribe(setCurrent);
    // A reload keeps the editor signed in through the refresh cookie.
    void session.refresh().finally(() => setResuming(false));
    return unsubscribe;
  }, []);
  return { current, resuming };
}

const Loading = () => (
  <Center h="100vh">
    <Loader aria-label="Loading" />
  </Center>
);

export function App() {
  const { current, resuming } = useSession();
  if (resuming && !current) return <Loading />;
  return (
    <Router
      base="/console"
      // Every navigation inside the console asks first when a form has unsaved changes.
      aroundNav={(navigate, to, options) => {
        if (mayLeave()) navigate(to, options);
      }}
    >
      <Switch>
        {/* Public: an invited editor has no session yet. */}
        <Route path="/set-password">
          <Suspense fallback={<Loading />}>
            <SetPasswordPage />
          </Suspense>
        </Route>
        <Route>
          {current ? (
            <Suspense fallback={<Loading />}>
              <SignedInApp session={current} />
            </Suspense>
          ) : (
            <SignInPage />
          )}
        </Route>
      </Switch>
    </Router>
  );
}
