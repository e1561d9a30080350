import { config } from 'zod';

// Importing the contract builds zod schemas, and zod then probes `new Function` for its fast
// path. Under the app's CSP (no 'unsafe-eval') that probe is reported as a violation, so the
// renderer turns the fast path off before anything imports a schema. Keep this import first.
config({ jitless: true });
