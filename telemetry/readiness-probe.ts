/**
 * `node telemetry/readiness-probe.ts <port>`: exits 0 when the process on this host answers `/readyz` with 200
 * within 4 s, 1 otherwise. The image's health check (it has no curl); plain Node runs it, no tsx, no imports.
 */
const port = process.argv[2];
const response = await fetch(`http://127.0.0.1:${port}/readyz`, { signal: AbortSignal.timeout(4_000) }).catch(
  () => null,
);
process.exit(response?.ok ? 0 : 1);

// A module (top-level await), though it imports nothing.
export {};
