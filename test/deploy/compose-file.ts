import { readFileSync } from 'node:fs';
import { parseComposeYaml } from './compose-yaml.ts';

export const ROOT = new URL('../../', import.meta.url);

export interface ComposeService {
  image?: string;
  build?: string;
  init?: boolean;
  restart?: string;
  command?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  stop_grace_period?: string;
  ports?: string[];
}

/** docker-compose.yml's services, as docker compose reads them (anchors and merge keys applied). */
export function composeServices(): Record<string, ComposeService> {
  const compose = parseComposeYaml(readFileSync(new URL('docker-compose.yml', ROOT), 'utf8')) as unknown as {
    services: Record<string, ComposeService>;
  };
  return compose.services;
}

/** Services that run once and exit (the migrate step): what others wait to have completed, not to be healthy. */
export function isOneShot(service: ComposeService): boolean {
  return service.restart === 'no';
}
