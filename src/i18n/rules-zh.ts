// The rules' sentences in Simplified Chinese, made from each violation's (or
// passing rule's) params. One entry per sentence key: a key without a
// Chinese sentence does not compile.

import type { MessageAction, MessageKey, MessageParams, MessageParamsByKey } from '../domain/messages.js'

export const ACTION_ZH: Record<MessageAction, string> = {
  request: '申请',
  accept: '同意',
  decline: '拒绝',
  approve: '批准',
  reject: '驳回',
  cancel: '撤回',
  undo: '撤销',
}

export const SWAP_STATUS_ZH: Record<string, string> = {
  pending: '待对方同意',
  accepted: '待审批',
  approved: '已批准',
  rejected: '已驳回',
  declined: '对方已拒绝',
  cancelled: '已撤回',
  undone: '已撤销',
}

export const LEAVE_STATUS_ZH: Record<string, string> = { pending: '待审批', approved: '已批准', rejected: '已驳回' }

export const ROLE_ZH: Record<string, string> = { agent: '客服', lead: '组长', manager: '经理' }

const and = (list: readonly string[]) => list.join(' 和 ')
const or = (list: readonly string[]) => list.join(' 或 ')

type ZhSentences = { [K in MessageKey]: (p: MessageParamsByKey[K]) => string }

