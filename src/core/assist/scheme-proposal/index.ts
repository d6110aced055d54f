export * from './proposal';
export { proposalMarkdown } from './steps';
