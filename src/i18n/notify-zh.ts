// 通知的简体中文（SPEC 12）：每次变更发给 webhook 的消息、接下来该做什么、
// notify.* 设置的错误，以及 `roster notify list / flush`。Joined into zh-cn.ts
// as `notify`; staff ids, shift codes, dates and commands stay as they are.

import type { NotifyEvent } from '../domain/notify.js'
import type { NotifyMessages } from './notify-en.js'

/** A Latin or digit piece next to Chinese gets a space on that side. */
const shiftOf = (shift: string | undefined) => (shift ? `的 ${shift} 班` : '的班')

function swapClause(e: NotifyEvent): string {
  const mine = e.swapShifts?.mine ?? undefined
  const theirs = e.swapShifts?.theirs ?? undefined
  const date = e.dates[0]
  if (e.payback) {
    return `${e.counterpart} 在 ${date} 替 ${e.requester} 上${shiftOf(mine).slice(1)}，${e.requester} 在 ${e.payback} 替 ${e.counterpart} 上${shiftOf(theirs).slice(1)}作为回报`
  }
  return `${e.requester} 和 ${e.counterpart} 在 ${date} 互换班次${mine && theirs ? `（${e.requester} 的 ${mine} 班换 ${e.counterpart} 的 ${theirs} 班）` : ''}`
}

const range = (e: NotifyEvent) => (e.dates.length > 1 && e.dates[0] !== e.dates[e.dates.length - 1] ? `${e.dates[0]} 至 ${e.dates[e.dates.length - 1]}` : `${e.dates[0]}`)
const by = (e: NotifyEvent, verb: string) => (e.actor ? `由 ${e.actor} ${verb}` : verb)
const swapName = (e: NotifyEvent) => (e.reverses ? `换班 #${e.ref}（撤销换班 #${e.reverses}）` : `换班 #${e.ref} `)
const opened = (e: NotifyEvent) => (e.opened ?? []).map((o) => `${o.date} 的 ${o.shift} 班`).join('、')
const shift = (e: NotifyEvent) => (e.shifts[0] ? ` ${e.shifts[0]} 班` : '班次')

export const notifyZh: NotifyMessages = {
  text(e) {
    switch (e.kind) {
      case 'swap.request': return `${swapName(e)}${by(e, '申请')}：${swapClause(e)}。`
      case 'swap.undo': return `换班 #${e.ref} ${by(e, '申请')}撤销换班 #${e.reverses}：${swapClause(e)}。`
      case 'swap.accept': return `${swapName(e)}${by(e, '同意')}：${swapClause(e)}。`
      case 'swap.decline': return `${swapName(e)}${by(e, '拒绝')}：${swapClause(e)}。`
      case 'swap.approve': return `${swapName(e)}${by(e, '批准')}：${swapClause(e)}。排班表已更新。`
      case 'swap.reject': return `${swapName(e)}${by(e, '驳回')}：${swapClause(e)}。`
      case 'swap.cancel': return `${swapName(e)}${by(e, '撤回')}：${swapClause(e)}。`
      case 'leave.request': return `请假 #${e.ref} ${by(e, '申请')}：${e.people[0]} 在 ${range(e)} 请假。`
      case 'leave.approve': return `请假 #${e.ref} ${by(e, '批准')}：${e.people[0]} 在 ${range(e)} 请假。${e.opened?.length ? `现在空缺的班次：${opened(e)}。` : ''}`
      case 'leave.reject': return `请假 #${e.ref} ${by(e, '驳回')}：${e.people[0]} 在 ${range(e)} 的请假。`
      case 'claim.request': return `认领 #${e.ref} ${by(e, '提出')}：${e.people[0]} 想接 ${range(e)} 空缺的${shift(e)}。`
      case 'claim.approve': return `认领 #${e.ref} ${by(e, '批准')}：${e.people[0]} 接 ${range(e)} 空缺的${shift(e)}。`
      case 'claim.reject': return `认领 #${e.ref} ${by(e, '驳回')}：${e.people[0]} 不接 ${range(e)} 空缺的${shift(e)}。`
      case 'claim.cancel': return `认领 #${e.ref} ${by(e, '撤回')}：${range(e)} 的${shift(e)}重新空缺。`
      case 'roster.generate': return `新排班表${e.actor ? `（由 ${e.actor} 生成）` : ''}：${range(e)} 共 ${e.assignments ?? 0} 个班，人员 ${e.people.join('、')}。`
    }
  },
  next(e) {
    switch (e.kind) {
      case 'swap.request':
      case 'swap.undo': return `${e.counterpart}：请同意或拒绝（roster swap accept ${e.ref} / roster swap decline ${e.ref}）。`
      case 'swap.accept': return `组长：请批准或驳回（roster swap approve ${e.ref} / roster swap reject ${e.ref}）。`
      case 'swap.approve': return `${e.requester} 和 ${e.counterpart}：请按新的班次上班（roster show --as <你的 id>）。`
      case 'swap.decline':
      case 'swap.reject':
      case 'swap.cancel': return `无需操作：排班表保持不变，${e.requester} 和 ${e.counterpart} 仍上各自的班。`
      case 'leave.request': return `组长：请批准或驳回（roster leave approve ${e.ref} / roster leave reject ${e.ref}）。`
      case 'leave.approve': return e.opened?.length ? '组长：请为空缺的班次安排顶班（roster check、roster assign）。' : `无需操作：${e.people[0]} 在这段时间没有班。`
      case 'leave.reject': return `${e.people[0]}：请按排班在 ${range(e)} 上班。`
      case 'claim.request': return `组长：请批准或驳回认领 #${e.ref}。`
      case 'claim.approve': return `${e.people[0]}：请在 ${range(e)} 上这个班。`
      case 'claim.reject':
      case 'claim.cancel': return `有空的同事：${range(e)} 的班仍可认领。`
      case 'roster.generate': return '所有人：请查看自己的班次（roster show --as <你的 id>），如需换班或请假请尽早申请。'
    }
  },
  badSetting(p) {
    switch (p.key) {
      case 'webhook': return `notify.webhook 必须是一个或多个以逗号分隔的 http:// 或 https:// 地址（或 "none"），而不是 "${p.value}"。`
      case 'webhook-count': return `notify.webhook 最多 ${p.max} 个地址，而不是 ${p.count} 个。`
      case 'format': return `notify.format 必须是 json、slack、wecom、dingtalk 或 feishu，而不是 "${p.value}"。`
      case 'timeout': return `notify.timeout-ms 必须是 ${p.min} 到 ${p.max} 之间的整数毫秒数，而不是 "${p.value}"。`
      case 'lang': return `notify.lang 必须是 auto、en 或 zh-CN，而不是 "${p.value}"。`
    }
  },
  heldNote: (held) => `roster：变更已保存，但有 ${held} 条通知待发送：webhook 没有接收；之后的命令和 roster notify flush 会重试（见 roster notify list）。`,
  status: { pending: '待发送', sending: '发送中', sent: '已发送', failed: '发送失败' },
  list: {
    empty: '没有通知：既没有待发送的，也没有已发送的。',
    id: '#',
    created: '创建时间（UTC）',
    event: '事件',
    status: '状态',
    attempts: '尝试次数',
    webhook: '推送地址',
    error: '最近的错误',
  },
  flush: {
    off: '通知未开启：请用 roster config set notify.webhook <url> 设置 webhook。',
    result: (sent, held) => (held ? `已发送 ${sent} 条通知；仍有 ${held} 条待发送（见 roster notify list）。` : `已发送 ${sent} 条通知；没有待发送的通知。`),
  },
}
