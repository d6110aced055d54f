import * as vscode from 'vscode';
import {
  EMPTY_CONFIG,
  parseWorkspaceConfig,
  WORKSPACE_CONFIG_FILE,
  WorkspaceConfigError,
  type IgnoreRule,
  type WorkspaceConfig,
} from '../core/config/workspace-config';

/**
 * `.jira-recipe-lint.json` at the root of the workspace folders (the file the CLI reads too): which site each n8n
 * credential or Workato connection signs in to. Followed on disk; a broken file is logged and counts as empty.
 */
export class WorkspaceConfigFile implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private current: WorkspaceConfig = EMPTY_CONFIG;
  private readonly watcher = vscode.workspace.createFileSystemWatcher(`**/${WORKSPACE_CONFIG_FILE}`);
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly log: vscode.LogOutputChannel) {
    const reload = () => void this.load();
    this.subscriptions = [
      this.watcher,
      this.watcher.onDidCreate(reload),
      this.watcher.onDidChange(reload),
      this.watcher.onDidDelete(reload),
      vscode.workspace.onDidChangeWorkspaceFolders(reload),
    ];
  }

  get config(): WorkspaceConfig {
    return this.current;
  }

  /** Reads the file of every workspace folder; the first folder's mapping wins where names repeat. */
  async load(): Promise<void> {
    const connections = new Map<string, string>();
    const ignore: IgnoreRule[] = [];
    for (const folder of [...(vscode.workspace.workspaceFolders ?? [])].reverse()) {
      const uri = vscode.Uri.joinPath(folder.uri, WORKSPACE_CONFIG_FILE);
      let text: string;
      try {
        text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      } catch {
        continue;
      }
      try {
        const config = parseWorkspaceConfig(text, vscode.workspace.asRelativePath(uri));
        for (const [name, site] of config.connections) connections.set(name, site);
        // Globs are relative to each file's folder; recipes are matched by their path in their own folder.
        ignore.push(...(config.ignore ?? []));
      } catch (e) {
        if (!(e instanceof WorkspaceConfigError)) throw e;
        this.log.warn(e.message);
      }
    }
    const key = (c: WorkspaceConfig) => JSON.stringify([[...c.connections], c.ignore ?? []]);
    const before = key(this.current);
    this.current = { connections, ignore };
    if (key(this.current) !== before) this.changed.fire();
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}