const ZH: ZhSentences = {
  'coverage.short': (p) => `${p.date} 的 ${p.shift} 班只有 ${p.have} 人，需要 ${p.need} 人`,
  'coverage.over': (p) => `${p.date} 的 ${p.shift} 班有 ${p.have} 人，只需要 ${p.need} 人`,
  'coverage.unavailable': (p) => `${p.date} 的 ${p.shifts} 个班次共需 ${p.need} 人，但只有 ${p.available} 人可排${p.away.length ? `（请假：${p.away.join('、')}）` : ''}`,
  'one-shift-per-day': (p) => `${p.staff} 在 ${p.date} 同时上 ${p.first} 班和 ${p.second} 班`,
  'min-rest': (p) => `${p.staff} 在 ${p.prevDate} 的 ${p.prevShift} 班（${p.prevEnd} 下班）与 ${p.nextDate} 的 ${p.nextShift} 班（${p.nextStart} 上班）之间只休息 ${p.hours} 小时；至少需要 ${p.need} 小时`,
  'max-consecutive-days': (p) => `${p.staff} 从 ${p.first} 到 ${p.last} 连续上班 ${p.days} 天；最多允许连续 ${p.limit} 天`,
  'max-consecutive-days.capacity': (p) => `${p.from} 至 ${p.to} 的班次共需 ${p.demand} 人天，但在最多连续上班 ${p.limit} 天的限制下，可排的 ${p.people} 人最多只能提供 ${p.capacity} 人天`,
  'leave': (p) => `${p.staff} 在 ${p.date} 已获批请假，却被排了 ${p.shift} 班`,
  'swap.past': (p) => `${p.date} 已经过去（今天是 ${p.today}）；只能换今天及以后的班`,
  'swap.past.ok': (p) => `${and(p.dates)} 不早于今天（${p.today}）`,
  'swap.holiday': (p) => `${p.date} 是节假日（${p.holiday}）：节假日当班人员不允许换班`,
  'swap.holiday.ok': (p) => `${and(p.dates)} 不是节假日`,
  'swap.leave': (p) => `${p.staff} 有${LEAVE_STATUS_ZH[p.status] ?? p.status}的请假（${p.from} 至 ${p.to}），包含 ${p.date}；换班和还班当天均不得请假`,
  'swap.leave.swap': (p) => `${p.staff} 在 ${p.date} 参与换班 #${p.swap}（${SWAP_STATUS_ZH[p.status] ?? p.status}）；换班和还班当天均不得请假`,
  'swap.leave.ok': (p) => `${and(p.people)} 在 ${or(p.dates)} 都没有待审批或已批准的请假`,
  'swap.ownership.self': (p) => `${p.staff} 不能和自己换班`,
  'swap.ownership.no-shift': (p) => `${p.requester} 在 ${p.date} 没有可以换出的班`,
  'swap.ownership.same-shift': (p) => `${p.counterpart} 在 ${p.date} 和 ${p.requester} 同上 ${p.shift} 班，没有可换的`,
  'swap.ownership.exchange-payback': (p) => `${p.counterpart} 在 ${p.date} 上 ${p.shift} 班，这是当日对换，不需要还班日期`,
  'swap.ownership.needs-payback': (p) => `${p.counterpart} 在 ${p.date} 休息，代班需要还班日期（--payback），由 ${p.requester} 在那天上 ${p.counterpart} 的班`,
  'swap.ownership.same-date': (p) => `还班日期不能与换班日期 ${p.date} 相同`,
  'swap.ownership.busy-on-payback': (p) => `${p.requester} 在还班日期 ${p.payback} 已经上 ${p.shift} 班，无法接 ${p.counterpart} 的班`,
  'swap.ownership.free-on-payback': (p) => `${p.counterpart} 在还班日期 ${p.payback} 没有班可以让 ${p.requester} 接替`,
  'swap.ownership.exchange': (p) => `当日对换：${p.date} ${p.requester} 上 ${p.mine} 班，${p.counterpart} 上 ${p.theirs} 班，两人互换`,
  'swap.ownership.cover': (p) => `代班：${p.counterpart} 在 ${p.date} 休息，接 ${p.requester} 的 ${p.mine} 班；${p.requester} 在 ${p.payback} 休息，接 ${p.counterpart} 的 ${p.theirs} 班`,
  'swap.monthly-limit': (p) => `${p.staff} 在 ${p.month} 已参与 ${p.already} 次换班；每人每月最多 ${p.limit} 次（swap.max-per-month）`,
  'swap.monthly-limit.ok': (p) => `加上这一次：${p.counts.map((c) => `${c.staff} ${c.swaps} 次`).join('，')}；${p.month} 每人最多 ${p.limit} 次`,
  'swap.consecutive': (p) =>
    p.other === p.date
      ? `${p.staff} 已在当天（${p.date}）参与换班 #${p.swap}（${SWAP_STATUS_ZH[p.status] ?? p.status}）；同一天或相邻两天不允许都换班`
      : `${p.staff} 已在 ${p.other} 参与换班 #${p.swap}（${SWAP_STATUS_ZH[p.status] ?? p.status}），紧挨着 ${p.date}；不允许连续换班`,
  'swap.consecutive.ok': (p) => `${and(p.people)} 在 ${or(p.dates)} 当天及前后一天都没有其他换班`,
  'swap.back-to-back': (p) => `换班后${p.cause ? zhSentence(p.cause) : p.message}（${p.rule}）`,
  'swap.back-to-back.ok': (p) => `换班后 ${and(p.people)} 仍然每天最多一个班、两班之间休息至少 ${p.rest} 小时、连续上班不超过 ${p.limit} 天`,
  'swap.back-to-back.unchecked': () => '未检查：此次换班无法应用到排班表上（见 swap.ownership）',
  'swap.approver.requester-only': (p) => `只有换班人 ${p.requester} 可以${ACTION_ZH[p.action]}此次换班，${p.actor} 不可以`,
  'swap.approver.counterpart-only': (p) => `只有对方 ${p.counterpart} 可以${ACTION_ZH[p.action]}此次换班，${p.actor} 不可以`,
  'swap.approver.lead-only': (p) => `只有组长或经理可以${ACTION_ZH[p.action]}换班；${p.actor} 是${ROLE_ZH[p.role] ?? p.role}`,
  'swap.approver.takes-part': (p) => `${p.actor} 是此次换班的当事人，不能${ACTION_ZH[p.action]}；请另找组长或经理`,
  'swap.approver.ok': (p) => {
    switch (p.action) {
      case 'request': return `${p.actor} 是换班人；需 ${p.counterpart} 同意，再由组长或经理批准`
      case 'approve':
      case 'reject': return `${p.actor} 是未参与此次换班的组长或经理`
      case 'cancel': return `${p.actor} 是换班人`
      default: return `${p.actor} 是对方`
    }
  },
  'swap.approver.party-only': (p) => `只有换班 #${p.swap} 的当事人 ${p.requester} 或 ${p.counterpart} 可以申请撤销，${p.actor} 不可以`,
  'generate.fixed-swap': (p) => `已批准的换班 ${p.swaps.map((s) => `#${s}`).join('、')} 必须保留，但${p.cause ? zhSentence(p.cause) : p.message}（${p.rule}）`,
  'leave.holiday': (p) => `${p.staff} 在节假日 ${p.date}（${p.holiday}）当班（${p.shift} 班）；节假日当班人员不允许请假`,
}

/** The Chinese sentence for one rule sentence's params. */
export function zhSentence(p: MessageParams): string {
  const say = ZH[p.key] as (values: MessageParams) => string
  return say(p)
}

/** Every sentence key that has a Chinese sentence (all of them: the type says so). */
export const ZH_SENTENCE_KEYS = Object.keys(ZH) as MessageKey[]
