// One error type with a closed list of codes, one onError, RFC 9457 problem+json out.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';

const MESSAGES = {
  bad_request: { status: 400, zh: '请求参数有误', en: 'The request is malformed' },
  invalid_bbox: { status: 400, zh: '范围参数 bbox 无效', en: 'The bbox parameter is invalid' },
  invalid_query: { status: 400, zh: '查询参数无效', en: 'A query parameter is invalid' },
  invalid_json: { status: 400, zh: '请求体不是有效的 JSON', en: 'The request body is not valid JSON' },
  validation_failed: { status: 400, zh: '请求内容未通过校验', en: 'The request body failed validation' },
  unauthenticated: { status: 401, zh: '请先登录，或登录已过期', en: 'Sign in first, or the session has ended' },
  invalid_credentials: { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  forbidden: { status: 403, zh: '当前角色无权执行此操作', en: 'Your role may not do this' },
  csrf_failed: { status: 403, zh: '请求来源校验失败，请刷新页面后重试', en: 'The request failed the anti-forgery check; reload and retry' },
  not_found: { status: 404, zh: '未找到该记录', en: 'No such record' },
  unknown_layer: { status: 404, zh: '没有这个图层', en: 'No such layer' },
  payload_too_large: { status: 413, zh: '请求体过大', en: 'The request body is too large' },
  unsupported_media_type: { status: 415, zh: '仅接受 application/json', en: 'Only application/json is accepted' },
  weak_password: { status: 422, zh: '密码不符合要求', en: 'The password does not meet the policy' },
  too_many_attempts: { status: 429, zh: '登录失败次数过多，请稍后再试', en: 'Too many failed sign-ins; try again later' },
  invalid_geometry: { status: 422, zh: '几何图形无效', en: 'The geometry is invalid' },
  invalid_road_file: { status: 422, zh: '道路文件有错误要素，未导入任何道路', en: 'The road file has bad features; no road was imported' },
  conflict: { status: 409, zh: '与现有数据冲突', en: 'Conflicts with existing data' },
  self_lockout: { status: 409, zh: '不能停用自己的账号或取消自己的管理员角色', en: 'You cannot disable your own account or remove your own admin role' },
  task_cancelled: { status: 409, zh: '该任务已取消，不再接收进度', en: 'The task has been cancelled and takes no more updates' },
  unknown_reference: { status: 422, zh: '引用的记录不存在', en: 'A referenced record does not exist' },
  team_required: { status: 422, zh: '网格员/现场队员必须属于一个工作组', en: 'A field member must belong to a team' },
  // Control zones (issue 4)
  version_conflict: { status: 409, zh: '该区域已被他人修改，请刷新后重试', en: 'Someone else changed this zone; reload and retry' },
  invalid_transition: { status: 409, zh: '该区域当前状态不允许此操作', en: 'The zone’s status does not allow this step' },
  invalid_downgrade: { status: 422, zh: '只能降为风险等级更低的区域类型', en: 'A downgrade must go to a lower-ranked zone kind' },
  invalid_upgrade: { status: 422, zh: '只能升为风险等级更高的区域类型', en: 'An upgrade must go to a higher-ranked zone kind' },
  invalid_justification: { status: 422, zh: '划定依据引用的病例或暴露记录无效', en: 'The justification names a person who is not a case of the incident, or an exposure that is not theirs' },
  invalid_round: { status: 422, zh: '核酸检测轮次日期不能晚于今天', en: 'A test round cannot be dated after today' },
  unknown_zone_kind: { status: 422, zh: '当前规则方案中没有这种区域类型', en: 'The incident’s rule profile has no such zone kind' },
  invalid_profile: { status: 422, zh: '规则方案参数无效', en: 'The rule profile parameters are invalid' },
  self_intersection: { status: 422, zh: '区域边界自相交', en: 'The zone boundary intersects itself' },
  too_many_vertices: { status: 422, zh: '区域边界顶点过多', en: 'The zone boundary has too many vertices' },
  outside_district: { status: 422, zh: '区域超出本辖区范围', en: 'The zone leaves the district' },
  // Closed loop, rooms, imports (issue 5)
  loop_step_not_next: { status: 409, zh: '该闭环环节不是当前应办的环节', en: 'This loop step is not the next one due for this person' },
  loop_step_done: { status: 409, zh: '该闭环环节已完成或已取消', en: 'This loop step is already done or cancelled' },
  result_required: { status: 422, zh: '核酸检测环节须填写结果（阴性/阳性）', en: 'A test step needs its result (negative or positive)' },
  room_required: { status: 422, zh: '入住隔离点须指定房间', en: 'Quarantine needs a room' },
  positive_result_open: { status: 409, zh: '该人员有阳性检测结果，不能按密接解除隔离', en: 'This person has a positive test and cannot be released as a contact' },
  not_identified_under_profile: { status: 422, zh: '当前规则方案不判定此类人员（如二十条不判定次密接）', en: 'The incident’s rule profile does not identify this category (e.g. no secondary contacts under the 20 measures)' },
  no_contact_rules: { status: 422, zh: '当前规则方案没有密接管理规定', en: 'The incident’s rule profile has no contact-management rules' },
  no_room_available: { status: 409, zh: '没有符合条件的空余隔离房间', en: 'No free quarantine room meets the rules' },
  room_taken: { status: 409, zh: '该房间已有人入住或不适合该人员', en: 'The room is taken or not allowed for this person' },
  unsupported_file: { status: 422, zh: '文件内容与声明的格式不符，或不是支持的 CSV/XLSX 文件', en: 'The file is not what it claims to be, or not a supported CSV/XLSX file' },
  archive_too_large: { status: 422, zh: '压缩文件解压后过大（疑似压缩炸弹），已拒绝', en: 'The archive expands too far (a possible zip bomb) and was refused' },
  too_many_rows: { status: 422, zh: '文件行数超过单次导入上限', en: 'The file has more rows than one import takes' },
  invalid_mapping: { status: 422, zh: '列对应关系无效或缺少必填字段', en: 'The column mapping is invalid or misses a required field' },
  crs_required: { status: 422, zh: '表格含坐标列，请选择坐标系（WGS-84、GCJ-02 或 BD-09）', en: 'The sheet has coordinates: say which system they are in (WGS-84, GCJ-02 or BD-09)' },
  import_not_ready: { status: 409, zh: '仍有错误行或待复核行，不能整体导入', en: 'Rows still have errors or await review; an all-or-nothing import cannot commit' },
  import_closed: { status: 409, zh: '该导入已提交或已放弃', en: 'This import is already committed or discarded' },
  // Early warning (issue 7)
  alert_resolved: { status: 409, zh: '该预警已处置完毕（已解除），不能再确认或解除', en: 'This alert is already resolved; it cannot be acknowledged or resolved again' },
  database_busy: { status: 503, zh: '数据库繁忙，请稍后重试', en: 'The database is busy; retry shortly' },
  internal: { status: 500, zh: '服务器内部错误', en: 'Internal server error' },
} as const;

export type ErrorCode = keyof typeof MESSAGES;

export class ApiError extends Error {
  readonly status: number;
  constructor(readonly code: ErrorCode, readonly detail?: string, readonly headers: Record<string, string> = {}) {
    super(detail ?? MESSAGES[code].en);
    this.status = MESSAGES[code].status;
  }
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail?: string;
  message: { 'zh-CN': string; en: string };
}

export function problem(code: ErrorCode, detail?: string): Problem {
  const m = MESSAGES[code];
  return { type: `/problems/${code}`, title: m.en, status: m.status, code, detail, message: { 'zh-CN': m.zh, en: m.en } };
}

export function problemResponse(code: ErrorCode, detail?: string, headers: Record<string, string> = {}): Response {
  const body = problem(code, detail);
  return new Response(JSON.stringify(body), {
    status: body.status,
    headers: { 'content-type': 'application/problem+json; charset=utf-8', ...headers },
  });
}

type Logger = { error: (obj: unknown, msg?: string) => void };

/** Never a stack trace on the wire: unknown errors become a generic 500 and go to the log. */
export function onError(log: Logger) {
  return (err: Error, _c: Context): Response => {
    if (err instanceof ApiError) return problemResponse(err.code, err.detail, err.headers);
    if (err instanceof HTTPException) {
      const code: ErrorCode = err.status === 413 ? 'payload_too_large' : err.status === 404 ? 'not_found' : 'bad_request';
      return problemResponse(code, err.message || undefined);
    }
    const sqliteCode = (err as { code?: string }).code;
    if (sqliteCode === 'SQLITE_BUSY' || sqliteCode === 'SQLITE_LOCKED') {
      return problemResponse('database_busy', undefined, { 'retry-after': '1' });
    }
    log.error({ err }, 'unhandled error');
    return problemResponse('internal');
  };
}
