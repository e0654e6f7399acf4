// Once per `npm test`: build the client, so the browser tests see the current code and
// the real server serves it as `npm start` would.
import { build } from 'vite';

export default async function setup(): Promise<void> {
  await build({
    configFile: new URL('../vite.config.ts', import.meta.url).pathname,
    logLevel: 'warn',
  });
}
