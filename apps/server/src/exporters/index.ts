export * from './official-table';
export { exportTableDocx } from './docx-exporter';
export { exportTableXlsx } from './xlsx-exporter';
