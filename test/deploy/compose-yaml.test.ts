import { describe, expect, it } from 'vitest';
import { parseComposeYaml } from './compose-yaml.ts';

describe("the reader of docker-compose.yml's YAML", () => {
  it('reads mappings, sequences, quoted and plain scalars, flow sequences (over lines too), comments and merged anchors', () => {
    const yaml = [
      'x-base: &base # shared',
      '  init: true',
      '  restart: unless-stopped',
      'services:',
      '  app:',
      '    <<: *base',
      '    restart: "no"',
      '    ports:',
      '      - "127.0.0.1:80:8080"',
      '      - data:/var/data',
      '    test: ["CMD-SHELL", \'echo "$$X", done\']',
      '    retries: 3',
      '    url: postgresql://u:p@db:5432/x#not-a-comment',
      '    command:',
      '      [',
      '        "sh",',
      '        "-c",',
      '      ]',
    ].join('\n');
    expect(parseComposeYaml(yaml)).toEqual({
      'x-base': { init: true, restart: 'unless-stopped' },
      services: {
        app: {
          init: true,
          restart: 'no',
          ports: ['127.0.0.1:80:8080', 'data:/var/data'],
          test: ['CMD-SHELL', 'echo "$$X", done'],
          retries: 3,
          url: 'postgresql://u:p@db:5432/x#not-a-comment',
          command: ['sh', '-c'],
        },
      },
    });
  });

  it('refuses what it does not read rather than misread it', () => {
    expect(() => parseComposeYaml('a: {b: 1}')).toThrow('line 1: flow mappings and block scalars are not supported');
    expect(() => parseComposeYaml('a: |\n  text')).toThrow('line 1');
    expect(() => parseComposeYaml('a:\n\tb: 1')).toThrow('line 2: tabs');
    expect(() => parseComposeYaml('a: *missing')).toThrow('unknown anchor missing');
    expect(() => parseComposeYaml('a: 1\na: 2')).toThrow('line 2: a appears twice');
  });
});
