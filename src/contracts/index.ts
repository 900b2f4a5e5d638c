export * from './auth';
export * from './common';
export * from './contacts';
export * from './duplicates';
export * from './organisations';
export * from './tags';
export * from './trash';
export * from './imports';
