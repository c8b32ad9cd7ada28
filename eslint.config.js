// ESLint flat config: type-aware typescript-eslint plus the import boundaries of DESIGN.md
// ("Packages and what may import what"). `no-restricted-imports` options are replaced, not
// merged, when two blocks match one file, so every boundary block below lists its full set.
import { builtinModules } from 'node:module';

import js from '@eslint/js';
import prettier from 'eslint-config-prettier/flat';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const TS_FILES = ['**/*.{ts,tsx,mts,cts}'];
const JS_FILES = ['**/*.{js,mjs,cjs}'];
const TEST_FILES = ['**/*.{test,test-d,spec}.{ts,tsx}'];
// Tool configs (vitest, vite, playwright, drizzle, this file) are in no tsconfig.
const TOOL_CONFIG_FILES = ['**/*.config.{ts,mts,cts,js,mjs,cjs}'];

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const nodeBuiltins = builtinModules.filter((m) => !m.startsWith('_')).map(escape);

/** Source-string regexes (unanchored bodies), shared by the rules and the engine's allowlist. */
const re = {
  nodeBuiltin: `(?:node:.*|(?:${nodeBuiltins.join('|')})(?:/.*)?)`,
  hosts: '@attendflow/(?:server|designer)(?:/.*)?',
  attendflow: '@attendflow/.*',
  // Hosts excluded: `noHosts` already reports them.
  otherAttendflow: '@attendflow/(?!(?:server|designer)(?:/|$)).*',
  fastify: 'fastify.*|@fastify/.*',
  react: 'react.*',
  drizzle: 'drizzle-orm.*',
  postgres: 'postgres(?:/.*)?',
  xstate: 'xstate(?:/.*)?|@xstate/.*',
};
const anchored = (body) => `^(?:${body})$`;
const pattern = (body, message) => ({ regex: anchored(body), caseSensitive: true, message });
const restrict = (...groups) => ['error', { patterns: groups.flat() }];

const noHosts = pattern(
  re.hosts,
  'Nothing imports @attendflow/server or @attendflow/designer: they are hosts, not libraries.',
);
const noBuiltins = (where) =>
  pattern(
    re.nodeBuiltin,
    `Node built-ins are not allowed in ${where}: it must run in the browser.`,
  );

// engine: pure, runs in Node and in the browser; depends on xstate and zod only.
const engineAllowed = (extra) => {
  const allowed = ['\\.{1,2}/.*', 'xstate(?:/.*)?', 'zod(?:/.*)?', ...extra];
  const named = [re.nodeBuiltin, re.hosts, re.attendflow, re.fastify, re.react, re.drizzle];
  return [
    noBuiltins('the engine'),
    pattern(re.otherAttendflow, 'The engine imports no other @attendflow package.'),
    pattern(re.fastify, 'The engine knows nothing about its hosts: no Fastify.'),
    pattern(re.react, 'The engine knows nothing about its hosts: no React.'),
    pattern(re.drizzle, 'The engine does no I/O: no drizzle-orm.'),
    pattern(re.postgres, 'The engine does no I/O: no database driver.'),
    // Anything else that is not on the allowlist (the named groups above report themselves).
    {
      regex: `^(?!(?:${[...allowed, ...named, re.postgres].join('|')})$)`,
      caseSensitive: true,
      message: `The engine may import only xstate, zod and relative files${
        extra.length ? ' (tests: also vitest and fast-check)' : ''
      }.`,
    },
  ];
};

// nodes: written only against the engine's public plugin API.
const nodes = [
  pattern(re.xstate, 'Node and channel authors never import XState: the mapping is the engine’s.'),
  pattern(re.fastify, 'Channel adapters never import Fastify.'),
  pattern(
    '@attendflow/engine/(?!testing$).*',
    'Import the engine through its entry points: @attendflow/engine or @attendflow/engine/testing.',
  ),
];
const noEngineTestKit = pattern(
  '@attendflow/engine/testing',
  '@attendflow/engine/testing is the test kit: import it only from tests and src/testing/.',
);
const browserSafe = [
  noBuiltins('node definitions'),
  pattern(
    '(?:.*/)?(?:runtime|adapter|simulators?)(?:\\.[cm]?[jt]s)?',
    'Definitions are browser-safe: never import a runtime, adapter or simulator module.',
  ),
];

