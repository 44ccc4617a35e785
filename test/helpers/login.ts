import type { TestApp } from './test-app';

/** The seed's dev-only demo editors (seeds/content/demo-editors.ts). */
export const DEMO_PASSWORD = 'lumen-demo-password';
export const DEMO_EDITORS = {
  admin: 'admin@lumen-aesthetics.example',
  editor: 'editor@lumen-aesthetics.example',
  texas: 'texas@lumen-aesthetics.example',
  austin: 'austin@lumen-aesthetics.example',
  reviewer: 'reviewer@lumen-aesthetics.example',
} as const;

/** Logs a demo editor in; returns the headers that carry its access token. */
export async function loginAs(
  app: TestApp,
  who: keyof typeof DEMO_EDITORS,
): Promise<Record<string, string>> {
  const { body } = await app.graphql<{ login: { accessToken: string } }>(
    `mutation($input: LoginInput!) { login(input: $input) { accessToken } }`,
    { input: { email: DEMO_EDITORS[who], password: DEMO_PASSWORD } },
  );
  if (!body.data?.login) throw new Error(`login as ${who} failed: ${JSON.stringify(body.errors)}`);
  return { authorization: `Bearer ${body.data.login.accessToken}` };
}
