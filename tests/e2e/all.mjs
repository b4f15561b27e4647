// Every suite (*.test.mjs here) in one process, so one browser serves them all:
// scripts/e2e.mjs runs this file once per engine. A single suite still runs on its
// own: `E2E_ENGINE=firefox node --test tests/e2e/cms-page.test.mjs`.
import { readdirSync } from 'node:fs';

for (const file of readdirSync(new URL('.', import.meta.url))
  .filter((f) => f.endsWith('.test.mjs'))
  .sort())
  await import(`./${file}`);
