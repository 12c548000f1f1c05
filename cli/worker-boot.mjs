// Starts cli/worker.ts in a worker thread. Loader hooks are per thread in Node 20 (a worker does
// not inherit tsx from its parent), so TypeScript support is registered here first.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
