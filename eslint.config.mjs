// Lint: typescript-eslint strict on the TypeScript sources and tests.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', '.vscode-e2e/**', '.tmp/**', '**/*.js', '**/*.mjs'] },
  ...tseslint.configs.strict,
  {
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['server/src/{text,syntax,model,check,format,yaml,features,sync,runtime}/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['vscode', 'vscode-languageserver*', 'vscode-languageclient*', '**/lsp/**', '**/cli/**'],
              message: 'The language core and the engine know neither LSP, VS Code nor the CLI.',
            },
          ],
        },
      ],
    },
  },
);
