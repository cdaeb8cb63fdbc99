/** The driver refusing something a real Discord client could not do (unknown button, hidden channel, bad option). */
export class SandboxDriverError extends Error {
  override name = 'SandboxDriverError';
}
