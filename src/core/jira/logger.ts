/** The client's log channel (e.g. a VS Code output channel, or stderr for the CLI). Messages never hold secrets. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type JiraLogger = (level: LogLevel, message: string) => void;

export const silentLogger: JiraLogger = () => undefined;
