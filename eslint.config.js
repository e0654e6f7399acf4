// House rules live in the linter. The import rules keep the layers honest:
// protocol/ is shared shapes only, and the client and the simulator are outside
// parties that reach the product through its public API, never through server code.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const ourLayers = (...layers) =>
  layers.map((layer) => ({
    group: [`**/${layer}/**`, `../${layer}`, `../../${layer}`],
    message: `this folder must not import ${layer}/ (see the import rules in README.md)`,
  }));

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'data', 'test-results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['client/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ourLayers('server', 'db', 'simulators') }],
    },
  },
  {
    files: ['simulators/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ourLayers('server', 'db', 'client') }],
    },
  },
  {
    files: ['protocol/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['../*'], message: 'protocol/ imports nothing of ours' },
            ...ourLayers('server', 'db', 'client', 'simulators'),
          ],
        },
      ],
    },
  },
  {
    // Tests may check simulator output against the server's own rules and fixtures.
    files: ['simulators/**/*.test.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Command-line entry points report to their operator on stdout.
    files: [
      'server/main.ts',
      'simulators/cli.ts',
      'conformance/cli.ts',
      'simulators/ais-replay.ts',
      'test/**',
      'bench/**',
      '.ci/**',
    ],
    rules: { 'no-console': 'off' },
  },
);
