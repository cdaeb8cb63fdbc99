// @refresh reload
import { createHandler, StartServer } from '@solidjs/start/server';
import { panelRequestContext } from './lib/panel-context.ts';
import { currentThemeChoice, themeAttribute } from './lib/theme.ts';

export default createHandler(
  () => (
    <StartServer
      document={({ assets, children, scripts }) => (
        <html lang="en" data-theme={themeAttribute(currentThemeChoice())}>
          <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1" />
            <meta name="color-scheme" content="light dark" />
            <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
            {assets}
          </head>
          <body>
            <div id="app">{children}</div>
            {scripts}
          </body>
        </html>
      )}
    />
  ),
  // The web process puts a fresh nonce in each page's Content-Security-Policy (web/server/panel/); SolidStart adds it
  // to every script it writes into the page.
  (event) => ({ nonce: panelRequestContext(event).cspNonce }),
);
