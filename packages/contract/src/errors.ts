/**
 * One error taxonomy for the whole API: a stable machine-readable code, its HTTP status, and
 * the message in zh-CN and en-US. The server throws AppError(code); the web shows `messages`.
 */
export const errorCatalog = {
  VALIDATION_FAILED: { status: 400, zh: '提交的数据不符合要求', en: 'The request is not valid' },
  UNAUTHENTICATED: { status: 401, zh: '请先登录', en: 'Please sign in' },
  INVALID_CREDENTIALS: { status: 401, zh: '用户名或密码错误', en: 'Wrong user name or password' },
  ACCOUNT_LOCKED: {
    status: 423,
    zh: '登录失败次数过多，账号已临时锁定，请稍后再试',
    en: 'Too many failed sign-ins; the account is locked for a while',
  },
  RATE_LIMITED: { status: 429, zh: '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  CSRF_TOKEN_INVALID: {
    status: 403,
    zh: '页面已过期，请刷新后重试',
    en: 'The page has expired (CSRF check failed); reload and try again',
  },
  FORBIDDEN: { status: 403, zh: '您没有权限执行此操作', en: 'You are not allowed to do this' },
  NOT_FOUND: { status: 404, zh: '找不到该记录', en: 'Not found' },
  JURISDICTION_NOT_FOUND: { status: 404, zh: '找不到该行政区', en: 'Jurisdiction not found' },
  UNIT_NOT_FOUND: { status: 404, zh: '找不到该责任单位', en: 'Unit not found' },
  USER_NOT_FOUND: { status: 404, zh: '找不到该用户', en: 'User not found' },
  PLAN_NOT_FOUND: { status: 404, zh: '找不到该计划', en: 'Plan not found' },
  CATEGORY_NOT_FOUND: { status: 404, zh: '找不到该类别', en: 'Category not found' },
  TASK_NOT_FOUND: { status: 404, zh: '找不到该实事', en: 'Task not found' },
  INDICATOR_NOT_FOUND: { status: 404, zh: '找不到该指标', en: 'Indicator not found' },
  IMPORT_NOT_FOUND: { status: 404, zh: '找不到该导入记录', en: 'Import not found' },
  VERSION_CONFLICT: {
    status: 409,
    zh: '该记录已被他人修改，请刷新后再编辑',
    en: 'Someone else changed this record; reload it and edit again',
  },
  ALREADY_EXISTS: { status: 409, zh: '同名记录已存在', en: 'A record with this name already exists' },
  IMPORT_ALREADY_COMMITTED: {
    status: 409,
    zh: '该导入已确认保存',
    en: 'This import has already been committed',
  },
  IMPORT_INVALID: {
    status: 422,
    zh: '导入内容有错误，请按提示修改后再确认',
    en: 'The import has errors; correct them and confirm again',
  },
  PASSWORD_TOO_WEAK: {
    status: 422,
    zh: '密码至少 10 位，且须包含字母和数字',
    en: 'The password needs at least 10 characters with letters and digits',
  },
  REQUEST_TOO_LARGE: { status: 413, zh: '提交的内容过大', en: 'The request body is too large' },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    zh: '不支持的请求格式',
    en: 'Unsupported request content type',
  },
  FILE_EMPTY: { status: 400, zh: '文件是空的', en: 'The file is empty' },
  FILE_NOT_FOUND: { status: 400, zh: '文件不存在', en: 'File not found' },
  FILE_TOO_LARGE: { status: 413, zh: '文件超过大小上限', en: 'The file is over the size limit' },
  UNSUPPORTED_FILE_TYPE: {
    status: 415,
    zh: '不支持的文件类型（支持 .docx、.xlsx、.html、.txt）',
    en: 'Unsupported file type (.docx, .xlsx, .html and .txt are supported)',
  },
  CORRUPT_DOCUMENT: {
    status: 422,
    zh: '文件已损坏或格式不正确',
    en: 'The file is damaged or not what its type says',
  },
  ZIP_BOMB: {
    status: 422,
    zh: '文件解压后过大，疑似压缩炸弹，已拒绝',
    en: 'The file expands to an unsafe size (zip bomb); refused',
  },
  NO_TASKS_FOUND: {
    status: 422,
    zh: '文件中没有识别到任何民生实事条目',
    en: 'No tasks were found in the document',
  },
  PERIOD_NOT_FOUND: { status: 404, zh: '找不到该报送期', en: 'Reporting period not found' },
  REPORT_NOT_FOUND: { status: 404, zh: '找不到该报告', en: 'Report not found' },
  ATTACHMENT_NOT_FOUND: { status: 404, zh: '找不到该附件', en: 'Attachment not found' },
  PERIOD_CLOSED: {
    status: 409,
    zh: '该报送期已关闭，不能再报送',
    en: 'This reporting period is closed',
  },
  REPORT_ALREADY_SUBMITTED: {
    status: 409,
    zh: '报告已提交，不能再按草稿修改；如需更改请重新提交',
    en: 'The report has been submitted; submit a new version to change it',
  },
  REPORT_NOT_SUBMITTED: {
    status: 409,
    zh: '只能审核已提交的报告',
    en: 'Only a submitted report can be reviewed',
  },
  TASK_NOT_ASSIGNED: {
    status: 422,
    zh: '该单位不是这项实事的责任单位',
    en: 'The unit is not responsible for this task',
  },
  STATUS_REASON_REQUIRED: {
    status: 422,
    zh: '所选状态与系统根据数据建议的状态不同，请说明理由',
    en: 'The chosen status differs from the one the numbers support; give a reason',
  },
  CHANGE_REASON_REQUIRED: {
    status: 422,
    zh: '报告已被采纳，修改须说明理由',
    en: 'The report was accepted; a change needs a reason',
  },
  RETURN_COMMENT_REQUIRED: {
    status: 422,
    zh: '退回报告须填写意见',
    en: 'A returned report needs a comment',
  },
  INTERNAL: { status: 500, zh: '服务器内部错误', en: 'Internal server error' },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

export type ErrorCode = keyof typeof errorCatalog;
export const errorCodes = Object.keys(errorCatalog) as ErrorCode[];

/** The body of every non-2xx API response. */
export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    messageZh: string;
    messageEn: string;
    /** Per-field details (validation), when there are any. */
    details?: { path: string; message: string }[];
  };
}
