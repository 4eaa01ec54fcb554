// Shared set-up for browser tests: Debian's Chromium driven by playwright-core (never a
// downloaded browser), and the project's static server with its strict CSP.
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function launch() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}

export async function serve() {
  const server = await startServer(0);
  const { port } = server.address();
  return { server, base: `http://127.0.0.1:${port}` };
}

/** Collects console errors and CSP violations of a page, for asserting there were none. */
export function watchErrors(page) {
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}