// examples/channel-plugin: what a plugin author outside this repository has, and nothing else.
const outOfTreePlugin = (extra) => {
  const allowed = [
    '\\.{1,2}/(?!.*(?:packages|examples)/).*',
    '@attendflow/engine',
    'zod(?:/.*)?',
    re.nodeBuiltin,
    ...extra,
  ];
  return [
    {
      regex: `^(?!(?:${allowed.join('|')})$)`,
      caseSensitive: true,
      message: `An out-of-tree plugin imports only @attendflow/engine, zod, Node built-ins and its own files${
        extra.length ? ' (tests and fixtures: also @attendflow/engine/testing and vitest)' : ''
      }.`,
    },
  ];
};

// Node runtimes run in the browser too (the designer's simulator): no Node, no adapters.
const browserSafeRuntime = [
  noBuiltins('node runtimes'),
  pattern(
    '(?:.*/)?(?:adapter|simulators?|simulator-kit/.*)(?:\\.[cm]?[jt]s)?|(?:\\.\\./)+runtime(?:\\.js)?',
    'Node runtimes are browser-safe: never import an adapter, a simulator or the runtime list.',
  ),
];

// designer: engine, nodes/definitions and nodes/node-runtimes only (both browser-safe).
const designer = [
  pattern(re.xstate, 'The designer uses the engine, never XState directly.'),
  pattern(
    '@attendflow/nodes(?!/(?:definitions|node-runtimes)$)(?:/.*)?',
    'The designer imports only @attendflow/nodes/definitions and /node-runtimes (browser-safe).',
  ),
];

export default defineConfig(
  globalIgnores([
    '**/dist/**',
    '**/node_modules/**',
    '**/coverage/**',
    '**/.data/**',
    '**/test-results/**',
    '**/playwright-report/**',
  ]),

  {
    files: [...TS_FILES, ...JS_FILES],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      'no-console': 'error',
      'no-restricted-imports': restrict(noHosts),
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', fixStyle: 'separate-type-imports' },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },

  // Files outside every tsconfig: plain JS and tool configs are linted without type information.
  {
    files: [...JS_FILES, ...TOOL_CONFIG_FILES],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },

  // Import boundaries (DESIGN.md). Later blocks win, so each one repeats what it inherits.
  {
    files: ['packages/engine/src/**'],
    rules: { 'no-restricted-imports': restrict(noHosts, engineAllowed([])) },
  },
  {
    files: TEST_FILES.map((g) => `packages/engine/src/${g}`),
    rules: {
      'no-restricted-imports': restrict(
        noHosts,
        engineAllowed(['vitest(?:/.*)?', 'fast-check(?:/.*)?']),
      ),
    },
  },
  {
    files: ['packages/nodes/src/**'],
    rules: { 'no-restricted-imports': restrict(noHosts, nodes, noEngineTestKit) },
  },
  {
    files: [...TEST_FILES.map((g) => `packages/nodes/src/${g}`), 'packages/nodes/src/testing/**'],
    rules: { 'no-restricted-imports': restrict(noHosts, nodes) },
  },
  {
    files: ['packages/nodes/src/**/definition.ts', 'packages/nodes/src/definitions.ts'],
    rules: { 'no-restricted-imports': restrict(noHosts, nodes, noEngineTestKit, browserSafe) },
  },
  {
    files: [
      'packages/nodes/src/node-runtimes.ts',
      'packages/nodes/src/nodes/**',
      'packages/nodes/src/shared/**',
      'packages/nodes/src/channels/*/nodes/**',
    ],
    ignores: TEST_FILES,
    rules: {
      'no-restricted-imports': restrict(noHosts, nodes, noEngineTestKit, browserSafeRuntime),
    },
  },
  {
    files: ['packages/designer/src/**'],
    rules: { 'no-restricted-imports': restrict(noHosts, designer) },
  },

  // The out-of-tree plugin proves the public API is enough: engine entry points, zod, Node only.
  {
    files: ['examples/channel-plugin/src/**'],
    rules: { 'no-restricted-imports': restrict(noHosts, outOfTreePlugin([])) },
  },
  {
    files: [
      ...TEST_FILES.map((g) => `examples/channel-plugin/src/${g}`),
      'examples/channel-plugin/src/fixtures/**',
    ],
    rules: {
      'no-restricted-imports': restrict(
        noHosts,
        outOfTreePlugin(['@attendflow/engine/testing', 'vitest(?:/.*)?']),
      ),
    },
  },

  // Fastify plugins are async functions by contract, whether or not they await.
  {
    files: ['packages/server/src/routes/**', 'packages/server/src/plugins/**'],
    rules: { '@typescript-eslint/require-await': 'off' },
  },

  // Programs that talk to a terminal.
  {
    files: ['examples/**', '**/bench/**', '**/scripts/**'],
    rules: { 'no-console': 'off' },
  },

  prettier,
);
