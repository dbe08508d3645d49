export * from './auth';
export * from './mentoring';
