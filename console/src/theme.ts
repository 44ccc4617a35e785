import { createTheme } from '@mantine/core';

/** Mantine's defaults (their CSS variables ship in styles.css; see main.tsx). */
export const theme = createTheme({});
