export * from './model';
export { extractIndicators } from './indicators/extract-indicators';
export { extractProgress, checkStatedPercent } from './progress/extract-progress';
export { parseDeadline } from './deadline/parse-deadline';
export { buildPlanDocument } from './document/build-plan-document';
export { textToSource } from './document/text-to-source';
export * from './rating/rate-task';
export * from './calendar/working-days';
