export * from './auth';
export * from './mentoring';
export * from './learning';
export * from './indicator';
export * from './h5p';
export * from './settings';
export * from './network';
export * from './aggregates';
