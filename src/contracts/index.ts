export * from './auth';
export * from './common';
export * from './contacts';
export * from './duplicates';
export * from './imports';
export * from './organisations';
export * from './tags';
export * from './trash';
