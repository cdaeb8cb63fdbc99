// @refresh reload
import { mount, StartClient } from '@solidjs/start/client';

const root = document.getElementById('app');
if (!root) {
  throw new Error('The page has no #app element to hydrate');
}
mount(() => <StartClient />, root);
// The page now answers to every interaction (Solid replays only clicks and input that came before): said on <html>
// for styles that need it and for the browser tests.
document.documentElement.dataset.hydrated = 'true';
