/** OAuth2's own error answers (RFC 6749 §5.2), which Discord uses on its token routes instead of `{code, message}`. */
export class OAuthError extends Error {
  readonly status: number;
  readonly error: string;

  constructor(status: number, error: string, description: string) {
    super(description);
    this.status = status;
    this.error = error;
  }

  get body(): { error: string; error_description: string } {
    return { error: this.error, error_description: this.message };
  }
}

export const invalidClient = () => new OAuthError(401, 'invalid_client', 'Invalid client');
export const invalidGrant = (description: string) => new OAuthError(400, 'invalid_grant', description);
export const invalidRequest = (description: string) => new OAuthError(400, 'invalid_request', description);
export const unsupportedGrantType = () => new OAuthError(400, 'unsupported_grant_type', 'Unsupported grant type');
