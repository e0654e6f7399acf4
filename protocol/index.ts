export * from './version.ts';
export * from './equipment.ts';
export * from './telemetry.ts';
export * from './health.ts';
export * from './live.ts';
export * from './port-model.ts';
