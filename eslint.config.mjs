// `npm run lint`: typescript-eslint's recommended rules, and the layering of the code as rules, so an import that
// runs back up (see the README's map of the layers) fails the build instead of waiting for a review.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Folders of src/core, top to bottom; each may import only from those below it. */
const layers = [['assist'], ['check', 'jira'], ['config', 'snapshot'], ['catalog'], ['recipe'], ['text']];

const layerRules = layers.flatMap((row, index) => {
  const above = layers.slice(0, index + 1).flat();
  return row.map((folder) => ({
    files: [`src/core/${folder}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['vscode'], message: 'src/core is plain TypeScript: no vscode here.' },
            ...above
              .filter((other) => other !== folder)
              .map((other) => ({
                group: [`../${other}`, `../${other}/*`, `../../${other}`, `../../${other}/*`],
                message: `src/core/${folder} sits below src/core/${other}: imports run downward only.`,
              })),
            ...(folder !== 'recipe' ? [{ group: ['yaml', 'jsonc-parser'], message: 'Parsers belong to the format adapters in src/core/recipe.' }] : []),
          ],
        },
      ],
    },
  }));
});

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'test-artifacts/**', 'test/jira-sim/contracts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        __filename: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        URL: 'readonly',
        TextDecoder: 'readonly',
        TextEncoder: 'readonly',
        AbortController: 'readonly',
        AbortSignal: 'readonly',
        fetch: 'readonly',
        Buffer: 'readonly',
        structuredClone: 'readonly',
        queueMicrotask: 'readonly',
        setImmediate: 'readonly',
        performance: 'readonly',
        NodeJS: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-require-imports': 'off',
      'max-len': [
        'error',
        { code: 160, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true, ignoreUrls: true, ignoreComments: false },
      ],
    },
  },
  ...layerRules,
);
