import MarkdownIt from 'markdown-it';

/** Raw HTML in the Markdown is shown as text: step labels and recipe names come from the recipes. */
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

/** The webview's actions: a button's `data-action` is the message it posts. */
export const PANEL_ACTIONS = [
  { action: 'copyAccessRequest', label: 'Copy access request' },
  { action: 'copyMarkdown', label: 'Copy Markdown report' },
  { action: 'copySchemeJson', label: 'Copy scheme JSON' },
] as const;

/** Where the report's step links point (`#step-3`): the webview posts the index, the extension opens the step. */
export function stepAnchor(index: number): string {
  return `#step-${index}`;
}

/**
 * The panel's whole document: the report rendered from its Markdown, the action buttons, and a script that turns
 * clicks into messages. Strict CSP: nothing but the nonce'd style and script, no remote resource of any kind.
 */
export function reportPanelHtml(reportMarkdown: string, nonce: string): string {
  const buttons = PANEL_ACTIONS.map((a) => `<button type="button" data-action="${a.action}">${a.label}</button>`).join('\n    ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <title>Required Jira permissions</title>
  <style nonce="${nonce}">${STYLE}</style>
</head>
<body>
  <nav class="actions">
    ${buttons}
  </nav>
  <main>
${renderReport(reportMarkdown)}
  </main>
  <script nonce="${nonce}">${SCRIPT}</script>
</body>
</html>
`;
}

/** The report's Markdown as HTML; its one piece of HTML, the `<br>` between a cell's steps, kept as such. */
function renderReport(reportMarkdown: string): string {
  return markdown.render(reportMarkdown).replaceAll('&lt;br&gt;', '<br>');
}

/** Only VS Code's theme variables: the panel follows the theme, light, dark or high contrast. */
const STYLE = `
body { color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); padding: 0 20px 20px; line-height: 1.5; }
a { color: var(--vscode-textLink-foreground); text-decoration: none; cursor: pointer; }
a:hover, a:focus { color: var(--vscode-textLink-activeForeground); text-decoration: underline; }
h1, h2, h3 { font-weight: 600; }
h2 { border-bottom: 1px solid var(--vscode-panel-border); padding-bottom: 4px; }
table { border-collapse: collapse; margin: 8px 0 16px; }
th, td { border: 1px solid var(--vscode-panel-border); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: var(--vscode-editorWidget-background); }
tr:hover td { background: var(--vscode-list-hoverBackground); }
code { font-family: var(--vscode-editor-font-family); background: var(--vscode-textCodeBlock-background); padding: 1px 4px; border-radius: 3px; }
.actions { position: sticky; top: 0; display: flex; flex-wrap: wrap; gap: 8px; padding: 12px 0; background: var(--vscode-editor-background); border-bottom: 1px solid var(--vscode-panel-border); }
button { color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: 1px solid var(--vscode-button-border, transparent); padding: 4px 12px; cursor: pointer; font-family: inherit; white-space: nowrap; }
button:hover { background: var(--vscode-button-hoverBackground); }
button:focus { outline: 1px solid var(--vscode-focusBorder); outline-offset: 2px; }
`;

const SCRIPT = `
const vscode = acquireVsCodeApi();
document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target.closest('a, button') : null;
  if (!target) return;
  if (target.dataset.action) return vscode.postMessage({ type: target.dataset.action });
  event.preventDefault();
  const step = /^#step-(\\d+)$/.exec(target.getAttribute('href') || '');
  if (step) vscode.postMessage({ type: 'openStep', step: Number(step[1]) });
});
`;
