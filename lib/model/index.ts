export * from './common';
export * from './metric-snapshot';
export * from './post';
export * from './mention';
export * from './risk';
