import { MetaProvider, Title } from '@solidjs/meta';
import { Router, revalidate, useLocation } from '@solidjs/router';
import { FileRoutes } from '@solidjs/start/router';
import { createEffect, ErrorBoundary, on, Suspense } from 'solid-js';
import { ErrorNotice } from './components/ErrorNotice.tsx';
import { SiteHeader } from './components/SiteHeader.tsx';
import './app.css';

export default function App() {
  return (
    <Router
      root={(props) => {
        let main: HTMLElement | undefined;
        const location = useLocation();
        // After a client-side navigation, keyboard and screen-reader users continue from the new page's content.
        createEffect(
          on(
            () => location.pathname,
            () => main?.focus(),
            { defer: true },
          ),
        );
        return (
          <MetaProvider>
            <Title>Ticketflow</Title>
            <a
              class="skip-link"
              href="#main"
              // Handled here, before the router would take the link for a navigation: focus moves to the content.
              on:click={(event) => {
                event.preventDefault();
                main?.focus();
              }}
            >
              Skip to content
            </a>
            <SiteHeader />
            <main id="main" tabindex="-1" ref={main}>
              <ErrorBoundary
                fallback={(error, reset) => (
                  <ErrorNotice
                    error={error}
                    retry={() => {
                      // Asks the API again rather than showing the failed answer the router still holds.
                      void revalidate();
                      reset();
                    }}
                  />
                )}
              >
                <Suspense fallback={<p class="loading">Loading…</p>}>{props.children}</Suspense>
              </ErrorBoundary>
            </main>
          </MetaProvider>
        );
      }}
    >
      <FileRoutes />
    </Router>
  );
}
