// Lets tests run the TypeScript worker entry directly: tsx compiles it inside the worker.
import { register } from 'tsx/esm/api';

register();
await import('../../electron/backend/jobs/worker-entry.ts');
