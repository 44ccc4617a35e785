import '@mantine/core/styles.css';
import './console.css';
import { MantineProvider } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Provider as GraphqlProvider } from 'urql';
import { client } from './api/client';
import { App } from './App';
import { theme } from './theme';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {/* No <style> tags at run time (the CSP allows style files only):
        the default CSS variables and global classes come from styles.css. */}
    <MantineProvider
      theme={theme}
      forceColorScheme="light"
      withCssVariables={false}
      withGlobalClasses={false}
    >
      <GraphqlProvider value={client}>
        <App />
      </GraphqlProvider>
    </MantineProvider>
  </StrictMode>,
);
