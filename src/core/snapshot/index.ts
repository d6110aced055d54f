export * from './types';
export * from './account';
export * from './load';
export * from './needs';
export * from './normalize';
export * from './site';
