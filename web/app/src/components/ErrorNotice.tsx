import { ApiError } from '../lib/api.ts';

/** What went wrong, in words, with a way to try again: the fallback of the panel's error boundaries. */
export function ErrorNotice(props: { error: unknown; retry?: () => void }) {
  const message = () => {
    const error = props.error;
    if (error instanceof ApiError) {
      return error.message;
    }
    if (error instanceof TypeError) {
      return 'The panel could not reach the server. Check your connection and try again.';
    }
    return error instanceof Error ? error.message : 'Something went wrong.';
  };
  return (
    <div class="notice notice-error" role="alert">
      <p>
        <strong>That did not work.</strong> {message()}
      </p>
      {props.retry && (
        <button type="button" class="button" onClick={() => props.retry?.()}>
          Try again
        </button>
      )}
    </div>
  );
}
