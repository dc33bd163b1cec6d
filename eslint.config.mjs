import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ['.next*/**', '.scratch/**', 'e2e/screenshots/**', 'test-reports/**', 'node_modules/**', 'lib/generated/**', '.data/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts'],
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Test helpers such as useTestDatabase() are not React hooks.
    files: ['tests/**/*.ts', 'e2e/**/*.ts'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  {
    // The billing engine is pure: no database, framework, UI or I/O.
    files: ['lib/billing/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/db/**', '**/lib/db', '@/lib/db/**'], message: 'lib/billing is pure: no database access.' },
            { group: ['next', 'next/*', 'react', 'react-dom', '@prisma/*', '**/generated/**'], message: 'lib/billing is pure: no framework or Prisma imports.' },
            { group: ['node:fs', 'fs', 'node:fs/*', 'node:child_process', 'node:net', 'node:http'], message: 'lib/billing is pure: no I/O.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'Date', message: 'lib/billing never reads the clock; dates come in as arguments.' }],
    },
  },
  {
    // Pages load, components render: a component never queries the database itself. Types
    // from a queries module are fine (the DTOs the page passes in as props).
    files: ['components/**/*.ts', 'components/**/*.tsx'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/lib/db', '@/lib/db/*', '**/lib/db', '**/lib/db/*'],
              message: 'Components never import lib/db: the page loads the data and passes it as props.',
            },
            {
              group: ['@/lib/*/queries', '**/lib/*/queries'],
              allowTypeImports: true,
              message: 'Components never run queries: the page loads the data and passes it as props (type imports are fine).',
            },
          ],
        },
      ],
    },
  },
];

export default config;
